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

    /// Cheap pre-check: no `[[`, no link (a bare `[[` may open one that a later text closes).
    static func mayContainLink(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 2 else { return false }
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

    /// Where a `[[` that this run leaves open starts (its `]]` may come in a later text of the
    /// block): the last written `[[` after `start` with no written `[` or `]` after it.
    static func openAtEnd(_ bytes: Bytes, from start: Int, isWritten: (Int) -> Bool) -> Int? {
        var index = bytes.count - 1
        while index > start {
            let byte = bytes[index]
            if (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")) && isWritten(index) { break }
            index -= 1
        }
        guard index > start, bytes[index] == UInt8(ascii: "["), isWritten(index),
              bytes[index - 1] == UInt8(ascii: "["), isWritten(index - 1) else { return nil }
        return index - 1
    }

    /// How a run continues a `[[` left open before it: `.closed(at:)` for the index of the `]]`
    /// that ends it, `.broken` when a `[` or a lone `]` comes first, `.open` when neither does.
    enum Continuation: Equatable { case closed(at: Int), broken, open }

    static func continuation(_ bytes: Bytes, from start: Int, isWritten: (Int) -> Bool) -> Continuation {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "["), isWritten(index) { return .broken }
            if byte == UInt8(ascii: "]"), isWritten(index) {
                let closes = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "]") && isWritten(index + 1)
                return closes ? .closed(at: index) : .broken
            }
            index += 1
        }
        return .open
    }

    /// Trims every kind of white space, including the ideographic space U+3000 common in Japanese text.
    static func trimmed(_ bytes: Bytes, _ range: Range<Int>) -> String {
        let text = Substring(decoding: Bytes(rebasing: bytes[range]), as: UTF8.self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
