import Messages
import Foundation
import FrontMatter
import Markdown
import Mustache
import Search

public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var outputDirectory: URL
    public var themeDirectory: URL
    public var today: YAMLDate
    public var publicOnly: Bool
    /// `--drafts`: notes marked `draft: true` are built too (never in a public build).
    public var includeDrafts = false
    /// How paths are shown in diagnostics (as the user typed them, e.g. "content").
    public var contentDisplayPath: String
    public var themeDisplayPath: String
    /// The theme built into densho, used instead of `themeDirectory` when set (a project with no
    /// `themes/<name>` of its own).
    public var builtInTheme: ThemeFiles?
    var themeFiles: ThemeFiles { builtInTheme ?? .folder(themeDirectory) }
    /// Advanced as the build goes, for a progress line (nil: nobody is watching).
    public var progress: BuildProgress?
    /// From this many pages on, a one-shot build frees each page's text once it has no further
    /// use (see `SiteBuilder.build`); tests lower it to run that way on small sites.
    var leanAbovePages = 30_000

    public init(contentDirectory: URL, outputDirectory: URL, themeDirectory: URL, today: YAMLDate,
                publicOnly: Bool = false, contentDisplayPath: String? = nil, themeDisplayPath: String? = nil) {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themeDirectory = themeDirectory
        self.today = today
        self.publicOnly = publicOnly
        self.contentDisplayPath = contentDisplayPath ?? contentDirectory.path
        self.themeDisplayPath = themeDisplayPath ?? themeDirectory.path
    }
}

public struct BuildReport: Sendable {
    public let pages: Int
    public let files: Int
    public let bytes: Int
    /// Files identical to the previous build's, taken over without writing.
    public let unchanged: Int
    public let warnings: [Diagnostic]
    public let seconds: Double
}

/// The loaded, validated content: what `check` reports on and what `build` renders.
public struct LoadedSite: Sendable {
    public let model: SiteModel
    public let links: LinkGraph
    public let diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The build, as a list of named steps: read → model → links → render pages → search index → swap in.
public enum SiteBuilder {
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
    }

    static func read(content: URL, displayPath: String, cache: SourceCache?) -> ReadContent {
        let steps = StepTimer()
        var diagnostics = DiagnosticList()
        let scanner = ContentScanner(contentDirectory: content, displayRoot: displayPath)
        let configURL = content.appendingPathComponent("site.yml")
        let config = SiteConfig.load(from: configURL, displayPath: scanner.display("site.yml"), into: &diagnostics)
        let files = scanner.scan(into: &diagnostics)
        steps.mark("  scan")
        let options = MarkdownOptions(unsafeHTML: config.unsafeHTML)
        let sources = cache?.parseAll(files, options: options) ?? SourceParser.parseAll(files, options: options)
        steps.mark("  parse")
        defer { steps.mark("  site.yml") }
        return ReadContent(config: config, configBytes: SourceText.contents(atPath: configURL.path),
                           files: files, sources: sources, diagnostics: diagnostics, changes: cache?.changes ?? [], scanner: scanner)
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
            if case .failure = result { builder.unreadable.insert(PageID(section: file.section, slug: file.slug)) }
        }
        var model = builder.build(sources)
        diagnostics.append(contentsOf: builder.diagnostics)
        model.attachments = AttachmentIndex.find(model.allPages, contentRoot: read.scanner.contentDirectory,
                                                 display: read.scanner.display, into: &diagnostics)
        steps.mark("  model")
        DuplicateSlugs.check(model, into: &diagnostics)
        let links = LinkGraph.resolve(model, into: &diagnostics)
        steps.mark("  links")
        return LoadedSite(model: model, links: links, diagnostics: diagnostics.sorted)
    }

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
        let written = options.includeDrafts && !options.publicOnly ? loaded.model : Publication.withoutDrafts(loaded.model)
        let model = options.publicOnly ? Publication.publicOnly(written) : written
        let index = SiteIndex(model: model, links: loaded.links, today: options.today, digestCache: session?.digests)
        let theme = try Theme.load(from: options.themeFiles, language: model.config.language,
                                   displayPath: options.themeDisplayPath)
        steps.mark("index")
        let previous = session?.previous
        let kind = SiteKind(publicOnly: options.publicOnly)
        let output = previous != nil ? try SiteOutput(updating: options.outputDirectory, kind: kind)
                                     : try SiteOutput(output: options.outputDirectory, kind: kind, progress: options.progress, tracksProduced: session != nil)
        do {
            let views = options.publicOnly ? PublishedViews.forPublic(model) : .everything
            let rendered = try PageRenderer(index: index, theme: theme, views: views)
                .renderAll(into: output, fingerprints: session.map { _ in previous?.trustedFingerprints ?? [:] })
            if views.reports { try ReportPages.write(index, theme: theme, into: output) }
            if views.handover { try output.write(HandoverPrint.path, HandoverPrint.data(today: index.today, label: { theme.string($0) })) }
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
                try output.write("static/\(file)", try theme.staticData(file))
            }
            try writeAttachments(of: model, into: output)
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

