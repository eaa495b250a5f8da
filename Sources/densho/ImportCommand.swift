import Foundation
import Messages
import Site
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `densho import visits|companies FILE.csv [--dry-run]`: Excel's CSV (UTF-8 or CP932) into notes.
enum ImportCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "import")
        guard a.positional.count == 2, let kind = CSVImporter.Kind(rawValue: a.positional[0]) else {
            throw UsageError(Message(.usageImportNeedsArguments))
        }
        let file = a.positional[1]
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UsageError(message: "cannot read \(file)")
        }
        let content = a.value("content") ?? "content"
        let importer = CSVImporter(content: URL(fileURLWithPath: content), displayRoot: content, language: CLI.language)
        // Two imports at once would each plan the notes the other is writing as new, and the later
        // check would call them duplicates: one import per content folder at a time, the second
        // waits and then finds the first one's notes already there. The lock goes with the process.
        let folder = open(content, O_RDONLY | O_CLOEXEC)
        if folder >= 0 { while flock(folder, LOCK_EX) != 0 && errno == EINTR {} }
        defer { if folder >= 0 { close(folder) } }
        let plan = try importer.plan(kind, data: data, fileDisplay: file)
        let count = plan.writes.count, kept = plan.unchanged.count
        let already = kept == 0 ? "" : CLI.text(.importAlreadyThere, String(kept))
        let source = "\(file) (\(plan.encoding.rawValue))"
        if a.has("dry-run") {
            for item in plan.writes { print(CLI.text(.importWouldWrite, item.displayPath, String(item.row))) }
            print("densho: " + CLI.text(count == 1 ? .importDryRunOne : .importDryRun, String(count), source, already))
            return 0
        }
        for note in try importer.write(plan) { print(note.displayPath) }
        print("densho: " + CLI.text(count == 1 ? .importWrittenOne : .importWritten, String(count), source, already))
        return 0
    }
}
