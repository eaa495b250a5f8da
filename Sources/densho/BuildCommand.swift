import Foundation
import Site

enum BuildCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valueFlags: ["content", "output", "theme", "today"], switchFlags: ["public", "help", "watch"])
        if a.has("help") { print(CLI.usage); return 0 }
        if let extra = a.positional.first { throw UsageError(message: "unexpected argument '\(extra)'") }
        let content = a.value("content") ?? "content"
        let output = a.value("output") ?? "site"
        let theme = a.value("theme") ?? "themes/default"
        var options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: content), outputDirectory: URL(fileURLWithPath: output),
            themeDirectory: URL(fileURLWithPath: theme), today: try CLI.parseToday(a.value("today")),
            publicOnly: a.has("public"), contentDisplayPath: content, themeDisplayPath: theme)
        if a.has("watch") { return try BuildWatch.run(options, outputDisplay: output) }
        try OutputLock.claim(options.outputDirectory, displayPath: output, as: .build, waiting: CLI.printError)
        let line = ProgressLine.startIfTerminal()
        options.progress = line?.progress
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options)
            line?.stop()
        } catch {
            line?.stop()
            throw error
        }
        summarize(report, options: options, outputDisplay: output)
        return 0
    }

    /// Warnings, then the one summary line; `serve` and `--watch` report each build the same way.
    static func summarize(_ report: BuildReport, options: BuildOptions, outputDisplay: String) {
        for line in DiagnosticReport.lines(report.warnings, language: CLI.language) { CLI.printError(line) }
        let warnings = report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
        print("densho: built \(report.pages) pages (\(report.files) files, \(report.bytes / 1024) KiB, \(report.unchanged) unchanged) into \(outputDisplay)/\(options.publicOnly ? " (public only)" : "") in \(String(format: "%.2f", report.seconds)) s\(warnings)")
    }
}
