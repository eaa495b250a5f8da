import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kinds of page a densho project holds, named by their content folder.
public enum Section: String, CaseIterable, Sendable, Hashable, Comparable {
    case companies, visits, playbooks, people, partners

    public static func < (a: Section, b: Section) -> Bool { a.order < b.order }
    private var order: Int { Section.allCases.firstIndex(of: self) ?? 0 }

    /// Singular form used for `densho new KIND` and search types.
    public var kind: String {
        switch self {
        case .companies: return "company"
        case .visits: return "visit"
        case .playbooks: return "playbook"
        case .people: return "person"
        case .partners: return "partner"
        }
    }
}

/// A Markdown file found under content/, before it is read.
struct SourceFile: Sendable {
    let url: URL
    let relativePath: String   // e.g. "visits/2026/2026-10-14-marumaru-seiki.md"
    let displayPath: String    // as the user should see it in diagnostics
    let section: Section
    let slug: String
}

/// Finds the content files and checks that their names are safe to become URLs.
struct ContentScanner {
    let contentDirectory: URL
    let displayRoot: String

    func scan(into diagnostics: inout DiagnosticList) -> [SourceFile] {
        let fm = FileManager.default
        var files: [SourceFile] = []
        let root = contentDirectory.standardizedFileURL.resolvingSymlinksInPath()
        guard let top = try? fm.contentsOfDirectory(atPath: root.path) else {
            diagnostics.error(displayRoot, 1, 1, "content folder not found or not readable")
            return []
        }
        for name in top.sorted() where !name.hasPrefix(".") {
            let url = root.appendingPathComponent(name)
            if name == "site.yml" { continue }
            guard let section = Section(rawValue: name) else {
                if isDirectory(url) {
                    diagnostics.warning(display(name), 1, 1, "unknown content folder '\(name)' is ignored (expected one of: \(Section.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                continue
            }
            guard checkLink(url, root: root, display: display(name), &diagnostics) else { continue }
            if section == .visits {
                for year in children(of: url) {
                    let yearURL = url.appendingPathComponent(year)
                    let rel = "visits/\(year)"
                    guard checkLink(yearURL, root: root, display: display(rel), &diagnostics) else { continue }
                    if !isDirectory(yearURL) {
                        if year.hasSuffix(".md") {
                            diagnostics.error(display(rel), 1, 1, "a visit belongs in a year folder: visits/<yyyy>/\(year)")
                        }
                        continue
                    }
                    if !(year.count == 4 && year.allSatisfy(\.isASCIIDigitChar)) {
                        diagnostics.error(display(rel), 1, 1, "visit folders are named by year (yyyy), not '\(year)'")
                        continue
                    }
                    collect(in: yearURL, relative: rel, section: section, root: root, into: &files, &diagnostics)
                }
            } else {
                collect(in: url, relative: name, section: section, root: root, into: &files, &diagnostics)
            }
        }
        return files
    }

    private func collect(in dir: URL, relative: String, section: Section, root: URL,
                         into files: inout [SourceFile], _ diagnostics: inout DiagnosticList) {
        for name in children(of: dir) {
            let url = dir.appendingPathComponent(name)
            let rel = "\(relative)/\(name)"
            guard checkLink(url, root: root, display: display(rel), &diagnostics) else { continue }
            if isDirectory(url) {
                diagnostics.warning(display(rel), 1, 1, "sub-folders are not read here; move the notes up into \(relative)/")
                continue
            }
            guard name.hasSuffix(".md") else { continue }
            let slug = String(name.dropLast(3))
            if let problem = SlugRules.problem(with: slug) {
                diagnostics.error(display(rel), 1, 1, "file name cannot become a page address: \(problem)")
                continue
            }
            files.append(SourceFile(url: url, relativePath: rel, displayPath: display(rel), section: section, slug: slug))
        }
    }

    private func children(of dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    /// stat(2) directly: FileManager's attribute dictionaries cost more than the parse of a small note.
    private func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// A symlink is followed only when it stays inside content/: otherwise a note could pull in
    /// any file of the machine and publish it.
    private func checkLink(_ url: URL, root: URL, display: String, _ diagnostics: inout DiagnosticList) -> Bool {
        guard isSymbolicLink(url) else { return true }
        let target = url.resolvingSymlinksInPath().standardizedFileURL.path
        if target == root.path || target.hasPrefix(root.path + "/") { return true }
        diagnostics.error(display, 1, 1, "symbolic link points outside the content folder; refused")
        return false
    }

    func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }
}

/// What a slug or id may be: it becomes a file name and a URL segment.
enum SlugRules {
    static let maximumBytes = 200

    static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "it is empty" }
        if slug.utf8.count > maximumBytes { return "it is longer than \(maximumBytes) bytes" }
        if slug.hasPrefix(".") { return "it starts with '.'" }
        if slug.contains("/") || slug.contains("\\") { return "it contains a path separator" }
        if slug.contains("..") { return "it contains '..'" }
        for scalar in slug.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                return "it contains a control character (U+\(String(scalar.value, radix: 16, uppercase: true)))"
            }
            if scalar.properties.isWhitespace { return "it contains white space" }
            if "?#%\"'<>&|*:".unicodeScalars.contains(scalar) { return "it contains '\(scalar)'" }
        }
        return nil
    }
}

extension Character {
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}
