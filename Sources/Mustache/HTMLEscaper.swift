/// Escapes the five characters that can break out of HTML text or a quoted attribute value.
/// The apostrophe is escaped too (`&#39;`), so values are safe in single-quoted attributes as well.
enum HTMLEscaper {
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { buffer in
            var runStart = 0
            for index in 0..<buffer.count {
                let entity: [UInt8]
                switch buffer[index] {
                case UInt8(ascii: "&"): entity = ampersand
                case UInt8(ascii: "<"): entity = lessThan
                case UInt8(ascii: ">"): entity = greaterThan
                case UInt8(ascii: "\""): entity = quote
                case UInt8(ascii: "'"): entity = apostrophe
                default: continue
                }
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
                output.append(contentsOf: entity)
                runStart = index + 1
            }
            if runStart < buffer.count {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<buffer.count]))
            }
        }
    }

    /// Convenience for callers outside the renderer (tests, other rooms wanting the same escaping).
    static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
