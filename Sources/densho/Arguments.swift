import Foundation

/// A usage mistake on the command line: exit code 2, with a hint.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String { "error: \(message)\nRun 'densho --help' for usage." }
}

/// Minimal `--flag value` / `--switch` / positional parsing, strict about unknown flags.
struct Arguments {
    private(set) var positional: [String] = []
    private var values: [String: [String]] = [:]
    private var switches: Set<String> = []

    init(_ args: [String], valueFlags: Set<String>, switchFlags: Set<String>) throws {
        var i = 0
        while i < args.count {
            let arg = args[i]
            if arg == "--" { positional += args[(i + 1)...]; break }
            if arg.hasPrefix("--") {
                var name = String(arg.dropFirst(2))
                var inline: String? = nil
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                if valueFlags.contains(name) {
                    if let inline { values[name, default: []].append(inline) }
                    else {
                        guard i + 1 < args.count else { throw UsageError(message: "--\(name) needs a value") }
                        values[name, default: []].append(args[i + 1])
                        i += 1
                    }
                } else if switchFlags.contains(name), inline == nil {
                    switches.insert(name)
                } else {
                    throw UsageError(message: "unknown option --\(name)")
                }
            } else {
                positional.append(arg)
            }
            i += 1
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { switches.contains(name) }
}
