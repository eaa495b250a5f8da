import Foundation
import FrontMatter
import Markdown
import Mustache
import Search

/// The build, as a list of named steps: read → model → links → render pages → search index → swap in.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let result = try build(options, session: nil)
        LastOneShot.keep(result.last)
        return result.report
    }

    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, which the Glibc module does not declare: looked up by name.
    private static func trimHeap() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }

    /// What a session keeps between builds (see `BuildSession`).
    struct SessionInput {
        let sources: SourceCache
        let digests: VisitDigestCache
        let search: SearchIndexSession
        /// The previous build, when the live site is what it made and may be updated in place;
        /// nil for a full, staged build.
        let previous: LastBuild?
    }

    struct SessionOutput {
        let report: BuildReport
        let last: LastBuild
        /// Whether the build took the quick way (`QuickRebuild`).
        var quick = false
    }

    static func build(_ options: BuildOptions, session: SessionInput?) throws -> SessionOutput {
        let start = Date()
        let steps = StepTimer()
        let read = read(content: options.contentDirectory, displayPath: options.contentDisplayPath, cache: session?.sources)
        if let session, let previous = session.previous,
           let quick = try QuickRebuild(options: options, previous: previous, search: session.search).run(read, start: start) {
            return quick
        }
        // What a session keeps of the read for its next build (a one-shot build keeps nothing).
        let (configBytes, paths) = (read.configBytes, session == nil ? [] : read.files.map(\.relativePath))
        // A large one-shot build lets every file's front matter tree go once the model is built.
        // A small one keeps it to the end on purpose: freeing ten thousand small trees mid-build
        // leaves the allocator a fragmented heap that slows every later allocation (measured:
        // 0.15–0.25 s of a 2.2 s build), for memory that does not matter at that size.
        let lean = session == nil && read.files.count >= options.leanAbovePages
        let loaded: LoadedSite
        var keptToTheEnd: ReadContent?
        if lean {
            loaded = assemble(consume read)
        } else {
            loaded = assemble(read)
            keptToTheEnd = read
        }
        defer { withExtendedLifetime(keptToTheEnd) {} }
        options.progress?.filesRead(loaded.model.pageCount)
        options.progress?.begin("rendering")
        steps.mark("load")
        if loaded.hasErrors { throw ContentErrors(loaded.diagnostics) }
        if options.publicOnly {
            let problems = Publication.problems(loaded.model)
            if !problems.isEmpty { throw ContentErrors(problems.sorted()) }
        }
        let model = options.publicOnly ? Publication.publicOnly(loaded.model) : loaded.model
        let index = PublishedSite(model: model, links: loaded.links, today: options.today, digestCache: session?.digests)
        let theme = try Theme.load(from: options.themeDirectory, language: model.config.language,
                                   displayPath: options.themeDisplayPath)
        steps.mark("index")
        let previous = session?.previous
        let output = previous != nil ? try SiteOutput(updating: options.outputDirectory)
                                     : try SiteOutput(output: options.outputDirectory, progress: options.progress, tracksProduced: session != nil)
        do {
            let views = options.publicOnly ? PublishedViews.forPublic(model) : .everything
            let rendered = try PageRenderer(index: index, theme: theme, views: views)
                .renderAll(into: output, fingerprints: session.map { _ in previous?.trustedFingerprints ?? [:] })
            steps.mark("pages")
            options.progress?.begin("indexing")
            // A large one-shot build renders nothing more: the pages' HTML templates, then each
            // page's plain text once its search document is made (together most of the model),
            // make room for the search index. Below that size the freeing costs more time (the
            // allocator's work with a fragmented heap) than the memory is worth; a session keeps
            // everything for its next rebuild.
            if lean {
                for page in model.allPages { page.markdown.releaseHTML() }
                // The freed templates sit between live objects; handing their whole pages back to
                // the system keeps them from counting while the index grows elsewhere.
                trimHeap()
            }
            let searchFiles = try SearchPublisher.publish(index, into: output, session: session?.search, lean: lean)
            steps.mark("search")
            for file in theme.staticFiles {
                try output.write("static/\(file.relativePath)", try Data(contentsOf: file.url))
            }
            try output.commit(removing: previous.map { Set($0.produced.keys) } ?? [])
            steps.mark("commit")
            let report = BuildReport(pages: rendered.pages, files: output.filesWritten, bytes: output.bytesWritten, unchanged: output.filesReused,
                                     warnings: loaded.diagnostics.filter { $0.severity == .warning },
                                     seconds: Date().timeIntervalSince(start))
            let last = LastBuild(options: options, configBytes: configBytes, paths: paths,
                                 index: index, warnings: report.warnings, theme: theme,
                                 fingerprints: rendered.fingerprints, produced: output.producedSizes, searchFiles: searchFiles)
            return SessionOutput(report: report, last: last)
        } catch {
            output.abandon()
            throw error
        }
    }
}

/// The model and views of the last one-shot build, deliberately not freed when the build returns:
/// `densho build` exits right after, and releasing a 10,000-page model object by object first
/// costs about a tenth of a second for nothing. The next build replaces it, so at most one is kept.
enum LastOneShot {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last: LastBuild?

    static func keep(_ build: LastBuild) {
        lock.lock()
        let previous = last
        last = build
        lock.unlock()
        _ = previous   // released here, outside the lock
    }
}
