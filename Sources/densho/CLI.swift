import Foundation
import FrontMatter
import Messages
import Site

enum CLI {
    static let version = "0.1.0"

    /// The overview: one line per command (from `CommandHelp`), then where to read more.
    static var usage: String {
        let width = CommandHelp.all.map(\.name.count).max() ?? 0
        let commandLines = CommandHelp.all.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        return """
        densho \(version) — a static-site generator for visit-based SME support teams

        Usage:
        \(CommandHelp.all.flatMap(\.usage).map { "  " + $0 }.joined(separator: "\n"))

        Commands:
        \(commandLines.joined(separator: "\n"))

        Options for every command: -h, --help (that command's help and examples), -q, --quiet,
        --lang ja|en (the language of its messages; default: LANG when it is ja or en, else the site's language)
        densho -V, --version    print the version

        Run 'densho help COMMAND' for a command's options and examples.
        Exit codes: 0 success, 1 content errors, 2 usage errors.
        """
    }

    static var commands: [String] { CommandHelp.all.map(\.name) }

    /// `-q`/`--quiet`: print only errors and what the command is for (paths, results).
    nonisolated(unsafe) static var quiet = false

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
            // --lang itself was wrong: the locale decides (the site is not read yet).
            printError(error.text(Language.resolve(flag: nil, environment: ProcessInfo.processInfo.environment, site: nil)))
            return 2
        } catch {
            return 2
        }
        guard let command = args.first else {
            print(usage)
            return 2
        }
        let rest = Array(args.dropFirst())
        let options = rest.prefix { $0 != "--" }
        quiet = options.contains("-q") || options.contains("--quiet")
        do {
            if CommandHelp.named(command) != nil, command != "help", options.contains("--help") || options.contains("-h") {
                print(CommandHelp.named(command)!.text)
                return 0
            }
            switch command {
            case "--help", "-h": print(usage); return 0
            case "--version", "-V": print("densho \(version)"); return 0
            case "help": return try help(rest)
            case "build": return try BuildCommand.run(rest)
            case "check": return try CheckCommand.run(rest)
            case "search": return try SearchCommand.run(rest)
            case "init": return try InitCommand.run(rest)
            case "new": return try NewCommand.run(rest)
            case "reflect": return try ReflectCommand.run(rest)
            case "serve": return try ServeCommand.run(rest)
            case "import": return try ImportCommand.run(rest)
            case "theme": return try ThemeCommand.run(rest)
            case "completion": return try Completion.run(rest)
            default: throw unknownCommand(command)
            }
        } catch var error as UsageError {
            // Point at the help of the command that was run: it lists what that command takes.
            if error.command == nil, command != "help", CommandHelp.named(command) != nil { error.command = command }
            printError(error.text(language))
            return 2
        } catch let errors as ContentErrors {
            for line in DiagnosticReport.lines(errors.diagnostics, language: language) { printError(line) }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            printError("densho: " + Message(count == 1 ? .cliOneErrorNothingWritten : .cliErrorsNothingWritten, String(count)).text(language))
            return 1
        } catch let error as AuthoringError {
            printError("error: " + error.localized.text(language))
            return 1
        } catch {
            printError(errorLine(error))
            return 1
        }
    }

    /// `densho help [COMMAND]`.
    private static func help(_ args: [String]) throws -> Int32 {
        guard let name = args.first else { print(usage); return 0 }
        guard let command = CommandHelp.named(name) else { throw unknownCommand(name) }
        print(command.text)
        return 0
    }

    private static func unknownCommand(_ name: String) -> UsageError {
        let hint = name.hasPrefix("-") ? Suggestions.closest(to: name, among: ["--help", "--version"], limit: 1)
                                       : Suggestions.closest(to: name, among: commands, limit: 1)
        return UsageError([Message(name.hasPrefix("-") ? .usageUnknownOption : .usageUnknownCommand, name)] + UsageError.hint(hint.first))
    }

    /// Every failure as one `error: …` line (or a located `path:line:column: error: …`), never
    /// `error: error: …`: errors that already carry the prefix keep theirs.
    static func errorLine(_ error: Error) -> String {
        if let failure = error as? BuildFailure { return "error: " + failure.localized.text(language) }
        let text = "\(error)"
        return text.hasPrefix("error: ") || text.contains(": error: ") ? text : "error: \(text)"
    }

    /// A catalog message in the language of this run.
    static func text(_ id: MessageID, _ arguments: String...) -> String {
        Message(id, arguments: arguments).text(language)
    }

    /// What a command says about its work (summaries, hints); silent with `-q`.
    static func say(_ text: String) {
        if !quiet { print(text) }
    }

    /// Removes `--lang X` / `--lang=X` wherever it stands.
    static func takeLanguageFlag(_ args: inout [String]) throws -> Language? {
        var found: Language?
        var index = 0
        while index < args.count {
            let argument = args[index]
            var value: String?
            if argument == "--lang" {
                guard index + 1 < args.count else { throw UsageError(Message(.usageLang)) }
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
                throw UsageError(Message(.usageLangNot, value ?? ""))
            }
            found = language
        }
        return found
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func parseToday(_ text: String?) throws -> CalendarDate {
        guard let text else {
            let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return CalendarDate("\(String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1))")!
        }
        guard let date = CalendarDate(text) else { throw UsageError(Message(.usageExpectsDate, "today", text)) }
        return date
    }
}

