/// A wiki link whose `[[` and `]]` cmark put into different inline nodes: `[[A*B*C]]` became text,
/// emphasis, text; `[[nosuch|<i>y</i>]]` text, raw HTML, text. The per-run scanner cannot see it.
///
/// The first walk notes each such link (a written `[[` in a text run, the first written `]]` in a
/// later text of the same block, with only text, emphasis and raw HTML between). Then the source is
/// parsed again with the link's inside made inert (`SplitWikiLinks.patched`), so the link is one
/// text run, as if wiki links bound tighter than emphasis (code spans still bind tighter than
/// both: a `[[` inside code never opens one). Target and label come from the bytes as written.
struct SplitWikiLink: Sendable {
    /// Source bytes from the first `[` to just after the closing `]]`.
    var range: Range<Int>
    var target: String
    var label: String?
}

enum SplitWikiLinks {
    /// The link's target and label from its written bytes (`[[…]]` included). Backslash escapes
    /// of ASCII punctuation count as the character (`\*` is `*`); the first bar splits target and
    /// label, and in a table cell an escaped bar does too (a bare one would end the cell). Nil
    /// when the target is blank.
    static func link(written bytes: Bytes, range: Range<Int>, inTableCell: Bool) -> SplitWikiLink? {
        let inside = (range.lowerBound + 2)..<(range.upperBound - 2)
        var target: [UInt8] = [], label: [UInt8] = []
        var sawBar = false
        var index = inside.lowerBound
        while index < inside.upperBound {
            var byte = bytes[index]
            var escaped = false
            if byte == UInt8(ascii: "\\"), index + 1 < inside.upperBound, isASCIIPunctuation(bytes[index + 1]) {
                index += 1
                byte = bytes[index]
                escaped = true
            }
            if !sawBar, byte == UInt8(ascii: "|"), !escaped || inTableCell {
                sawBar = true
            } else if sawBar {
                label.append(byte)
            } else {
                target.append(byte)
            }
            index += 1
        }
        let trimmedTarget = target.withUnsafeBufferPointer { WikiLinkScanner.trimmed($0, 0..<$0.count) }
        guard !trimmedTarget.isEmpty else { return nil }
        let trimmedLabel = label.withUnsafeBufferPointer { WikiLinkScanner.trimmed($0, 0..<$0.count) }
        return SplitWikiLink(range: range, target: trimmedTarget, label: trimmedLabel.isEmpty ? nil : trimmedLabel)
    }

    /// The source with each link's inside made inert for cmark: the bytes that start emphasis,
    /// code, raw HTML, entities, escapes, strikethrough or brackets become `x`, so the second parse
    /// sees `[[AxBxC]]`, one text run. Lengths and lines stay, so every position stays right. A
    /// `\` before `|` stays: in a table cell it keeps the bar from ending the cell.
    static func patched(_ source: Bytes, _ links: [SplitWikiLink]) -> [UInt8] {
        var bytes = Array(source)
        for link in links {
            for index in (link.range.lowerBound + 2)..<(link.range.upperBound - 2) {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "|") { continue }
                if inertBytes.contains(byte) { bytes[index] = UInt8(ascii: "x") }
            }
        }
        return bytes
    }

    private static let inertBytes: Set<UInt8> = Set("*_`<&\\~![]".utf8)

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
