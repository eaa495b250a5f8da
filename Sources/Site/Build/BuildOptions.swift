import Foundation
import FrontMatter

public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var outputDirectory: URL
    public var themeDirectory: URL
    public var today: CalendarDate
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

    public init(contentDirectory: URL, outputDirectory: URL, themeDirectory: URL, today: CalendarDate,
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
