import Foundation
import Messages
import Site

/// `densho theme eject [--content DIR]`: writes the built-in theme out to the project's
/// themes/default for editing; from then on `build` uses that copy. An existing folder is never
/// touched: densho does not overwrite what a person may have edited.
enum ThemeCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "theme")
        guard let action = a.positional.first else { throw UsageError(message: "'theme' needs an action: densho theme eject") }
        guard action == "eject" else { throw UsageError(message: "unknown theme action '\(action)'; the one action is 'eject'") }
        if a.positional.count > 1 { throw UsageError(Message(.usageUnexpectedArgument, a.positional[1])) }
        let paths = ProjectPaths(content: a.value("content"))
        let destination = paths.inRoot("themes/default")
        try BuiltInTheme.files.writeCopy(to: URL(fileURLWithPath: destination))
        CLI.say("densho: wrote the built-in theme to \(destination)/; densho build uses it from now on")
        return 0
    }
}
