import Foundation
import Messages
import Site

/// `densho reflect VISIT_PATH | COMPANY`: fills the note's empty 振り返り section with the site's prompts, or appends a dated one.
enum ReflectCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "reflect")
        guard a.positional.count == 1, let target = a.positional.first else {
            throw UsageError(a.positional.isEmpty ? Message(.usageReflectNeedsTarget) : Message(.usageUnexpectedArgument, a.positional[1]))
        }
        let content = a.value("content") ?? "content"
        let reflector = Reflector(content: URL(fileURLWithPath: content), displayRoot: content)
        let (note, outcome) = try reflector.reflectWithOutcome(on: target, date: try CLI.parseToday(a.value("today")),
                                                               workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if case .waiting(let line, _) = outcome {
            CLI.printError("densho: " + CLI.text(.statusReflectWaiting, note.displayPath, String(line), reflector.sections.title(.reflection)))
        }
        print(note.displayPath)
        EditorLauncher.openIfInteractive(note.url)
        return 0
    }
}
