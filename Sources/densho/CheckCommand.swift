import Foundation
import Messages
import Site

/// `densho check`: every problem at once, as `path:line:column: error|warning: message` (or JSON).
/// Exit 0 when there are only warnings, 1 when there are errors.
enum CheckCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "check")
        if let extra = a.positional.first { throw UsageError(Message(.usageUnexpectedArgument, extra)) }
        let format = a.value("format") ?? "text"
        guard format == "text" || format == "json" else {
            throw UsageError(message: "--format expects text or json, not '\(format)'")
        }
        let content = a.value("content") ?? "content"
        let diagnostics = ContentCheck.run(content: URL(fileURLWithPath: content), displayPath: content,
                                           today: try CLI.parseToday(a.value("today")))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if format == "json" {
            print(json(diagnostics, errors: errors, warnings: warnings))
        } else {
            for line in DiagnosticReport.lines(diagnostics, language: CLI.language) { print(line) }
            if !CLI.quiet {
                CLI.printError("densho: " + Message(.checkSummary, plural(errors, "error"), plural(warnings, "warning"), content,
                                                    String(errors), String(warnings)).text(CLI.language))
            }
        }
        return errors > 0 ? 1 : 0
    }

    private static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// Written by hand so the keys keep the documented order.
    static func json(_ diagnostics: [Diagnostic], errors: Int, warnings: Int) -> String {
        let items = diagnostics.map { d in
            "{\"path\":\(JSONText.quoted(d.path)),\"line\":\(d.line),\"column\":\(d.column),\"severity\":\(JSONText.quoted(d.severity.rawValue)),\"message\":\(JSONText.quoted(d.localized.text(CLI.language)))}"
        }
        return "{\"errors\":\(errors),\"warnings\":\(warnings),\"diagnostics\":[\(items.joined(separator: ","))]}"
    }

}
