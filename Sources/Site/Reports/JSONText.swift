import Foundation

/// A JSON value with its keys in the order written, printed the same way every build (reports
/// are compared byte for byte between builds, and read by people as well as programs).
indirect enum JSONText {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])
    /// An item of a top-level array printed before (`renderedItem()`), written as it is.
    case raw(String)

    static func optional(_ value: String?) -> JSONText { value.map { .string($0) } ?? .null }

    func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    /// As an item of an array in a top-level object is printed: a cache keeps these and a later
    /// build puts them back as `.raw` in the same place, for the same bytes.
    func renderedItem() -> String {
        var out = ""
        write(into: &out, indent: "    ")
        return out
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .string(let s): JSONText.quote(s, into: &out)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .raw(let text): out += text
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            // Arrays of plain values stay on one line.
            if items.allSatisfy({
                switch $0 {
                case .array, .object, .raw: return false
                default: return true
                }
            }) {
                out += "["
                for (i, item) in items.enumerated() { if i > 0 { out += ", " }; item.write(into: &out, indent: indent) }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                item.write(into: &out, indent: indent + "  ")
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let fields):
            guard !fields.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, field) in fields.enumerated() {
                out += indent + "  "
                JSONText.quote(field.0, into: &out)
                out += ": "
                field.1.write(into: &out, indent: indent + "  ")
                out += i + 1 < fields.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // '<' escaped too, so the file can never close a <script> it is pasted into.
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
