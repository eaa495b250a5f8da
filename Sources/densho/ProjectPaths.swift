import DefaultTheme
import Foundation
import Site

/// The folders a command works on. The project root is the folder holding the content folder, and
/// every default (output, theme) is taken from it, so `densho build --content some/where/content`
/// works from any folder. Paths are kept as the user would type them, for messages.
struct ProjectPaths {
    let content: String
    /// "" for the current folder.
    let root: String

    init(content: String?) {
        let content = content ?? "content"
        self.content = content
        let trimmed = content.hasSuffix("/") && content.count > 1 ? String(content.dropLast()) : content
        let parent = (trimmed as NSString).deletingLastPathComponent
        root = trimmed.hasPrefix("/") && parent.isEmpty ? "/" : parent
    }

    /// `name` inside the project root, as a path to show and to open.
    func inRoot(_ name: String) -> String {
        root.isEmpty ? name : (root as NSString).appendingPathComponent(name)
    }

    /// The theme a build uses: `--theme DIR` (a folder), `--theme NAME` (the project's themes/NAME),
    /// else the project's themes/default, else the theme built into densho.
    func theme(_ option: String?) throws -> ThemeChoice {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if let option {
            let named = inRoot("themes/\(option)")
            let isName = !option.contains("/") && option != "." && option != ".."
            if isName, fm.fileExists(atPath: named) { return ThemeChoice(display: named, builtIn: nil) }
            if fm.fileExists(atPath: option, isDirectory: &isDirectory), isDirectory.boolValue {
                return ThemeChoice(display: option, builtIn: nil)
            }
            if option == "default" { return ThemeChoice(display: named, builtIn: BuiltInTheme.files) }
            throw UsageError(message: "theme '\(option)' not found: no folder \(option)/\(isName ? " and no \(named)/" : "") (the built-in theme is 'default')")
        }
        let project = inRoot("themes/default")
        if fm.fileExists(atPath: project) { return ThemeChoice(display: project, builtIn: nil) }
        return ThemeChoice(display: project, builtIn: BuiltInTheme.files)
    }
}

/// The theme a build will use, and how to say so.
struct ThemeChoice {
    /// The folder (or, for the built-in theme, the folder that would override it: watched for changes).
    let display: String
    let builtIn: ThemeFiles?

    var summary: String { builtIn == nil ? CLI.text(.statusThemeFolder, display) : CLI.text(.statusThemeBuiltIn) }
}

/// The default theme, built into the binary from themes/default at build time (see Package.swift).
enum BuiltInTheme {
    static let files: ThemeFiles = .builtIn(Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ($0.path, Data($0.bytes)) }))
}
