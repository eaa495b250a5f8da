/// Finds `[[target]]` and `[[target|label]]` in a text run.
///
/// Brackets and the bar count only when written literally (`\[\[x]]` stays text). The scan is linear:
/// a candidate stops at the next `[` or lone `]`, so `[[[[…` or `[[a]b[[a]b…` cannot make it quadratic.
enum WikiLinkScanner {
    struct Match {
        /// Index of the first `[`.
        var open: Int
        /// Index just after the closing `]]`.
        var end: Int
        var target: String
        var label: String?
    }

    /// Cheap pre-check: no `[[`, no link.
    static func mayContainLink(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 4 else { return false }
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "[") {
                if bytes[index + 1] == UInt8(ascii: "[") { return true }
                index += 1
            } else {
                index += 1
            }
        }
        return false
    }

    static func scan(_ bytes: Bytes, from start: Int, isWritten: (Int) -> Bool) -> [Match] {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), bar = UInt8(ascii: "|")
        func isByte(_ index: Int, _ value: UInt8) -> Bool {
            bytes[index] == value && isWritten(index)
        }
        var matches: [Match] = []
        var index = start
        while index + 1 < bytes.count {
            guard isByte(index, open), isByte(index + 1, open) else { index += 1; continue }
            var cursor = index + 2
            var barIndex: Int?
            var closeIndex: Int?
            while cursor + 1 < bytes.count {
                if isByte(cursor, open) { break }
                if isByte(cursor, close) {
                    if isByte(cursor + 1, close) { closeIndex = cursor }
                    break
                }
                if barIndex == nil, isByte(cursor, bar) { barIndex = cursor }
                cursor += 1
            }
            guard let closeIndex else { index += 1; continue }
            let target = trimmed(bytes, (index + 2)..<(barIndex ?? closeIndex))
            guard !target.isEmpty else { index += 1; continue }
            let label = barIndex.map { trimmed(bytes, ($0 + 1)..<closeIndex) }
            matches.append(Match(open: index, end: closeIndex + 2, target: target,
                                 label: label?.isEmpty == false ? label : nil))
            index = closeIndex + 2
        }
        return matches
    }

    /// Trims every kind of white space, including the ideographic space U+3000 common in Japanese text.
    private static func trimmed(_ bytes: Bytes, _ range: Range<Int>) -> String {
        let text = Substring(decoding: Bytes(rebasing: bytes[range]), as: UTF8.self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
