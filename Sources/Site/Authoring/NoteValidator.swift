import Foundation
import FrontMatter
import Markdown

/// A note not yet written, as validation sees it: where it would go and what it would hold.
public struct PendingNote: Sendable {
    /// Relative to content/, e.g. "visits/2026/2026-10-14-marumaru-seiki.md".
    public let relativePath: String
    public let text: String
    public init(relativePath: String, text: String) {
        self.relativePath = relativePath
        self.text = text
    }
}

/// Checks notes before they exist with the code `build` runs: the content folder is read as a
/// build reads it, the pending notes are parsed beside it, and the model, references and links
/// are assembled. What a form or an import writes therefore never breaks the next build.
public enum NoteValidator {
    /// The errors `build` would report in the pending notes (problems elsewhere are not theirs).
    /// With an `index` (a running server's), notes unchanged since the last check are not read again.
    public static func errors(in pending: [PendingNote], content: URL, displayRoot: String, index: CheckingIndex? = nil) -> [Diagnostic] {
        let steps = StepTimer()
        let read = readForChecking(content: content, displayRoot: displayRoot, index: index)
        steps.mark("  check: read")
        let scanner = ContentScanner(contentDirectory: content, displayRoot: displayRoot)
        let options = MarkdownOptions(unsafeHTML: read.config.unsafeHTML)
        var files = read.files
        var sources = read.sources
        var shown = Set<String>()
        var diagnostics = DiagnosticList()
        for note in pending {
            let parts = note.relativePath.split(separator: "/")
            guard let first = parts.first, let kind = PageKind(rawValue: String(first)), let name = parts.last, name.hasSuffix(".md") else {
                diagnostics.error(scanner.display(note.relativePath), 1, 1, "not a content note path")
                continue
            }
            let display = scanner.display(note.relativePath)
            let file = SourceFile(path: content.appendingPathComponent(note.relativePath).path, relativePath: note.relativePath,
                                  displayPath: display, kind: kind, slug: String(name.dropLast(3)))
            shown.insert(display)
            files.append(file)
            sources.append(SourceParser.parse(text: note.text, of: file, options: options))
        }
        let combined = SiteBuilder.ReadContent(config: read.config, configBytes: read.configBytes, files: files, sources: sources,
                                               diagnostics: read.diagnostics, changes: [], scanner: read.scanner)
        let loaded = SiteBuilder.assemble(combined)
        steps.mark("  check: assemble")
        return diagnostics.items + loaded.diagnostics.filter { $0.severity == .error && shown.contains($0.path) }
    }

    /// Fills `index` with the content folder now, so that a server's first submit is as quick as
    /// the next ones (called once the first build is done, off the request threads).
    public static func prepare(_ index: CheckingIndex, content: URL, displayRoot: String) {
        _ = readForChecking(content: content, displayRoot: displayRoot, index: index)
    }

    /// The content folder as `build` reads it, except that the bodies of the visits already there
    /// are not parsed: a pending note's errors depend on their front matter (names, titles, slugs)
    /// and never on their text, and visits are nearly all of a large site (a form at 100,000
    /// visits must not wait for a full parse).
    static func readForChecking(content: URL, displayRoot: String, index: CheckingIndex? = nil) -> SiteBuilder.ReadContent {
        var diagnostics = DiagnosticList()
        let scanner = ContentScanner(contentDirectory: content, displayRoot: displayRoot)
        let configURL = content.appendingPathComponent("site.yml")
        let config = SiteConfig.load(from: configURL, displayPath: scanner.display("site.yml"), into: &diagnostics)
        let files = scanner.scan(into: &diagnostics)
        let options = MarkdownOptions(unsafeHTML: config.unsafeHTML)
        let reading: @Sendable (SourceFile) -> Result<ParsedSource, Diagnostic> = { file in
            guard file.kind == .visits else { return SourceParser.parse(file, options: options) }
            return SourceText.read(path: file.path, displayPath: file.displayPath)
                .flatMap { SourceParser.parse(text: frontMatterOnly($0), of: file, options: options) }
        }
        let sources: [Result<ParsedSource, Diagnostic>]
        if let index {
            sources = index.parse(files, options: options, reading: reading)
        } else {
            let results = ConcurrentResults<Result<ParsedSource, Diagnostic>>(count: files.count)
            DispatchQueue.concurrentPerform(iterations: files.count) { results.set($0, reading(files[$0])) }
            sources = results.values
        }
        return SiteBuilder.ReadContent(config: config, configBytes: nil, files: files, sources: sources,
                                       diagnostics: diagnostics, changes: [], scanner: scanner)
    }

    /// The text up to the end of its front matter (line numbers unchanged); all of it when it has none.
    static func frontMatterOnly(_ text: String) -> String {
        guard let split = try? FrontMatter.split(text), let yaml = split.yaml else { return text }
        return "---\n" + yaml + "---\n"
    }

    /// Which front-matter field or body section a line of `text` belongs to, so a form can show
    /// an error beside that field: the key of the top-level entry the line sits in, or the
    /// heading of the section it is under.
    public static func field(atLine target: Int, in text: String) -> String? {
        var inFrontMatter = false
        var field: String?
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            let line = String(raw)
            if number == 1, line == "---" { inFrontMatter = true; continue }
            if inFrontMatter, line == "---" {
                if number == target { return field }
                inFrontMatter = false
                field = nil
                continue
            }
            if inFrontMatter {
                if let first = line.first, first != " ", first != "#", let colon = line.firstIndex(of: ":") {
                    field = String(line[..<colon])
                }
            } else if line.hasPrefix("## ") {
                field = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
            }
            if number == target { return field }
        }
        return field
    }
}
