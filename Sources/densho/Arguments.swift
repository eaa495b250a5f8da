import Foundation
import Messages
import Site

/// A usage mistake on the command line: exit code 2, with where to read more.
struct UsageError: Error, CustomStringConvertible {
    /// What went wrong, in pieces (a mistake and maybe a "did you mean"), each in either language.
    let parts: [Message]
    /// The command whose help explains the mistake; nil for the overview.
    var command: String? = nil

    init(message: String, command: String? = nil) { self.init([.verbatim(message)], command: command) }
    init(_ message: Message, command: String? = nil) { self.init([message], command: command) }
    init(_ parts: [Message], command: String? = nil) {
        self.parts = parts
        self.command = command
    }

    /// The two lines printed, in `language`.
    func text(_ language: Language) -> String {
        "error: " + parts.map { $0.text(language) }.joined() + "\n"
            + Message(.usageSeeHelp, command.map { "help \($0)" } ?? "--help").text(language)
    }

    /// English: what tests and logs compare.
    var description: String { text(.en) }

    /// "; did you mean '…'?" when there is a close name.
    static func hint(_ close: String?) -> [Message] { close.map { [Message(.usageDidYouMean, $0)] } ?? [] }
}

/// `--flag value`, `--flag=value`, `-o value`, `--switch` and positional arguments, strict about
/// unknown options (with the closest known one as a hint). What a command accepts comes from its
/// entry in `CommandHelp`, the table its help text is made from.
struct Arguments {
    private(set) var positional: [String] = []
    private var values: [String: [String]] = [:]
    private var switches: Set<String> = []

    init(_ args: [String], command: String) throws {
        guard let help = CommandHelp.named(command) else { preconditionFailure("no CommandHelp entry for \(command)") }
        let options = help.allOptions
        let valueFlags = Set(options.filter { $0.value != nil }.map(\.name))
        let switchFlags = Set(options.filter { $0.value == nil }.map(\.name))
        let shorts = Dictionary(uniqueKeysWithValues: options.compactMap { o in o.short.map { ($0, o.name) } })
        func unknown(_ shown: String, _ name: String) -> UsageError {
            let close = Suggestions.closest(to: name, among: valueFlags.union(switchFlags), limit: 1)
            return UsageError([Message(.usageUnknownOptionFor, shown, command)] + UsageError.hint(close.first.map { "--" + $0 }),
                              command: command)
        }
        var i = 0
        while i < args.count {
            let arg = args[i]
            if arg == "--" { positional += args[(i + 1)...]; break }
            var name: String
            var inline: String? = nil
            if arg.hasPrefix("--") {
                name = String(arg.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
            } else if arg.count == 2, arg.hasPrefix("-"), let letter = arg.last, letter != "-" {
                guard let long = shorts[letter] else { throw unknown(arg, String(letter)) }
                name = long
            } else {
                positional.append(arg)
                i += 1
                continue
            }
            if valueFlags.contains(name) {
                if let inline { values[name, default: []].append(inline) }
                else {
                    guard i + 1 < args.count else { throw UsageError(Message(.usageNeedsValue, name), command: command) }
                    values[name, default: []].append(args[i + 1])
                    i += 1
                }
            } else if switchFlags.contains(name), inline == nil {
                switches.insert(name)
            } else {
                throw unknown("--\(name)", name)
            }
            i += 1
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { switches.contains(name) }
}
