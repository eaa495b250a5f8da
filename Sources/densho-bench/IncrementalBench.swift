import Foundation
import FrontMatter
import Site

/// The rebuild a user gets from `densho serve` / `build --watch` after saving one visit: a
/// `BuildSession` held in this process (as the watcher holds one), a first full build, then one
/// appended line per run and the session's rebuild timed. The watcher's polling delay (it waits
/// for the file to stay still for ~0.5 s) is not counted: it is a choice, not work.
enum IncrementalBench {
    static func measure(content: String, site: String, theme: String, visit: String, runs: Int) throws -> [Double] {
        guard let today = YAMLDate("2026-11-25") else { throw BenchError("bad date") }
        let options = BuildOptions(contentDirectory: URL(fileURLWithPath: content), outputDirectory: URL(fileURLWithPath: site),
                                   themeDirectory: URL(fileURLWithPath: theme), today: today)
        let session = BuildSession(options: options)
        _ = try session.build()
        let url = URL(fileURLWithPath: visit)
        let original = try Data(contentsOf: url)
        defer { try? original.write(to: url) }
        var times: [Double] = []
        for k in 0..<runs {
            try (original + Data("\n追記 \(k + 1)：ベンチマークの編集。\n".utf8)).write(to: url)
            let start = Date()
            let report = try session.build()
            times.append(Date().timeIntervalSince(start))
            FileHandle.standardError.write(Data("densho-bench: rebuild \(k + 1): \(String(format: "%.3f", times.last ?? 0)) s, \(session.filesParsed) file parsed, \(report.files - report.unchanged) of \(report.files) files written\(session.lastBuildWasQuick ? " (quick: visit text only)" : "")\n".utf8))
        }
        try original.write(to: url)
        _ = try session.build()   // leave the site as the content is
        return times
    }
}
