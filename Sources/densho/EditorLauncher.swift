import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens a note in $EDITOR, but only for a person at a terminal: in a script or a test the
/// command must not block on an editor nobody can see.
enum EditorLauncher {
    static func openIfInteractive(_ url: URL) {
        guard let editor = ProcessInfo.processInfo.environment["EDITOR"], !editor.trimmingCharacters(in: .whitespaces).isEmpty,
              isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
        let process = Process()
        // Through the shell, since EDITOR often carries arguments ("code -w"); the path is passed
        // as an argument, never spliced into the command text.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "densho-editor", url.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            CLI.printError("densho: could not start $EDITOR (\(editor)): \(error.localizedDescription)")
        }
    }
}
