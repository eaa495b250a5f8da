import Messages

/// Diagnostics as lines for a terminal: every kind of problem shown up to `perKind` times, the
/// rest counted. A note with 100,000 broken links should say so in a screenful, not scroll away
/// the one error that matters.
public enum DiagnosticReport {
    public static let perKind = 1000

    /// The diagnostics (already sorted) as printable lines, then one line per kind that was cut.
    public static func lines(_ diagnostics: [Diagnostic], language: Language = .en, perKind: Int = DiagnosticReport.perKind) -> [String] {
        var shown: [String: Int] = [:]
        var cut: [(kind: String, example: Diagnostic, count: Int)] = []
        var cutIndex: [String: Int] = [:]
        var lines: [String] = []
        lines.reserveCapacity(min(diagnostics.count, 10_000))
        for diagnostic in diagnostics {
            let kind = Self.kind(of: diagnostic)
            let count = shown[kind, default: 0]
            if count < perKind {
                shown[kind] = count + 1
                lines.append(diagnostic.text(language))
            } else if let i = cutIndex[kind] {
                cut[i].count += 1
            } else {
                cutIndex[kind] = cut.count
                cut.append((kind, diagnostic, 1))
            }
        }
        for (_, example, count) in cut {
            let like = Diagnostic.printable(example.localized.text(language))
            lines.append(language == .ja ? "densho: … ほか \(grouped(count)) 件の同じ種類の \(example.severity.rawValue): \(like)"
                                         : "densho: … and \(grouped(count)) more \(example.severity.rawValue)s like \(like)")
        }
        return lines
    }

    /// What makes two diagnostics the same kind: the severity and the message with its quoted parts
    /// ('…', [[…]]) and numbers left out.
    static func kind(of diagnostic: Diagnostic) -> String {
        var key = diagnostic.severity.rawValue + ":"
        var quote: Character? = nil
        var previous: Character = " "
        for character in diagnostic.message {
            if let open = quote {
                if (open == "'" && character == "'") || (open == "[" && character == "]" && previous == "]") { quote = nil }
            } else if character == "'" {
                quote = "'"
                key.append("…")
            } else if character == "[" && previous == "[" {
                quote = "["
                key.append("…")
            } else if !character.isNumber {
                key.append(character)
            }
            previous = character
        }
        return key
    }

    /// 99000 → "99,000".
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