/// What `--public` keeps: only pages marked public, and nothing derived from the others.
enum Publication {
    /// The model without the notes marked `draft: true`: no page, list entry, count, backlink or
    /// search entry of theirs, as for internal pages in a public build.
    static func withoutDrafts(_ model: SiteModel) -> SiteModel {
        var result = model
        let kept: (PageInfo) -> Bool = { !$0.isDraft }
        result.companies = model.companies.filter { kept($0.page) }
        result.visits = model.visits.filter { kept($0.page) }
        result.playbooks = model.playbooks.filter { kept($0.page) }
        result.people = model.people.filter { kept($0.page) }
        result.partners = model.partners.filter { kept($0.page) }
        return result
    }

    static func publicOnly(_ model: SiteModel) -> SiteModel {
        var result = model
        let isPublic: (PageInfo) -> Bool = { $0.visibility == .public }
        result.companies = model.companies.filter { isPublic($0.page) }
        result.visits = model.visits.filter { isPublic($0.page) }
        result.playbooks = model.playbooks.filter { isPublic($0.page) }
        result.people = model.people.filter { isPublic($0.page) }
        result.partners = model.partners.filter { isPublic($0.page) }
        result.attachments = model.attachments.published(result.allPages, leaving: model.allPages.filter { !isPublic($0) })
        // A public visit of an internal company is named by its date alone: the usual name carries
        // the company's name, and without it the company's slug — both internal.
        let published = Set(result.companies.map(\.page.slug))
        ModelBuilder.nameVisits(&result)
        for index in result.visits.indices where !published.contains(result.visits[index].company.value) {
            result.visits[index].page.title = result.visits[index].date.description
        }
        return result
    }

    /// What a public build cannot hide by leaving pages out: a public page's own file name is its
    /// address, and a visit is usually named after its company. Publishing it would reveal the
    /// internal company's slug, so the build stops and says which file to rename.
    static func problems(_ model: SiteModel) -> [Diagnostic] {
        let internalCompanies = Set(model.companies.filter { $0.page.visibility != .public }.map(\.page.slug))
        var diagnostics = DiagnosticList()
        for visit in model.visits where visit.page.visibility == .public && internalCompanies.contains(visit.company.value) {
            let name = visit.company.value
            if visit.page.slug.contains(name) {
                diagnostics.error(visit.page.displayPath, 1, 1, Message(.publicVisitNamesInternalCompany, name, visit.date.description))
            }
        }
        return diagnostics.items
    }
}

/// Which gathered pages a build writes and links. An internal build writes them all; a public
/// one writes a list only when its section has public pages, and never the team's working views
/// (the radar, handover packets), which exist to follow up internal work.
struct PublishedViews: Sendable {
    var lists: Set<Section> = Set(Section.allCases)
    var radar = true
    var handover = true
    /// The fiscal-year pages and the report files (CSV, calendar, continuity.json).
    var reports = true

    static let everything = PublishedViews()

    static func forPublic(_ model: SiteModel) -> PublishedViews {
        var views = PublishedViews(lists: [], radar: false, handover: false, reports: false)
        for page in model.allPages { views.lists.insert(page.section) }
        return views
    }

    /// Whether the page at a site path (a list, the radar) is written by this build.
    func includes(_ path: String) -> Bool {
        switch path {
        case "radar.html": return radar
        case ReportPages.index: return reports
        case "playbooks/print.html": return lists.contains(.playbooks)
        default:
            if path.hasSuffix("/index.html"), let section = Section(rawValue: String(path.dropLast("/index.html".count))) {
                return lists.contains(section)
            }
            return true
        }
    }
}

/// Step timings on standard error when DENSHO_TIMINGS is set: where a build spends its time, and
/// the resident memory after each step (peak memory is what the benchmark reports; this shows
/// which step holds it).
final class StepTimer {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["DENSHO_TIMINGS"] != nil

    func mark(_ step: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "densho: %@ %.3f s (%d MB resident)\n", step, now.timeIntervalSince(last),
                                                   StepTimer.residentMB()).utf8))
        last = now
    }

    private static func residentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
