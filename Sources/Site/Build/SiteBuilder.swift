import Foundation
import FrontMatter
import Markdown
import Mustache

public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var outputDirectory: URL
    public var themeDirectory: URL
    public var today: YAMLDate
    public var publicOnly: Bool
    /// How paths are shown in diagnostics (as the user typed them, e.g. "content").
    public var contentDisplayPath: String
    public var themeDisplayPath: String
    /// Advanced as the build goes, for a progress line (nil: nobody is watching).
    public var progress: BuildProgress?

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
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: content.appendingPathComponent("site.yml"),
                                     displayPath: ContentScanner(contentDirectory: content, displayRoot: displayPath).display("site.yml"),
                                     into: &diagnostics)
        let files = ContentScanner(contentDirectory: content, displayRoot: displayPath).scan(into: &diagnostics)
        let options = MarkdownOptions(unsafeHTML: config.unsafeHTML)
        var sources: [ParsedSource] = []
        for result in SourceParser.parseAll(files, options: options) {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        var builder = ModelBuilder(config: config)
        let model = builder.build(sources)
        diagnostics.append(contentsOf: builder.diagnostics)
        DuplicateSlugs.check(model, into: &diagnostics)
        let links = LinkGraph.resolve(model, into: &diagnostics)
        return LoadedSite(model: model, links: links, diagnostics: diagnostics.sorted)
    }

    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let start = Date()
        let steps = StepTimer()
        let loaded = load(content: options.contentDirectory, displayPath: options.contentDisplayPath)
        options.progress?.filesRead(loaded.model.allPages.count)
        options.progress?.begin("rendering")
        steps.mark("load")
        if loaded.hasErrors { throw ContentErrors(loaded.diagnostics) }
        let model = options.publicOnly ? Publication.publicOnly(loaded.model) : loaded.model
        let index = SiteIndex(model: model, links: loaded.links, today: options.today)
        let theme = try Theme.load(from: options.themeDirectory, language: model.config.language,
                                   displayPath: options.themeDisplayPath)
        steps.mark("index")
        let output = try SiteOutput(output: options.outputDirectory, progress: options.progress)
        do {
            let pages = try PageRenderer(index: index, theme: theme, publicOnly: options.publicOnly).renderAll(into: output)
            steps.mark("pages")
            options.progress?.begin("indexing")
            try SearchPublisher.publish(index, into: output)
            steps.mark("search")
            for file in theme.staticFiles {
                try output.write("static/\(file.relativePath)", try Data(contentsOf: file.url))
            }
            try output.commit()
            steps.mark("commit")
            return BuildReport(pages: pages, files: output.filesWritten, bytes: output.bytesWritten, unchanged: output.filesReused,
                               warnings: loaded.diagnostics.filter { $0.severity == .warning },
                               seconds: Date().timeIntervalSince(start))
        } catch {
            output.abandon()
            throw error
        }
    }
}

/// What `--public` keeps: only pages marked public, and nothing derived from the others.
enum Publication {
    static func publicOnly(_ model: SiteModel) -> SiteModel {
        var result = model
        let isPublic: (PageInfo) -> Bool = { $0.visibility == .public }
        result.companies = model.companies.filter { isPublic($0.page) }
        result.visits = model.visits.filter { isPublic($0.page) }
        result.playbooks = model.playbooks.filter { isPublic($0.page) }
        result.people = model.people.filter { isPublic($0.page) }
        result.partners = model.partners.filter { isPublic($0.page) }
        // A public visit of an internal company must not carry the company's name in its title.
        ModelBuilder.nameVisits(&result)
        return result
    }
}

/// Step timings on standard error when DENSHO_TIMINGS is set: where a build spends its time.
final class StepTimer {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["DENSHO_TIMINGS"] != nil

    func mark(_ step: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "densho: %@ %.3f s\n", step, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
