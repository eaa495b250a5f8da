import Messages

/// A file cut into its YAML front matter and its Markdown body, with the line each part starts on
/// so that later errors can name the file's own line numbers.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The text between the two `---` lines (each line ending in `\n`), or nil when there is none.
    public let yaml: String?
    /// The file line of the first YAML line (2 when there is front matter).
    public let yamlFirstLine: Int
    /// Everything after the closing `---` line (or the whole file), with `\n` line endings.
    public let body: String
    public let bodyFirstLine: Int

    public init(yaml: String?, yamlFirstLine: Int, body: String, bodyFirstLine: Int) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}

public enum FrontMatter {
    /// Cuts `text` at its front matter: a first line that is exactly `---` (trailing spaces or tabs
    /// allowed) up to the next such line. A UTF-8 byte-order mark is dropped and CRLF / lone CR line
    /// endings become LF, so line numbers match what an editor shows either way.
    public static func split(_ text: String) throws -> FrontMatterSplit {
        // Usually there is neither a BOM nor a CR (SourceText already removed them): then the
        // parts are cut from the text itself, with no copy of the bytes and no second validation.
        var normalized = text
        if text.utf8.first == 0xEF || containsCarriageReturn(text) {
            normalized = String(decoding: normalizedBytes(text), as: UTF8.self)
        }
        let cut = try normalized.withUTF8 { try cutPoints($0) }
        let utf8 = normalized.utf8
        func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        guard let cut else { return FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: normalized, bodyFirstLine: 1) }
        return FrontMatterSplit(yaml: String(normalized[at(cut.yamlStart)..<at(cut.yamlEnd)]), yamlFirstLine: 2,
                                body: String(normalized[at(cut.bodyStart)...]), bodyFirstLine: cut.bodyFirstLine)
    }

    /// Whether `text` has a CR byte: eight bytes at a time where the bytes are contiguous (a
    /// native string's always are); `utf8.contains` steps an iterator byte by byte.
    private static func containsCarriageReturn(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let crs = ones &* UInt64(Byte.carriageReturn)
            var i = 0
            if let base = bytes.baseAddress {
                while i + 8 <= bytes.count {
                    // A zero byte of word ^ crs is a CR (the classic has-zero-byte test).
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ crs
                    if (x &- ones) & ~x & highs != 0 { return true }
                    i += 8
                }
            }
            while i < bytes.count {
                if bytes[i] == Byte.carriageReturn { return true }
                i += 1
            }
            return false
        } ?? text.utf8.contains(Byte.carriageReturn)
    }

    /// Where the YAML and the body start in normalized bytes; nil when there is no front matter.
    private static func cutPoints(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (yamlStart: Int, yamlEnd: Int, bodyStart: Int, bodyFirstLine: Int)? {
        guard let yamlStart = fenceLineEnd(bytes, from: 0) else { return nil }
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < bytes.count {
            if let bodyStart = fenceLineEnd(bytes, from: lineStart) {
                return (yamlStart, lineStart, bodyStart, lineNumber + 1)
            }
            lineStart = (bytes[lineStart...].firstIndex(of: Byte.lineFeed) ?? bytes.count - 1) + 1
            lineNumber += 1
        }
        throw YAMLError(Message(.yamlNeverCloses),
                        location: SourceLocation(line: 1, column: 1))
    }

    /// Splits and parses in one step; an absent front matter gives an empty mapping.
    public static func parse(_ text: String) throws -> (frontMatter: YAMLNode, split: FrontMatterSplit) {
        let split = try split(text)
        let node = try YAML.parse(split.yaml ?? "", firstLine: split.yamlFirstLine)
        return (node, split)
    }

    /// When the line starting at `start` is a `---` fence, the offset just past its line break.
    private static func fenceLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard bytes.count >= start + 3,
              bytes[start] == Byte.minus, bytes[start + 1] == Byte.minus, bytes[start + 2] == Byte.minus else {
            return nil
        }
        var index = start + 3
        while index < bytes.count, Byte.isWhite(bytes[index]) { index += 1 }
        if index == bytes.count { return index }
        return bytes[index] == Byte.lineFeed ? index + 1 : nil
    }

    /// The UTF-8 bytes without a byte-order mark and with every line ending as `\n`.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        guard bytes.contains(Byte.carriageReturn) else { return bytes }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Byte.carriageReturn {
                normalized.append(Byte.lineFeed)
                if index + 1 < bytes.count && bytes[index + 1] == Byte.lineFeed { index += 1 }
            } else {
                normalized.append(byte)
            }
            index += 1
        }
        return normalized
    }
}
