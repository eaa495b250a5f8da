import Messages

/// A saved position: byte offset plus the line and column it corresponds to.
struct Mark {
    var offset: Int
    var line: Int
    var column: Int
}

/// Walks the UTF-8 bytes of the input while keeping line and column up to date, so that every
/// location is O(1) to report. All YAML syntax is ASCII, so scanning bytes is enough; multi-byte
/// characters (Japanese text, `：`) only ever appear inside scalars.
struct Cursor {
    let bytes: [UInt8]
    private let lineShift: Int
    private(set) var mark: Mark

    init(text: String, firstLine: Int) {
        bytes = Array(text.utf8)
        lineShift = firstLine - 1
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        mark = Mark(offset: hasByteOrderMark ? 3 : 0, line: 1, column: 1)
    }

    var offset: Int { mark.offset }
    var isAtEnd: Bool { mark.offset >= bytes.count }
    var current: UInt8? { peek(0) }

    /// Indentation of the current position, meaningful when only spaces precede it on its line.
    var indent: Int { mark.column - 1 }

    var location: SourceLocation { location(of: mark) }

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(line: mark.line + lineShift, column: mark.column)
    }

    func peek(_ ahead: Int) -> UInt8? {
        let index = mark.offset + ahead
        return index < bytes.count ? bytes[index] : nil
    }

    var isAtLineEnd: Bool { Byte.isBreakOrEnd(current) }

    /// Moves over one byte that is not a line break.
    mutating func advance() {
        let byte = bytes[mark.offset]
        mark.offset += 1
        // Continuation bytes belong to the scalar whose lead byte already advanced the column.
        if byte & 0xC0 != 0x80 { mark.column += 1 }
    }

    /// Moves over `\n`, `\r\n` or a lone `\r`; does nothing at the end of the input.
    mutating func skipLineBreak() {
        guard let byte = current else { return }
        if byte == Byte.carriageReturn {
            mark.offset += 1
            if current == Byte.lineFeed { mark.offset += 1 }
        } else if byte == Byte.lineFeed {
            mark.offset += 1
        } else {
            return
        }
        mark.line += 1
        mark.column = 1
    }

    /// Skips spaces and tabs; returns how many were skipped.
    @discardableResult
    mutating func skipWhite() -> Int {
        var count = 0
        while let byte = current, Byte.isWhite(byte) {
            advance()
            count += 1
        }
        return count
    }

    mutating func skipToLineEnd() {
        while !isAtLineEnd { advance() }
    }

    mutating func reset(to mark: Mark) {
        self.mark = mark
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The character at the cursor, for messages such as "unexpected '：'".
    var currentCharacter: String {
        guard let lead = current else { return "end of input" }
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return text(mark.offset..<min(mark.offset + length, bytes.count))
    }

    /// `---` or `...` at column 1 followed by white space or the line end.
    var isAtDocumentMarker: Bool {
        guard mark.column == 1, let first = current,
              first == Byte.minus || first == Byte.period,
              peek(1) == first, peek(2) == first else { return false }
        return Byte.isWhiteOrBreakOrEnd(peek(3))
    }

    func error(_ message: Message) -> YAMLError {
        YAMLError(message, location: location)
    }
}

/// The ASCII bytes the grammar cares about.
enum Byte {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let period = UInt8(ascii: ".")
    static let question = UInt8(ascii: "?")
    static let pipe = UInt8(ascii: "|")
    static let greater = UInt8(ascii: ">")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")

    static func isWhite(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    static func isBreakOrEnd(_ byte: UInt8?) -> Bool {
        guard let byte = byte else { return true }
        return byte == lineFeed || byte == carriageReturn
    }

    static func isWhiteOrBreakOrEnd(_ byte: UInt8?) -> Bool {
        guard let byte = byte else { return true }
        return isWhite(byte) || byte == lineFeed || byte == carriageReturn
    }

    static func isFlowIndicator(_ byte: UInt8?) -> Bool {
        guard let byte = byte else { return false }
        return byte == comma || byte == openBracket || byte == closeBracket
            || byte == openBrace || byte == closeBrace
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
}
