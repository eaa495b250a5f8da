import Foundation
import Site

/// `densho init DIR`: a new project with examples and its own copy of the theme.
enum InitCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valueFlags: ["theme", "today"], switchFlags: ["help"])
        if a.has("help") { print(CLI.usage); return 0 }
        guard a.positional.count == 1, let folder = a.positional.first else {
            throw UsageError(message: a.positional.isEmpty ? "'init' needs a folder for the new project"
                                                           : "unexpected argument '\(a.positional[1])'")
        }
        let theme: URL
        if let given = a.value("theme") {
            theme = URL(fileURLWithPath: given)
        } else if let found = bundledTheme() {
            theme = found
        } else {
            throw AuthoringError("cannot find the default theme next to this densho; pass --theme DIR (a folder with templates/)")
        }
        try ProjectScaffold.create(at: URL(fileURLWithPath: folder), theme: theme, today: try CLI.parseToday(a.value("today")),
                                   language: CLI.languageFlag ?? .ja)
        print("densho: new project in \(folder)/")
        print("  cd \(folder) && densho build    # then open site/index.html")
        return 0
    }

    /// themes/default of the repository this binary was built in: walk up from the executable.
    static func bundledTheme() -> URL? {
        var starts: [URL] = []
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        let argument0 = CommandLine.arguments.first ?? ""
        if argument0.contains("/") {
            starts.append(URL(fileURLWithPath: argument0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        }
        for start in starts {
            var folder = start.standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent()
            while folder.path != "/" {
                let theme = folder.appendingPathComponent("themes/default")
                if FileManager.default.fileExists(atPath: theme.appendingPathComponent("templates").path) { return theme }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }
}
