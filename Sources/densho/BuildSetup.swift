import Foundation
import Site

/// The build options `build` and `serve` share, resolved from the project root: the content folder,
/// the output (`site/`, or `public/` for a public build), the theme (the project's or the built-in one).
struct BuildSetup {
    var options: BuildOptions
    /// The output folder as the user would type it, e.g. "site" or "some/where/public".
    let outputDisplay: String
    let theme: ThemeChoice

    init(_ a: Arguments) throws {
        let paths = ProjectPaths(content: a.value("content"))
        let publicOnly = a.has("public")
        outputDisplay = a.value("output") ?? paths.inRoot(publicOnly ? "public" : "site")
        theme = try paths.theme(a.value("theme"))
        options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: paths.content), outputDirectory: URL(fileURLWithPath: outputDisplay),
            themeDirectory: URL(fileURLWithPath: theme.display), today: try CLI.parseToday(a.value("today")),
            publicOnly: publicOnly, contentDisplayPath: paths.content, themeDisplayPath: theme.display)
        options.builtInTheme = theme.builtIn
        options.includeDrafts = a.has("drafts")
    }
}
