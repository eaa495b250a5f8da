import Foundation

/// `densho-bench --shapes`: one note carrying a huge list (themes, broken wiki links, task items),
/// built at 10⁴ and 10⁵ entries. Linear work gives ×10; `EndToEndTests/ScaleShapeTests` fails
/// above ×15. Prints one row per shape.
enum ShapeBench {
    enum Shape: String, CaseIterable { case themes, brokenLinks = "broken links", taskItems = "task items" }

    static func run(densho: String, theme: String, work: URL) throws -> Int32 {
        print("| one note with | 10⁴: time | 10⁵: time | ratio | exit (10⁵) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for shape in Shape.allCases {
            var seconds: [Double] = []
            var status: Int32 = 0
            for n in [10_000, 100_000] {
                let root = work.appendingPathComponent("shape-\(n)")
                try? FileManager.default.removeItem(at: root)
                try write(shape, n, into: root.appendingPathComponent("content"))
                let process = Process()
                process.executableURL = URL(fileURLWithPath: densho)
                process.arguments = ["build", "--content", root.appendingPathComponent("content").path,
                                     "--output", root.appendingPathComponent("site").path, "--theme", theme, "--today", "2026-11-25"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                let start = Date()
                try process.run()
                process.waitUntilExit()
                seconds.append(Date().timeIntervalSince(start))
                status = process.terminationStatus
                try? FileManager.default.removeItem(at: root)
            }
            print("| \(shape.rawValue) | " + String(format: "%.2f s | %.2f s | ×%.1f | %d |", seconds[0], seconds[1], seconds[1] / seconds[0], status))
        }
        return 0
    }

    static func write(_ shape: Shape, _ n: Int, into content: URL) throws {
        let fm = FileManager.default
        for folder in ["people", "companies", "visits/2026"] {
            try fm.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("title: 規模の試験\nlanguage: ja\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("---\nname: 田中 花子\n---\n".utf8).write(to: content.appendingPathComponent("people/tanaka.md"))
        try Data("---\nname: 株式会社みなと精機\nowner: tanaka\n---\n".utf8).write(to: content.appendingPathComponent("companies/minato-seiki.md"))
        var note = "---\ndate: 2026-10-01\ncompany: minato-seiki\nstaff: [tanaka]\n"
        switch shape {
        case .themes: note += "themes:\n" + (0..<n).map { "  - テーマ\($0)\n" }.joined() + "---\n"
        case .brokenLinks: note += "---\n" + (0..<n).map { "[[存在しない-\($0)]]\n" }.joined()
        case .taskItems: note += "---\n## 次の一手\n" + (0..<n).map { "- [ ] 約束 \($0) を果たす\n" }.joined()
        }
        try Data(note.utf8).write(to: content.appendingPathComponent("visits/2026/2026-10-01-minato-seiki.md"))
    }
}
