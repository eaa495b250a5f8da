import Foundation
import Markdown

/// The loaded, validated content: what `check` reports on and what `build` renders.
public struct LoadedSite: Sendable {
    public let model: SiteModel
    public let links: LinkGraph
    public let diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reading and checking the content: the steps `check` and `build` share.
extension SiteBuilder {
    public static func load(content: URL, displayPath: String) -> LoadedSite {
        assemble(read(content: content, displayPath: displayPath, cache: nil))
    }

    /// The content folder as files: site.yml, every note parsed (reusing a session's cache).
    struct ReadContent {
        let config: SiteConfig
        /// site.yml's bytes, for a session to see that the configuration did not change.
        let configBytes: Data?
        let files: [SourceFile]
        let sources: [Result<ParsedSource, Diagnostic>]
        /// Problems found while reading (site.yml, file names, encodings, front matter syntax).
        let diagnostics: DiagnosticList
        /// With a session's cache: the files parsed again, with their previous parse.
        let changes: [SourceCache.Change]
        /// Where attachments are looked for, and how paths are shown.
        let scanner: ContentScanner
        /// Read by a session (`BuildSession`), which keeps what it learns for the next build.
        var fromSession = false
    }

    static func read(content: URL, displayPath: String, cache: SourceCache?) -> ReadContent {
        let steps = StepTimer()
        var diagnostics = DiagnosticList()
        let scanner = ContentScanner(contentDirectory: content, displayRoot: displayPath)
        let configURL = content.appendingPathComponent("site.yml")
        let config = SiteConfig.load(from: configURL, displayPath: scanner.display("site.yml"), into: &diagnostics)
        // Told what changed (the `serve` watcher's list), a session's read walks the folders again
        // only when a file came or went, and looks only at the files that changed.
        // (Only a list whose every path is a known note's, spelled the same, is trusted.)
        let options = MarkdownOptions(unsafeHTML: config.unsafeHTML)
        let changed = cache?.takeHint()
        let files: [SourceFile]
        var positions: [Int]?
        if let list = changed, let cache, let kept = cache.lastScan, cache.lastResults.count == kept.files.count,
           list.allSatisfy({ kept.positions[$0] != nil && isRegularFile($0) }) {
            files = kept.files
            positions = list.compactMap { kept.positions[$0] }.sorted()
        } else {
            let before = diagnostics.items.count
            files = scanner.scan(into: &diagnostics)
            var kept: [String: Int] = [:]
            if cache != nil, diagnostics.items.count == before {
                kept.reserveCapacity(files.count)
                for (i, file) in files.enumerated() { kept[file.path] = i }
            }
            cache?.lastScan = cache != nil && diagnostics.items.count == before ? (files, kept) : nil
        }
        steps.mark("  scan")
        let sources: [Result<ParsedSource, Diagnostic>]
        if let cache, let positions {
            sources = cache.parse(files, options: options, changed: positions)
        } else {
            sources = cache?.parseAll(files, options: options) ?? SourceParser.parseAll(files, options: options)
        }
        steps.mark("  parse")
        defer { steps.mark("  site.yml") }
        return ReadContent(config: config, configBytes: SourceText.contents(atPath: configURL.path),
                           files: files, sources: sources, diagnostics: diagnostics, changes: cache?.changes ?? [], scanner: scanner,
                           fromSession: cache != nil)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func assemble(_ read: ReadContent) -> LoadedSite {
        let steps = StepTimer()
        var diagnostics = read.diagnostics
        var sources: [ParsedSource] = []
        sources.reserveCapacity(read.sources.count)
        for result in read.sources {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        var builder = ModelBuilder(config: read.config)
        for (file, result) in zip(read.files, read.sources) {
            if case .failure = result { builder.unreadable.insert(PageID(kind: file.kind, slug: file.slug)) }
        }
        var model = builder.build(sources)
        diagnostics.append(contentsOf: builder.diagnostics)
        // How a session's quick rebuild knows the attachments are still what they were.
        let folders = read.fromSession ? AttachmentIndex.Folders.take(model.allPages, contentRoot: read.scanner.contentDirectory) : nil
        model.attachments = AttachmentIndex.find(model.allPages, contentRoot: read.scanner.contentDirectory,
                                                 display: read.scanner.display, into: &diagnostics)
        model.attachments.folders = folders
        steps.mark("  model")
        DuplicateSlugs.check(model, into: &diagnostics)
        let links = LinkGraph.resolve(model, into: &diagnostics)
        steps.mark("  links")
        return LoadedSite(model: model, links: links, diagnostics: diagnostics.sorted)
    }
}
