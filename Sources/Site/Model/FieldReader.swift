import Foundation
import FrontMatter

/// Reads typed fields out of one front-matter mapping, reporting each problem at the value's
/// own line and column, and remembering which keys were used so unknown ones can be flagged.
struct FieldReader {
    let node: YAMLNode
    let path: String
    private var used: Set<String> = []
    private(set) var diagnostics = DiagnosticList()

    /// Where a missing required field is reported: the item itself for list entries, the top of
    /// the file for a page's front matter.
    private let missingAt: SourceLocation

    init(_ node: YAMLNode, path: String, missingAt: SourceLocation? = nil) {
        self.node = node
        self.path = path
        self.missingAt = missingAt ?? node.location
        if node.entries == nil, node.value != .null {
            diagnostics.error(path, node.location.line, node.location.column, "front matter must be a mapping of `key: value` lines")
        }
    }

    private mutating func lookup(_ key: String) -> YAMLNode? {
        used.insert(key)
        guard let value = node[key] else { return nil }
        if value.value == .null { return nil }
        return value
    }

    private mutating func fail(_ at: YAMLNode, _ message: String) {
        diagnostics.error(path, at.location.line, at.location.column, message)
    }

    mutating func missing(_ key: String) {
        diagnostics.error(path, missingAt.line, missingAt.column, "missing required field '\(key)'")
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = lookup(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = value.scalarText else {
            fail(value, "'\(key)' must be text, not a list or mapping")
            return nil
        }
        if required && text.trimmingCharacters(in: .whitespaces).isEmpty { fail(value, "'\(key)' must not be empty") }
        return text
    }

    mutating func located(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = lookup(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = value.scalarText else {
            fail(value, "'\(key)' must be a single id, not a list or mapping")
            return nil
        }
        return Located(value: text, line: value.location.line, column: value.location.column)
    }

    mutating func int(_ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = lookup(key) else { return nil }
        guard case .int(let number) = value.value else {
            fail(value, "'\(key)' must be a whole number")
            return nil
        }
        if let range, !range.contains(number) {
            fail(value, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = lookup(key) else { return nil }
        guard case .bool(let flag) = value.value else {
            fail(value, "'\(key)' must be true or false")
            return nil
        }
        return flag
    }

    mutating func date(_ key: String, required: Bool = false) -> YAMLDate? {
        guard let value = lookup(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .date(let date) = value.value else {
            fail(value, "'\(key)' must be a date written YYYY-MM-DD")
            return nil
        }
        return date
    }

    mutating func enumeration<E: RawRepresentable>(_ key: String, default fallback: E?) -> E?
        where E: CaseIterable, E.RawValue == String {
        guard let value = lookup(key) else {
            if fallback == nil { missing(key) }
            return fallback
        }
        guard let text = value.scalarText, let parsed = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: " | ")
            fail(value, "'\(key)' must be one of \(allowed), not '\(value.scalarText ?? "…")'")
            return fallback
        }
        return parsed
    }

    /// A list of scalars; a single scalar is accepted as a one-item list, as people write `staff: tanaka`.
    mutating func list(_ key: String) -> [Located<String>] {
        guard let value = lookup(key) else { return [] }
        if let text = value.scalarText {
            return [Located(value: text, line: value.location.line, column: value.location.column)]
        }
        guard let items = value.items else {
            fail(value, "'\(key)' must be a list")
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard let text = item.scalarText else {
                fail(item, "each item of '\(key)' must be text")
                continue
            }
            result.append(Located(value: text, line: item.location.line, column: item.location.column))
        }
        return result
    }

    /// A list of mappings, each read by its own FieldReader; their diagnostics are merged here.
    mutating func records<T>(_ key: String, _ read: (inout FieldReader) -> T?) -> [T] {
        guard let value = lookup(key) else { return [] }
        guard let items = value.items else {
            fail(value, "'\(key)' must be a list of entries (lines starting with '- ')")
            return []
        }
        var result: [T] = []
        for item in items {
            guard item.entries != nil else {
                fail(item, "each item of '\(key)' must be a mapping of `key: value` lines")
                continue
            }
            var reader = FieldReader(item, path: path)
            if let record = read(&reader) { result.append(record) }
            reader.warnUnknownKeys()
            diagnostics.append(contentsOf: reader.diagnostics)
        }
        return result
    }

    /// A problem with a field across its neighbours (`until` before `since`), at the field's value.
    mutating func error(at key: String, _ message: String) {
        if let value = node[key] { fail(value, message) }
    }

    mutating func warning(at key: String, _ message: String) {
        if let value = node[key] { diagnostics.warning(path, value.location.line, value.location.column, message) }
    }

    /// Unknown keys are warnings, not errors: a typo (`stauts`) should be seen, but must not stop a build.
    mutating func warnUnknownKeys() {
        for entry in node.entries ?? [] where !used.contains(entry.key) {
            diagnostics.warning(path, entry.keyLocation.line, entry.keyLocation.column, "unknown field '\(entry.key)' is ignored")
        }
    }
}
