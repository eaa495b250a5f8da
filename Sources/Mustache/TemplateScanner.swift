/// Splits a template source into tokens, following `{{=<% %>=}}` delimiter changes as it goes.
struct TemplateScanner {
    private let bytes: [UInt8]
    private let templateName: String
    private let locator: SourceLocator
    private var openDelimiter: [UInt8] = Array("{{".utf8)
    private var closeDelimiter: [UInt8] = Array("}}".utf8)
    private var tokens: [Token] = []
    private var row = 0

    init(bytes: [UInt8], templateName: String, locator: SourceLocator) {
        self.bytes = bytes
        self.templateName = templateName
        self.locator = locator
    }

    mutating func scan() throws -> [Token] {
        var position = 0
        while position < bytes.count {
            guard let tagStart = find(openDelimiter, from: position) else {
                appendText(from: position, to: bytes.count)
                break
            }
            appendText(from: position, to: tagStart)
            position = try scanTag(at: tagStart)
        }
        return tokens
    }

    /// Appends text as one token per line piece, so standalone detection can work row by row.
    private mutating func appendText(from start: Int, to end: Int) {
        var pieceStart = start
        var index = start
        while index < end {
            if bytes[index] == ASCII.lineFeed {
                tokens.append(Token(kind: .text, start: pieceStart, end: index + 1, name: "", row: row))
                row += 1
                pieceStart = index + 1
            }
            index += 1
        }
        if pieceStart < end { tokens.append(Token(kind: .text, start: pieceStart, end: end, name: "", row: row)) }
    }

    /// Scans the tag whose opening delimiter starts at `tagStart`; returns the offset just past it.
    private mutating func scanTag(at tagStart: Int) throws -> Int {
        let contentStart = tagStart + openDelimiter.count
        let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        switch sigil {
        case UInt8(ascii: "!"):
            let closeAt = try findClose(closeDelimiter, from: contentStart, tagStart: tagStart)
            return append(.comment, name: "", tagStart: tagStart, end: closeAt + closeDelimiter.count)
        case UInt8(ascii: "="):
            let terminator = [UInt8(ascii: "=")] + closeDelimiter
            let closeAt = try findClose(terminator, from: contentStart + 1, tagStart: tagStart)
            try changeDelimiters(bytes[(contentStart + 1)..<closeAt], tagStart: tagStart)
            return append(.delimiters, name: "", tagStart: tagStart, end: closeAt + terminator.count)
        case UInt8(ascii: "{"):
            // Triple mustache: the extra brace closes too, whatever the current delimiters are.
            let terminator = [UInt8(ascii: "}")] + closeDelimiter
            let closeAt = try findClose(terminator, from: contentStart + 1, tagStart: tagStart)
            let name = try tagName(contentStart + 1, closeAt, tagStart: tagStart)
            return append(.variable(escaped: false), name: name, tagStart: tagStart, end: closeAt + terminator.count)
        default:
            var kind: Token.Kind
            var nameStart = contentStart + 1
            switch sigil {
            case UInt8(ascii: "&"): kind = .variable(escaped: false)
            case UInt8(ascii: "#"): kind = .sectionOpen
            case UInt8(ascii: "^"): kind = .invertedOpen
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parentOpen
            case UInt8(ascii: "$"): kind = .blockOpen
            default:
                kind = .variable(escaped: true)
                nameStart = contentStart
            }
            let closeAt = try findClose(closeDelimiter, from: contentStart, tagStart: tagStart)
            nameStart = min(nameStart, closeAt)
            if kind == .partial, let star = dynamicNameMarker(from: nameStart, to: closeAt) {
                kind = .dynamicPartial
                nameStart = star + 1
            }
            let name = try tagName(nameStart, closeAt, tagStart: tagStart)
            return append(kind, name: name, tagStart: tagStart, end: closeAt + closeDelimiter.count)
        }
    }

    /// The offset of the `*` in `{{> *name}}` (blanks allowed around it), if the partial name is dynamic.
    private func dynamicNameMarker(from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end, ASCII.isWhitespace(bytes[index]) { index += 1 }
        return index < end && bytes[index] == UInt8(ascii: "*") ? index : nil
    }

    private mutating func append(_ kind: Token.Kind, name: String, tagStart: Int, end: Int) -> Int {
        tokens.append(Token(kind: kind, start: tagStart, end: end, name: name, row: row))
        return end
    }

    private func tagName(_ start: Int, _ end: Int, tagStart: Int) throws -> String {
        var low = start
        var high = end
        while low < high, ASCII.isWhitespace(bytes[low]) { low += 1 }
        while high > low, ASCII.isWhitespace(bytes[high - 1]) { high -= 1 }
        if low == high { throw error("empty tag: a name is required", at: tagStart) }
        if bytes[low..<high].contains(where: ASCII.isWhitespace) {
            let raw = String(decoding: bytes[low..<high], as: UTF8.self)
            throw error("tag name '\(raw)' must not contain whitespace", at: tagStart)
        }
        return String(decoding: bytes[low..<high], as: UTF8.self)
    }

    private mutating func changeDelimiters(_ content: ArraySlice<UInt8>, tagStart: Int) throws {
        let parts = content.split(whereSeparator: ASCII.isWhitespace)
        guard parts.count == 2 else {
            throw error("set-delimiter tag needs exactly two delimiters separated by whitespace, e.g. {{=<% %>=}}",
                        at: tagStart)
        }
        if parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) {
            throw error("a delimiter must not contain '='", at: tagStart)
        }
        openDelimiter = Array(parts[0])
        closeDelimiter = Array(parts[1])
    }

    private func findClose(_ needle: [UInt8], from start: Int, tagStart: Int) throws -> Int {
        guard let index = find(needle, from: start) else {
            let expected = String(decoding: needle, as: UTF8.self)
            throw error("unclosed tag: expected '\(expected)'", at: tagStart)
        }
        return index
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    private func error(_ message: String, at offset: Int) -> MustacheError {
        let (line, column) = locator.position(of: offset)
        return MustacheError(message: message, template: templateName, line: line, column: column)
    }
}
