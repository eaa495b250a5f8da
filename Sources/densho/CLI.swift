import Foundation
import FrontMatter
import Messages
import Site

enum CLI {
    static let version = "0.1.0"

    static let usage = """
    densho \(version) — a static-site generator for visit-based SME support teams

    Usage:
      densho build [--content DIR] [--output DIR] [--theme DIR] [--today YYYY-MM-DD] [--public] [--watch]
      densho serve [--port 1313] [--host 127.0.0.1] [--allow-edits] [build options]
      densho search QUERY… [--site DIR] [--type T] [--theme X] [--company SLUG] [--person ID]
                    [--partner ID] [--year YYYY] [--limit N] [--json]
      densho init DIR [--theme DIR] [--lang en]
      densho new visit COMPANY [--date YYYY-MM-DD] [--staff ID]... [--kind visit|call|event|matching]
      densho new company|playbook|person|partner SLUG [--name NAME]
      densho reflect VISIT_PATH|COMPANY [--today YYYY-MM-DD]
      densho check [--content DIR] [--format text|json] [--today YYYY-MM-DD]
      densho import visits|companies FILE.csv [--dry-run] [--content DIR]
      densho --help | --version

    Every command takes --lang ja|en: the language of its messages (default: LANG when it is ja or en,
    else the site's language).

    Commands:
      build     Build content/ into site/ (atomic: a failed build leaves the previous site/ as it was)
                --watch: rebuild whenever content/ or the theme changes
      serve     Build, serve site/ on http://127.0.0.1:1313/, rebuild on changes and reload open pages
                (--port 0 picks a free port; --host other than loopback exposes the site: a warning says so)
      search    Search a built site's index: the same results, in the same order, as its search page
      init      Start a project in a new or empty folder: site.yml, one example of each note, the theme
      new       Write a new note from its template (never overwrites) and print its path
      reflect   Append a dated 振り返り section with the site's prompts to a visit (or a company's latest)
      check     Report every problem and warning as path:line:column (exit 1 when there are errors)
      import    Turn an Excel CSV (UTF-8 or CP932) into visit or company notes; all rows or none

    Options:
      --content DIR       content folder (default: content)
      --output DIR        output folder (default: site)
      --theme DIR         theme folder (default: themes/default)
      --today YYYY-MM-DD  the day dates are counted from (default: today)
      --public            build only public pages (playbooks by default)
      --site DIR          search: the built site (default: site)
      --type, --theme, --company, --person, --partner, --year VALUE
                          search filters (for search, --theme is the theme filter); a value or its label
      --limit N           search: how many results to show (default: 20)
      --json              search: print {"total": N, "results": [{"url", "title", "type", "date", "snippet", …}]}

    Exit codes: 0 success, 1 content errors, 2 usage errors.
    """

    /// The language of every message, decided once in `run` before a command starts.
    static var language: Language = .ja
    /// `--lang` as given: `init` writes an English project only when asked to, whatever the locale.
    static var languageFlag: Language?

    static func run(_ arguments: [String]) -> Int32 {
        var args = arguments
        do {
            let flag = try takeLanguageFlag(&args)
            languageFlag = flag
            let content = args.firstIndex(of: "--content").flatMap { args.indices.contains($0 + 1) ? args[$0 + 1] : nil } ?? "content"
            language = Language.resolve(flag: flag, environment: ProcessInfo.processInfo.environment,
                                        site: SiteConfig.peekLanguage(content: URL(fileURLWithPath: content)))
        } catch let error as UsageError {
            printError(error.description)
            return 2
        } catch {
            return 2
        }
        guard let command = args.first else {
            print(usage)
            return 2
        }
        do {
            switch command {
            case "--help", "-h", "help": print(usage); return 0
            case "--version", "-V": print("densho \(version)"); return 0
            case "build": return try BuildCommand.run(Array(args.dropFirst()))
            case "check": return try CheckCommand.run(Array(args.dropFirst()))
            case "search": return try SearchCommand.run(Array(args.dropFirst()))
            case "init": return try InitCommand.run(Array(args.dropFirst()))
            case "new": return try NewCommand.run(Array(args.dropFirst()))
            case "reflect": return try ReflectCommand.run(Array(args.dropFirst()))
            case "serve": return try ServeCommand.run(Array(args.dropFirst()))
            case "import": return try ImportCommand.run(Array(args.dropFirst()))
            default: throw UsageError(message: "unknown command '\(command)'")
            }
        } catch let error as UsageError {
            printError(error.description)
            return 2
        } catch let errors as ContentErrors {
            for line in DiagnosticReport.lines(errors.diagnostics, language: language) { printError(line) }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            printError("densho: " + Message(count == 1 ? .cliOneErrorNothingWritten : .cliErrorsNothingWritten, String(count)).text(language))
            return 1
        } catch let error as AuthoringError {
            printError("error: " + error.localized.text(language))
            return 1
        } catch let failure as BuildFailure {
            printError(failure.description)
            return 1
        } catch {
            printError("error: \(error)")
            return 1
        }
    }

    /// Removes `--lang X` / `--lang=X` wherever it stands.
    static func takeLanguageFlag(_ args: inout [String]) throws -> Language? {
        var found: Language?
        var index = 0
        while index < args.count {
            let argument = args[index]
            var value: String?
            if argument == "--lang" {
                guard index + 1 < args.count else { throw UsageError(message: "--lang expects ja or en") }
                value = args[index + 1]
                args.removeSubrange(index...index + 1)
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
                args.remove(at: index)
            } else {
                index += 1
                continue
            }
            guard let value, let language = Language(rawValue: value) else {
                throw UsageError(message: "--lang expects ja or en, not '\(value ?? "")'")
            }
            found = language
        }
        return found
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func parseToday(_ text: String?) throws -> YAMLDate {
        guard let text else {
            let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return YAMLDate("\(String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1))")!
        }
        guard let date = YAMLDate(text) else { throw UsageError(message: "--today expects a date YYYY-MM-DD, not '\(text)'") }
        return date
    }
}

