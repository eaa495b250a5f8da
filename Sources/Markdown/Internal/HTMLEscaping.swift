/// Byte-level HTML output helpers, written to match cmark's renderer byte for byte.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append(decimal value: Int) {
        append(contentsOf: String(value).utf8)
    }

    /// Escapes `& < > "` like cmark (a `'` needs no escape: every attribute we write is double-quoted).
    mutating func appendEscapedHTML(_ bytes: Bytes) {
        var chunkStart = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: continue
            }
            if index > chunkStart { append(contentsOf: Bytes(rebasing: bytes[chunkStart..<index])) }
            append(replacement)
            chunkStart = index + 1
        }
        if chunkStart < bytes.count { append(contentsOf: Bytes(rebasing: bytes[chunkStart..<bytes.count])) }
    }

    /// Percent-encodes a URL for an `href`/`src` like cmark: reserved characters stay (they are
    /// meant as separators), `&` and `'` become entities, everything else becomes `%XX`.
    mutating func appendEscapedHref(_ bytes: Bytes) {
        let hex: StaticString = "0123456789ABCDEF"
        for byte in bytes {
            if URLSafety.isHrefSafe(byte) {
                append(byte)
            } else if byte == UInt8(ascii: "&") {
                append("&amp;")
            } else if byte == UInt8(ascii: "'") {
                append("&#x27;")
            } else {
                append(UInt8(ascii: "%"))
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 0x0F)])
            }
        }
    }

    /// cmark's `cr()`: start a new line unless the output is empty or already at one.
    mutating func ensureNewline() {
        if let last, last != UInt8(ascii: "\n") { append(UInt8(ascii: "\n")) }
    }
}

enum URLSafety {
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in "-_.+!*(),%#@?=;:/$".utf8 { table[Int(byte)] = true }
        return table
    }()

    static func isHrefSafe(_ byte: UInt8) -> Bool { hrefSafe[Int(byte)] }

    /// True for `javascript:`, `vbscript:`, `file:` and every `data:` URL, however disguised: case,
    /// leading spaces or control characters, and tabs/newlines inside the scheme (browsers drop them,
    /// so `java&#x09;script:` decodes to a working `javascript:`).
    static func isDangerous<C: Collection>(_ url: C) -> Bool where C.Element == UInt8 {
        // The longest dangerous scheme is 11 bytes; gather that much, normalised, without allocating.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { scheme -> Bool in
            var length = 0
            var started = false
            for byte in url {
                if !started, byte <= 0x20 { continue }
                started = true
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                scheme[length] = lower
                length += 1
                if lower == UInt8(ascii: ":") || length == 12 { break }
            }
            guard length > 0, scheme[length - 1] == UInt8(ascii: ":") else { return false }
            let written = UnsafeBufferPointer(rebasing: scheme[0..<length])
            return dangerousSchemes.contains { scheme in
                scheme.withUTF8Buffer { $0.elementsEqual(written) }
            }
        }
    }

    private static let dangerousSchemes: [StaticString] = ["javascript:", "vbscript:", "file:", "data:"]
}

/// Escaping for values that do not come from the note (resolver labels and hrefs): all five of
/// `& < > " '`, since we cannot know where the caller's strings have been.
enum StrictEscaping {
    static func escape(_ text: String, into output: inout String) {
        var chunkStart = text.utf8.startIndex
        var index = chunkStart
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                output += text[chunkStart..<index]
                output += replacement
                chunkStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += text[chunkStart..<utf8.endIndex]
    }
}
