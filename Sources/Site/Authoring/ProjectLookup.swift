import Messages
import Foundation
import FrontMatter

/// What `new` needs to know about a project, read straight from the files it names (a company's
/// owner and themes, who exists): `new` must stay instant even with 100,000 visits, so it never
/// loads the whole site.
struct ProjectLookup {
    let content: URL
    let displayRoot: String

    func slugs(in kind: PageKind) -> [String] {
        let folder = content.appendingPathComponent(kind.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// The front matter of `<kind folder>/<slug>.md`, or an error naming the closest existing slugs.
    func frontMatter(of slug: String, in kind: PageKind) throws -> YAMLNode {
        let existing = slugs(in: kind)
        guard existing.contains(slug) else {
            throw AuthoringError(ProjectLookup.unknown(slug, kind: kind.singular, folder: display(kind.rawValue), among: existing))
        }
        let relative = "\(kind.rawValue)/\(slug).md"
        return try ProjectLookup.readFrontMatter(content.appendingPathComponent(relative), display: display(relative))
    }

    func requireExists(_ slug: String, in kind: PageKind) throws {
        let existing = slugs(in: kind)
        if !existing.contains(slug) {
            throw AuthoringError(ProjectLookup.unknown(slug, kind: kind.singular, folder: display(kind.rawValue), among: existing))
        }
    }

    func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }

    static func readFrontMatter(_ url: URL, display: String) throws -> YAMLNode {
        try SourceParser.frontMatter(of: url, displayPath: display)
    }

    /// "unknown company 'x'" with the closest existing slugs, always some when any exist: the
    /// person typing usually misspelled one of them.
    static func unknown(_ slug: String, kind: String, folder: String, among existing: [String]) -> Message {
        let japanese = AuthoringError.japaneseKind(kind)
        guard !existing.isEmpty else { return Message(.authoringUnknownNone, kind, slug, folder, japanese) }
        return Message(.authoringUnknown, kind, slug, folder, closest(slug, among: existing).joined(separator: ", "), japanese)
    }

    /// The three existing slugs nearest to `slug`, quoted.
    static func closest(_ slug: String, among existing: [String]) -> [String] {
        let target = Array(slug.lowercased())
        return existing
            .map { ($0, Suggestions.distance(target, Array($0.lowercased()))) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(3).map { "'\($0.0)'" }
    }
}
