import Foundation
import Messages

/// One problem found in the content, located so an editor can jump to it.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public let path: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    /// What is wrong, in either language (`localized.text(.ja)`).
    public let localized: Message

    /// In English.
    public var message: String { localized.text(.en) }

    public init(path: String, line: Int, column: Int, severity: Severity = .error, _ message: Message) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.localized = message
    }

    public init(path: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.init(path: path, line: line, column: column, severity: severity, .verbatim(message))
    }

    public var description: String { text(.en) }

    /// The same problem at the same place, however its message was made (catalog or verbatim).
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.severity, lhs.message) == (rhs.path, rhs.line, rhs.column, rhs.severity, rhs.message)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(message)
    }

    /// `path:line:column: error|warning: message`, the message in `language`. The severity word stays
    /// English in both: editors and CI jump to problems by parsing it.
    public func text(_ language: Language) -> String {
        "\(Diagnostic.printable(path)):\(line):\(column): \(severity.rawValue): \(Diagnostic.printable(localized.text(language)))"
    }

    /// Control characters, line and paragraph separators and bidi overrides from a file name or a
    /// quoted value are shown as `\u{1B}`: written raw they could move the cursor, turn one line into
    /// many (U+2028) or make the terminal show text in another order than it is (U+202E).
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnprintable) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnprintable(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u{\(hex.count < 2 ? "0" + hex : hex)}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2028, 0x2029,                       // line and paragraph separators
             0x202A...0x202E, 0x2066...0x2069,     // bidi embeddings, overrides and isolates
             0x200E, 0x200F, 0x061C:               // bidi marks
            return true
        default:
            return scalar.properties.generalCategory == .control
        }
    }

    /// By place, then by the English message. The message is rendered only when the places tie: a
    /// tuple would render both for every comparison, and sorting 10⁵ broken links rendered millions.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.message < b.message
    }
}

/// Collects diagnostics from every step so that a build reports all problems at once.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}

    public mutating func error(_ path: String, _ line: Int, _ column: Int, _ message: Message) {
        items.append(Diagnostic(path: path, line: line, column: column, severity: .error, message))
    }
    public mutating func warning(_ path: String, _ line: Int, _ column: Int, _ message: Message) {
        items.append(Diagnostic(path: path, line: line, column: column, severity: .warning, message))
    }
    public mutating func error(_ path: String, _ line: Int, _ column: Int, _ message: String) {
        error(path, line, column, .verbatim(message))
    }
    public mutating func warning(_ path: String, _ line: Int, _ column: Int, _ message: String) {
        warning(path, line, column, .verbatim(message))
    }
    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf other: DiagnosticList) { items.append(contentsOf: other.items) }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }
}

/// A build that failed because of the content; carries every diagnostic found.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    public func text(_ language: Language) -> String { diagnostics.map { $0.text(language) }.joined(separator: "\n") }
}

/// A failure that is not about one place in the content (a folder we may not replace, a disk error).
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let localized: Message
    public init(_ message: Message) { localized = message }
    /// English: what tests and logs compare; the CLI prints `localized` in the reader's language.
    public var message: String { localized.text(.en) }
    public var description: String { "error: \(message)" }
}
