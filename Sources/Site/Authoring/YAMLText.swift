import Foundation

/// Writes values into front matter so they read back as the same text: plain when that is safe,
/// double-quoted otherwise (a slug like `true` or `2026` must stay text, a theme may hold a comma).
enum YAMLText {
    static func scalar(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    /// A flow list `[a, b]`; `[]` when empty.
    static func list(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    private static func needsQuotes(_ text: String) -> Bool {
        if text.isEmpty || text != text.trimmingCharacters(in: .whitespaces) { return true }
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~"].contains(lowered) { return true }
        if let first = text.unicodeScalars.first, first.properties.numericType != nil || "-+.".unicodeScalars.contains(first) {
            return true
        }
        for scalar in text.unicodeScalars {
            if ":#,[]{}&*!|>'\"%@`\\".unicodeScalars.contains(scalar) { return true }
            if scalar.properties.generalCategory == .control { return true }
        }
        return false
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    out += "\\u" + String(format: "%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
