import Foundation
import Messages
import Site

/// `densho init DIR`: a new project with examples and its own copy of the theme (the built-in one,
/// or `--theme DIR`), to edit in place.
enum InitCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "init")
        guard a.positional.count == 1, let folder = a.positional.first else {
            throw UsageError(a.positional.isEmpty ? Message(.usageInitNeedsFolder) : Message(.usageUnexpectedArgument, a.positional[1]))
        }
        let theme = a.value("theme").map { ThemeFiles.folder(URL(fileURLWithPath: $0)) } ?? BuiltInTheme.files
        try ProjectScaffold.create(at: URL(fileURLWithPath: folder), theme: theme, today: try CLI.parseToday(a.value("today")),
                                   language: CLI.languageFlag ?? .ja)
        CLI.say("densho: " + CLI.text(.statusNewProject, folder))
        // `densho init .` needs no `cd .`: say only what is left to do.
        let here = URL(fileURLWithPath: folder).standardizedFileURL.path
            == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        CLI.say(here ? CLI.text(.statusNextBuild, "site/index.html") : CLI.text(.statusNextCdBuild, folder, "site/index.html"))
        return 0
    }
}
