import Foundation
import FrontMatter
import Messages

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
            diagnostics.error(path, node.location.line, node.location.column, Message(.fieldNotMapping))
        }
    }

    private mutating func lookup(_ key: String) -> YAMLNode? {
        used.insert(key)
        guard let value = node[key] else { return nil }
        if value.value == .null { return nil }
        return value
    }

    private mutating func fail(_ at: YAMLNode, _ message: Message) {
        diagnostics.error(path, at.location.line, at.location.column, message)
    }

    mutating func missing(_ key: String) {
        diagnostics.error(path, missingAt.line, missingAt.column, Message(.fieldMissing, key))
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = lookup(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = value.scalarText else {
            fail(value, Message(.fieldNotText, key))
            return nil
        }
        if required && text.trimmingCharacters(in: .whitespaces).isEmpty { fail(value, Message(.fieldEmpty, key)) }
        return text
    }

    mutating func located(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = lookup(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = value.scalarText else {
            fail(value, Message(.fieldNotSingleID, key))
            return nil
        }
        return Located(value: text, line: value.location.line, column: value.location.column)
    }

    mutating func int(_ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = lookup(key) else { return nil }
        guard case .int(let number) = value.value else {
            fail(value, Message(.fieldNotWholeNumber, key))
            return nil
        }
        if let range, !range.contains(number) {
            fail(value, Message(.fieldOutOfRange, key, String(range.lowerBound), String(range.upperBound)))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = lookup(key) else { return nil }
        guard case .bool(let flag) = value.value else {
            fail(value, Message(.fieldNotBool, key))
            return nil
        }
        return flag
    }

    mutating func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let value = lookup(key) else {
            if required { missing(key) }
            return nil
        }
        if case .date(let date) = value.value { return date }
        // A quoted date is still the date the writer meant.
        if let text = value.scalarText, let date = CalendarDate(text.trimmingCharacters(in: .whitespaces)) { return date }
        if let text = value.scalarText, let suggestion = DateSlip.suggestion(for: text) {
            fail(value, Message(.fieldDateHint, key, text, suggestion))
        } else {
            fail(value, Message(.fieldNotDate, key))
        }
        return nil
    }

    /// The value's id or one of the labels the site shows for it (`kind: 訪問`).
    mutating func enumeration<E: LabeledValue>(_ key: String, default fallback: E?) -> E? {
        guard let value = lookup(key) else {
            if fallback == nil { missing(key) }
            return fallback
        }
        guard let text = value.scalarText, let parsed = E.parse(text) else {
            fail(value, Message(.fieldNotOneOf, key, E.choices, value.scalarText ?? "…", E.labeledChoices))
            return fallback
        }
        return parsed
    }

    /// A list of scalars; a single scalar is accepted as a one-item list, as people write `staff: tanaka`.
    /// `limit` bounds lists whose every entry fans out into other pages (themes, staff): past it the
    /// entry is an error at its place, and only the first `limit` are kept.
    mutating func list(_ key: String, limit: Int? = nil) -> [Located<String>] {
        guard let value = lookup(key) else { return [] }
        if let text = value.scalarText {
            return [Located(value: text, line: value.location.line, column: value.location.column)]
        }
        guard var items = value.items else {
            fail(value, Message(.fieldNotList, key))
            return []
        }
        if let limit, items.count > limit {
            fail(items[limit], Message(.fieldTooMany, key, String(items.count), String(limit)))
            items = Array(items.prefix(limit))
        }
        var result: [Located<String>] = []
        for item in items {
            guard let text = item.scalarText else {
                fail(item, Message(.fieldItemNotText, key))
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
            fail(value, Message(.fieldNotRecords, key))
            return []
        }
        var result: [T] = []
        for item in items {
            guard item.entries != nil else {
                fail(item, Message(.fieldItemNotMapping, key))
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
    mutating func error(at key: String, _ message: Message) {
        if let value = node[key] { fail(value, message) }
    }

    mutating func warning(at key: String, _ message: Message) {
        if let value = node[key] { diagnostics.warning(path, value.location.line, value.location.column, message) }
    }

    /// `sections:` in site.yml: `heard`, `diagnosis`, `next_steps`, `reflection` → heading text.
    mutating func sectionNames(_ key: String) -> [NoteSectionRole: String] {
        guard let value = lookup(key) else { return [:] }
        guard let entries = value.entries else {
            fail(value, Message(.fieldNotMapping))
            return [:]
        }
        var names: [NoteSectionRole: String] = [:]
        for entry in entries {
            guard let role = NoteSectionRole(rawValue: entry.key) else {
                diagnostics.warning(path, entry.keyLocation.line, entry.keyLocation.column,
                                    Message(.fieldNotOneOf, key, NoteSectionRole.allCases.map(\.rawValue).joined(separator: " | "), entry.key,
                                            NoteSectionRole.allCases.map(\.rawValue).joined(separator: " | ")))
                continue
            }
            guard let text = entry.value.scalarText?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                fail(entry.value, Message(.fieldEmpty, "\(key).\(entry.key)"))
                continue
            }
            names[role] = text
        }
        return names
    }

    /// Unknown keys are warnings, not errors: a typo (`stauts`) should be seen, but must not stop a build.
    mutating func warnUnknownKeys() {
        for entry in node.entries ?? [] where !used.contains(entry.key) {
            diagnostics.warning(path, entry.keyLocation.line, entry.keyLocation.column, Message(.fieldUnknown, entry.key))
        }
    }
}
