import Foundation
import Messages
import Site

enum BuildCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "build")
        if let extra = a.positional.first { throw UsageError(Message(.usageUnexpectedArgument, extra)) }
        let setup = try BuildSetup(a)
        var options = setup.options
        if a.has("watch") { return try BuildWatch.run(setup) }
        try OutputLock.claim(options.outputDirectory, displayPath: setup.outputDisplay, as: .build, waiting: { CLI.printError("densho: " + $0.text(CLI.language)) })
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
        summarize(report, setup)
        return 0
    }

    /// Warnings, then the one summary line; `serve` and `--watch` report each build the same way.
    static func summarize(_ report: BuildReport, _ setup: BuildSetup) {
        for line in DiagnosticReport.lines(report.warnings, language: CLI.language) { CLI.printError(line) }
        let count = report.warnings.count
        let warnings = count == 0 ? "" : CLI.text(count == 1 ? .statusOneWarning : .statusWarnings, String(count))
        let output = setup.outputDisplay + "/" + (setup.options.publicOnly ? CLI.text(.statusPublicOnly) : "")
        let details = CLI.text(.statusBuildDetails, String(report.files), String(report.bytes / 1024), String(report.unchanged))
        CLI.say("densho: " + CLI.text(.statusBuilt, String(report.pages), details, output, setup.theme.summary,
                                      String(format: "%.2f", report.seconds)) + warnings)
    }
}
