import Messages

extension Parser {
    /// Scans a plain scalar on the current line and returns its byte range without trailing white
    /// space. It stops at the line end, at ': ' (a key), at ' #' (a comment) and, inside flow
    /// collections, at `,[]{}`. So `url: http://x` stays one scalar and `：` is just text.
    /// The caller has checked that the first character may start a plain scalar.
    mutating func scanPlain(inFlow: Bool) -> Range<Int> {
        let start = cursor.offset
        var end = cursor.mark
        while let byte = cursor.current, byte != Byte.lineFeed, byte != Byte.carriageReturn {
            if Byte.isWhite(byte) {
                if cursor.peek(1) == Byte.hash { break }
                cursor.advance()
                continue
            }
            if byte == Byte.colon {
                let next = cursor.peek(1)
                if Byte.isWhiteOrBreakOrEnd(next) || (inFlow && Byte.isFlowIndicator(next)) { break }
            }
            if inFlow && Byte.isFlowIndicator(byte) { break }
            cursor.advance()
            end = cursor.mark
        }
        cursor.reset(to: end)
        return start..<end.offset
    }

    /// `'…'` on one line; `''` stands for one quote.
    mutating func scanSingleQuoted() throws -> String {
        let opener = cursor.location
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            guard let byte = cursor.current, !Byte.isBreakOrEnd(byte) else {
                throw YAMLError(Message(.yamlUnterminatedSingle), location: opener)
            }
            cursor.advance()
            if byte == Byte.singleQuote {
                guard cursor.current == Byte.singleQuote else { break }
                cursor.advance()
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `"…"` on one line, with YAML's escapes (`\n`, `\t`, `\"`, `\\`, `\uXXXX`, …).
    mutating func scanDoubleQuoted() throws -> String {
        let opener = cursor.location
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            guard let byte = cursor.current, !Byte.isBreakOrEnd(byte) else {
                throw YAMLError(Message(.yamlUnterminatedDouble), location: opener)
            }
            if byte == Byte.doubleQuote {
                cursor.advance()
                break
            }
            if byte == Byte.backslash {
                try scanEscape(into: &bytes)
            } else {
                bytes.append(byte)
                cursor.advance()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func scanEscape(into bytes: inout [UInt8]) throws {
        let backslash = cursor.location
        cursor.advance()
        guard let code = cursor.current, !Byte.isBreakOrEnd(code) else {
            throw YAMLError(Message(.yamlBackslashAtLineEnd),
                            location: backslash)
        }
        let simple: UInt8?
        switch code {
        case UInt8(ascii: "0"): simple = 0
        case UInt8(ascii: "a"): simple = 7
        case UInt8(ascii: "b"): simple = 8
        case UInt8(ascii: "t"), Byte.tab: simple = 9
        case UInt8(ascii: "n"): simple = 10
        case UInt8(ascii: "v"): simple = 11
        case UInt8(ascii: "f"): simple = 12
        case UInt8(ascii: "r"): simple = 13
        case UInt8(ascii: "e"): simple = 27
        case Byte.space, Byte.doubleQuote, UInt8(ascii: "/"), Byte.backslash: simple = code
        default: simple = nil
        }
        cursor.advance()
        if let simple = simple {
            try Self.refuseControl(UInt32(simple), escape: code, at: backslash)
            bytes.append(simple)
            return
        }
        let scalarValue: UInt32
        switch code {
        case UInt8(ascii: "N"): scalarValue = 0x85
        case UInt8(ascii: "_"): scalarValue = 0xA0
        case UInt8(ascii: "L"): scalarValue = 0x2028
        case UInt8(ascii: "P"): scalarValue = 0x2029
        case UInt8(ascii: "x"): scalarValue = try scanHex(digits: 2, escape: "x", at: backslash)
        case UInt8(ascii: "u"): scalarValue = try scanHex(digits: 4, escape: "u", at: backslash)
        case UInt8(ascii: "U"): scalarValue = try scanHex(digits: 8, escape: "U", at: backslash)
        default:
            throw YAMLError(Message(.yamlUnknownEscape, String(decoding: [code], as: UTF8.self)), location: backslash)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw YAMLError(Message(.yamlEscapeNotCharacter), location: backslash)
        }
        try Self.refuseControl(scalarValue, escape: code, at: backslash)
        bytes.append(contentsOf: String(scalar).utf8)
    }

    /// A raw NUL or ESC in a file is refused; written as an escape (`\0`, `\e`, `\a`, `\x1B`…) it
    /// must be too: a page or a terminal would show it raw. Tab and line feed are text.
    private static func refuseControl(_ value: UInt32, escape code: UInt8, at backslash: SourceLocation) throws {
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        guard isControl, value != 0x09, value != 0x0A else { return }
        let hex = String(value, radix: 16, uppercase: true)
        throw YAMLError(Message(.yamlEscapeControl, String(decoding: [code], as: UTF8.self), String(repeating: "0", count: max(0, 4 - hex.count)) + hex),
                        location: backslash)
    }

    private mutating func scanHex(digits: Int, escape: String, at backslash: SourceLocation) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = cursor.current, let digit = PlainScalar.hexValue(byte) else {
                throw YAMLError(Message(.yamlEscapeDigits, escape, String(digits)), location: backslash)
            }
            value = value << 4 | digit
            cursor.advance()
        }
        return value
    }
}
