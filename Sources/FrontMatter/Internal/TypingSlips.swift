import Messages

/// Slips that an IME makes while the writer types Japanese: the colon after a key comes out
/// full-width (`date：2026-10-02`) and the indentation comes out as full-width spaces (U+3000).
/// YAML reads both as text, so without these checks the error lands on some later line, or the
/// line becomes an unknown field. Asked only where a key was expected.
extension Parser {
    private static let fullWidthColon: [UInt8] = [0xEF, 0xBC, 0x9A]   // ：
    private static let fullWidthSpace: [UInt8] = [0xE3, 0x80, 0x80]   // U+3000

    /// The slip on the line at the cursor (its first non-space character), if there is one.
    func typingSlip() -> YAMLError? {
        if startsWith(Self.fullWidthSpace, at: cursor.offset) {
            return YAMLError(Message(.yamlFullWidthSpaceIndent), location: cursor.location)
        }
        return fullWidthColonSlip()
    }

    /// A key written before a `：`: nothing before it may be a quote, a flow bracket, a half-width
    /// `: ` or white space, so `note: 注意：要確認` and `- 注意：要確認` are never taken for one.
    private func fullWidthColonSlip() -> YAMLError? {
        var index = cursor.offset
        var column = cursor.location.column
        let bytes = cursor.bytes
        if let first = bytes[safe: index], [Byte.doubleQuote, Byte.singleQuote, Byte.openBracket, Byte.openBrace,
                                           Byte.hash, Byte.minus].contains(first) { return nil }
        while index < bytes.count, !Byte.isBreakOrEnd(bytes[index]) {
            if startsWith(Self.fullWidthColon, at: index) {
                guard index > cursor.offset else { return nil }
                let key = cursor.text(cursor.offset..<index)
                return YAMLError(Message(.yamlFullWidthColon, key),
                                 location: SourceLocation(line: cursor.location.line, column: column))
            }
            let byte = bytes[index]
            if Byte.isWhite(byte) || byte == Byte.colon { return nil }
            index += 1
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        return nil
    }

    private func startsWith(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= cursor.bytes.count else { return false }
        return cursor.bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
