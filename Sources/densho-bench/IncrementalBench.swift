import Foundation
import FrontMatter
import Site

/// The rebuild a user gets from `densho serve` / `build --watch` after saving one visit: a
/// `BuildSession` held in this process (as the watcher holds one), a first full build, then one
/// edit per run and the session's rebuild timed. The session is told the edited file, as the
/// watcher tells it what changed (`BuildSession.build(changed:)`). The watcher's polling delay (it
/// waits for the file to stay still for ~0.5 s) is not counted: it is a choice, not work.
enum IncrementalBench {
    /// What the edit changes, from the cheapest rebuild to the widest.
    enum Edit: String, CaseIterable {
        /// A line appended at the end of the note: only the note's own page and index entry change.
        case appendLine = "append a line"
        /// The start of the 見立て, which lists quote: every page gathering visits is looked at again.
        case diagnosis = "edit the 見立て"
        /// A theme added in the front matter: lists, facets and counts change (the quick way: `QuickRebuild`).
        case frontMatter = "add a theme"

        func apply(_ text: String, run: Int) -> String {
            switch self {
            case .appendLine: return text + "\n追記 \(run)：ベンチマークの編集。\n"
            case .diagnosis: return text.replacingOccurrences(of: "## 見立て\n\n", with: "## 見立て\n\n（第\(run)稿）")
            case .frontMatter: return text.replacingOccurrences(of: "themes: [", with: "themes: [ベンチ\(run), ")
            }
        }
    }

    static func measure(content: String, site: String, theme: String, visit: String, runs: Int,
                        edits: [Edit] = [.appendLine]) throws -> [Edit: [Double]] {
        guard let today = CalendarDate("2026-11-25") else { throw BenchError("bad date") }
        let options = BuildOptions(contentDirectory: URL(fileURLWithPath: content), outputDirectory: URL(fileURLWithPath: site),
                                   themeDirectory: URL(fileURLWithPath: theme), today: today)
        let session = BuildSession(options: options)
        _ = try session.build()
        let url = URL(fileURLWithPath: visit)
        let original = try String(contentsOf: url, encoding: .utf8)
        defer { try? Data(original.utf8).write(to: url) }
        var times: [Edit: [Double]] = [:]
        for edit in edits {
            for k in 0..<runs {
                try Data(edit.apply(original, run: k + 1).utf8).write(to: url)
                let start = Date()
                let report = try session.build(changed: [url.path])
                let seconds = Date().timeIntervalSince(start)
                times[edit, default: []].append(seconds)
                let way = session.lastBuildWasQuick ? "quick" : "full in place"
                FileHandle.standardError.write(Data("densho-bench: rebuild after '\(edit.rawValue)' \(k + 1): \(String(format: "%.3f", seconds)) s (\(way)), \(session.filesParsed) file parsed, \(report.files - report.unchanged) of \(report.files) files written\n".utf8))
            }
            try Data(original.utf8).write(to: url)
            _ = try session.build(changed: [url.path])   // back to the content as it was, for the next kind of edit
        }
        return times
    }
}
