/// Plain text for search and snippets: one line per leaf block, inline markup dropped.
///
/// Also captures the text of the heading or task item being read, so one walk yields all of them.
struct PlainTextCollector {
    private(set) var text: [UInt8] = []
    private var heading: [UInt8]?
    private var task: [UInt8]?
    /// A soft or hard line break waiting for the next text, which decides whether it becomes a space.
    private var pendingBreak = false
    /// A table cell ended: the next text of the row starts after a space.
    private var pendingCellSpace = false

    var count: Int { text.count }

    mutating func append(_ bytes: Bytes) {
        guard !bytes.isEmpty else { return }
        resolveBreak(beforeWide: bytes[0] >= 0xE3)
        if pendingCellSpace {
            pendingCellSpace = false
            if let last = text.last, last != UInt8(ascii: "\n") { text.append(UInt8(ascii: " ")) }
        }
        text.append(contentsOf: bytes)
        heading?.append(contentsOf: bytes)
        task?.append(contentsOf: bytes)
    }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    mutating func lineBreak() {
        pendingBreak = true
    }

    /// Ends a table cell: one space before the next cell's text, never a join.
    mutating func separateCell() {
        pendingBreak = false
        pendingCellSpace = true
    }

    /// Ends the current block's line.
    mutating func endBlock() {
        pendingBreak = false
        pendingCellSpace = false
        if let last = text.last, last != UInt8(ascii: "\n") { text.append(UInt8(ascii: "\n")) }
    }

    mutating func beginHeading() { heading = [] }

    mutating func endHeading() -> String {
        defer { heading = nil }
        return String(decoding: heading ?? [], as: UTF8.self)
    }

    mutating func beginTask() { task = [] }

    var isCapturingTask: Bool { task != nil }

    mutating func endTask() -> String {
        defer { task = nil }
        return String(decoding: task ?? [], as: UTF8.self)
    }

    /// Japanese is written without spaces and wrapped anywhere, so a line break between two wide
    /// characters (U+3000 and up: kana, kanji, full-width forms) joins them; elsewhere it is a space.
    /// This keeps 特許\n資料 findable as 特許資料.
    private mutating func resolveBreak(beforeWide nextIsWide: Bool) {
        guard pendingBreak else { return }
        pendingBreak = false
        guard let last = text.last, last != UInt8(ascii: "\n") else { return }
        if nextIsWide && lastScalarIsWide() { return }
        text.append(UInt8(ascii: " "))
        heading?.append(UInt8(ascii: " "))
        task?.append(UInt8(ascii: " "))
    }

    private func lastScalarIsWide() -> Bool {
        var index = text.count - 1
        while index > 0, text.count - index < 4, text[index] & 0xC0 == 0x80 { index -= 1 }
        return text[index] >= 0xE3
    }
}
