import Foundation
import Site

/// `densho import visits|companies FILE.csv [--dry-run]`: Excel's CSV (UTF-8 or CP932) into notes.
enum ImportCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valueFlags: ["content"], switchFlags: ["help", "dry-run"])
        if a.has("help") { print(CLI.usage); return 0 }
        guard a.positional.count == 2, let kind = CSVImporter.Kind(rawValue: a.positional[0]) else {
            throw UsageError(message: "'import' needs what and from where: densho import visits|companies FILE.csv")
        }
        let file = a.positional[1]
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UsageError(message: "cannot read \(file)")
        }
        let content = a.value("content") ?? "content"
        let importer = CSVImporter(content: URL(fileURLWithPath: content), displayRoot: content)
        let plan = try importer.plan(kind, data: data, fileDisplay: file)
        let already = plan.unchanged.isEmpty ? "" : "; \(plan.unchanged.count) already there, left alone"
        if a.has("dry-run") {
            for item in plan.writes { print("would write \(item.displayPath)  (row \(item.row))") }
            print("densho: \(plan.writes.count) note\(plan.writes.count == 1 ? "" : "s") would be written from \(file) (\(plan.encoding.rawValue))\(already); nothing was written (--dry-run)")
            return 0
        }
        for note in try importer.write(plan) { print(note.displayPath) }
        print("densho: \(plan.writes.count) note\(plan.writes.count == 1 ? "" : "s") written from \(file) (\(plan.encoding.rawValue))\(already)")
        return 0
    }
}
