import Messages
import Foundation
import FrontMatter
import Markdown
import Mustache
import Search

/// The build, as a list of named steps (Publish's idea). The plan is chosen once, after reading;
/// every plan ends in the same tail. A step's name is its `DENSHO_TIMINGS` label.
///
///     read ─┬─ load → index ─────────────────────────┬─ pages → (free) → search → static → commit
///           └─ quick: what changed → quick: model ───┘
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let result = try build(options, session: nil)
        LastOneShot.keep(result.last)
        return result.report
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

    /// How a build runs, chosen once, after reading.
    enum Plan {
        /// `densho build`: a whole new site staged beside the old one and swapped in; nothing is kept.
        case oneShot(MemoryPolicy)
        /// A session's full build (its first, or after the theme or the output folder changed):
        /// staged and swapped in like a one-shot build, and remembered.
        case staged(SessionInput)
        /// A session's rebuild straight into the live site: only pages whose template data changed
        /// are rendered, only files whose bytes changed are written.
        case inPlace(SessionInput, LastBuild)
        /// A session's rebuild after only visit notes changed, each in place (`QuickRebuild`).
        case quick(SessionInput, LastBuild, QuickRebuild.Patch)
    }

    /// What a one-shot build frees on its way. A large one lets every file's front matter tree go
    /// once the model is built, and, once the pages are written, each page's HTML template (and
    /// each page's plain text once its search document is made), to make room for the search
    /// index. A small one keeps everything to the end on purpose: freeing ten thousand small
    /// objects mid-build leaves the allocator a fragmented heap that slows every later allocation
    /// (measured: 0.15–0.25 s of a 2.2 s build), for memory that does not matter at that size. A
    /// session keeps everything for its next rebuild.
    enum MemoryPolicy { case keepAll, lean }

    static func plan(_ options: BuildOptions, _ read: ReadContent, session: SessionInput?, steps: StepTimer) -> Plan {
        guard let session else {
            return .oneShot(read.files.count >= options.leanAbovePages ? .lean : .keepAll)
        }
        guard let previous = session.previous else { return .staged(session) }
        if let patch = QuickRebuild(options: options, previous: previous).patch(read, steps: steps) {
            return .quick(session, previous, patch)
        }
        return .inPlace(session, previous)
    }

    static func build(_ options: BuildOptions, session: SessionInput?) throws -> SessionOutput {
        let start = Date()
        let steps = StepTimer()
        let read = read(content: options.contentDirectory, displayPath: options.contentDisplayPath, cache: session?.sources)
        steps.mark("read")
        let plan = plan(options, read, session: session, steps: steps)
        if case .quick(let session, let previous, let patch) = plan {
            let tail = Tail(index: patch.index, theme: previous.theme, views: .everything, fingerprints: previous.fingerprints,
                            mayChange: patch.mayChange, search: patch.changed.isEmpty ? .unchanged : .update(patch.changed, session.search),
                            warnings: previous.warnings, configBytes: read.configBytes, paths: previous.paths)
            return try publish(tail, plan: plan, options: options, steps: steps, start: start)
        }
        // What a session keeps of the read for its next build (a one-shot build keeps nothing).
        let (configBytes, paths) = (read.configBytes, session == nil ? [] : read.files.map(\.relativePath))
        let loaded: LoadedSite
        var keptToTheEnd: ReadContent?
        if case .oneShot(.lean) = plan {
            loaded = assemble(consume read)
        } else {
            loaded = assemble(read)
            keptToTheEnd = read
        }
        defer { withExtendedLifetime(keptToTheEnd) {} }
        options.progress?.filesRead(loaded.model.pageCount)
        if loaded.hasErrors { throw ContentErrors(loaded.diagnostics) }
        if options.publicOnly {
            let problems = Publication.problems(loaded.model)
            if !problems.isEmpty { throw ContentErrors(problems.sorted()) }
        }
        steps.mark("load")
        let written = options.includeDrafts && !options.publicOnly ? loaded.model : Publication.withoutDrafts(loaded.model)
        let model = options.publicOnly ? Publication.publicOnly(written) : written
        let index = PublishedSite(model: model, links: loaded.links, today: options.today, digestCache: session?.digests)
        let theme = try Theme.load(from: options.themeFiles, language: model.config.language,
                                   displayPath: options.themeDisplayPath)
        steps.mark("index")
        var fingerprints: [String: UInt64]?
        switch plan {
        case .oneShot: fingerprints = nil
        case .staged: fingerprints = [:]
        case .inPlace(_, let previous), .quick(_, let previous, _): fingerprints = previous.trustedFingerprints
        }
        let tail = Tail(index: index, theme: theme, views: options.publicOnly ? PublishedViews.forPublic(model) : .everything,
                        fingerprints: fingerprints, mayChange: nil, search: .publish,
                        warnings: loaded.diagnostics.filter { $0.severity == .warning }, configBytes: configBytes, paths: paths)
        return try publish(tail, plan: plan, options: options, steps: steps, start: start)
    }

    /// What the shared tail is given by the steps before it.
    struct Tail {
        let index: PublishedSite
        let theme: Theme
        let views: PublishedViews
        /// The previous build's page fingerprints to compare with; nil: a one-shot build, which neither compares nor keeps them.
        let fingerprints: [String: UInt64]?
        /// The only pages that may have changed (a quick rebuild); nil: any.
        let mayChange: Set<String>?
        let search: SearchWork
        let warnings: [Diagnostic]
        let configBytes: Data?
        let paths: [String]
    }

    enum SearchWork {
        /// The whole index from this build's pages.
        case publish
        /// A quick rebuild's patch of a session's index: new documents for these visits.
        case update([Visit], SearchIndexSession)
        /// A quick rebuild that changed no page's text: the index stays as it is.
        case unchanged
    }

    /// The tail every plan shares: render the routes, write the search index, add the theme's
    /// static files (or carry the previous ones over), commit; then report and remember.
    static func publish(_ tail: Tail, plan: Plan, options: BuildOptions, steps: StepTimer, start: Date) throws -> SessionOutput {
        let output: SiteOutput
        var live: LiveSite?
        var previous: LastBuild?
        var session: SearchIndexSession?
        var memory = MemoryPolicy.keepAll
        let kind = SiteKind(publicOnly: options.publicOnly)
        switch plan {
        case .oneShot(let policy):
            memory = policy
            output = try StagedSite(output: options.outputDirectory, kind: kind, progress: options.progress, tracksProduced: false)
        case .staged(let input):
            session = input.search
            output = try StagedSite(output: options.outputDirectory, kind: kind, progress: options.progress, tracksProduced: true)
        case .inPlace(let input, let last), .quick(let input, let last, _):
            (session, previous) = (input.search, last)
            let site = try LiveSite(updating: options.outputDirectory, kind: kind)
            (live, output) = (site, site)
        }
        // A whole new index reads nothing the pages make, so it is built while they render: each
        // step leaves a core idle at times (its serial parts, its slowest page), which the other
        // fills. A lean build renders first, to free the HTML before the index grows.
        var searchJob: BackgroundJob<Set<String>>?
        if case .publish = tail.search, memory != .lean {
            let (index, session) = (tail.index, session)
            searchJob = BackgroundJob { try SearchPublisher.publish(index, into: output, session: session) }
        }
        do {
            options.progress?.begin("rendering")
            let mayChange = tail.mayChange
            let rendered = try PageRenderer(index: tail.index, theme: tail.theme, views: tail.views)
                .renderAll(into: output, fingerprints: tail.fingerprints) { mayChange?.contains($0) ?? true }
            steps.mark("pages")
            options.progress?.begin("indexing")
            if memory == .lean {
                for page in tail.index.model.allPages { page.markdown.releaseHTML() }
                // The freed templates sit between live objects; handing their whole pages back to
                // the system keeps them from counting while the index grows elsewhere.
                trimHeap()
                steps.mark("free HTML")
            }
            let searchFiles: Set<String>
            switch tail.search {
            case .publish:
                if let searchJob {
                    searchFiles = try searchJob.wait()
                } else {
                    searchFiles = try SearchPublisher.publish(tail.index, into: output, session: session, lean: memory == .lean)
                }
            case .update(let visits, let session): searchFiles = try SearchPublisher.update(tail.index, visits: visits, into: output, session: session)
            case .unchanged: searchFiles = previous?.searchFiles ?? []
            }
            steps.mark("search")
            if case .quick = plan, let previous, let live {
                // Nothing a static file or an untouched page is made from changed.
                var carried = previous.produced
                for path in previous.searchFiles where !searchFiles.contains(path) { carried[path] = nil }
                // A page no route writes any more (the page of a theme no note names now) goes.
                for path in previous.fingerprints.keys where rendered.fingerprints[path] == nil { carried[path] = nil }
                live.carryOver(carried)
            } else {
                for file in tail.theme.staticFiles {
                    try output.write("static/\(file)", try tail.theme.staticData(file))
                }
                try writeAttachments(of: tail.index.model, into: output)
            }
            steps.mark("static")
            try output.commit(removing: previous.map { Set($0.produced.keys) } ?? [])
            steps.mark("commit")
            let report = BuildReport(pages: rendered.pages, files: output.filesWritten, bytes: output.bytesWritten,
                                     unchanged: output.filesReused, warnings: tail.warnings, seconds: Date().timeIntervalSince(start))
            let last = LastBuild(options: options, configBytes: tail.configBytes, paths: tail.paths, index: tail.index,
                                 warnings: tail.warnings, theme: tail.theme, fingerprints: rendered.fingerprints,
                                 produced: output.producedSizes, searchFiles: searchFiles)
            var result = SessionOutput(report: report, last: last)
            if case .quick = plan { result.quick = true }
            return result
        } catch {
            // Nothing may still be writing into the folder that is abandoned.
            _ = try? searchJob?.wait()
            output.abandon()
            throw error
        }
    }

    /// Work started on another thread, whose result is waited for.
    final class BackgroundJob<T>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<T, Error>?
        private var finished = false

        init(_ work: @escaping @Sendable () throws -> T) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                result = Result { try work() }
                done.signal()
            }
        }

        /// The work's result (or its error), once it is done; called from one thread only.
        func wait() throws -> T {
            if !finished {
                done.wait()
                finished = true
            }
            return try result!.get()
        }
    }

    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, which the Glibc module does not declare: looked up by name.
    private static func trimHeap() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
}

extension SiteBuilder {
    /// The attachments of the pages this build publishes: in a `--public` build the internal
    /// notes are gone from the model, and their files with them.
    static func writeAttachments(of model: SiteModel, into output: SiteOutput) throws {
        var written: Set<String> = []
        try model.forEachPage { page in
            for attachment in model.attachments.attachments(of: page) where written.insert(attachment.sitePath).inserted {
                try output.write(attachment.sitePath, try Data(contentsOf: URL(fileURLWithPath: attachment.sourcePath)))
            }
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
