import Foundation

/// Every index file is a script `densho_search_register("<id>",<JSON>);` so a browser can load
/// it with a `<script>` tag, also from file:// where fetch is not allowed. The payload is strict
/// JSON, which lets the Swift reader parse it with JSONSerialization.
enum ShardFile {
    static let prefix = "densho_search_register("

    static func fileName(_ id: String) -> String { id + ".js" }

    static func contents(id: String, json: [UInt8]) -> Data {
        var head: [UInt8] = Array(prefix.utf8)
        JSONWriter.appendString(id, to: &head)
        head.append(UInt8(ascii: ","))
        let tail: [UInt8] = Array(");\n".utf8)
        // One copy of the (large) payload, straight into the file's bytes.
        var data = Data(count: head.count + json.count + tail.count)
        data.withUnsafeMutableBytes { out in
            var at = 0
            for part in [head, json, tail] {
                part.withUnsafeBytes { bytes in
                    out[at..<(at + bytes.count)].copyBytes(from: bytes)
                }
                at += part.count
            }
        }
        return data
    }

    /// Splits a file written by `contents` into its id and the JSON payload bytes.
    static func parse(_ data: Data, file: String) throws -> (id: String, payload: Data) {
        let bytes = [UInt8](data)
        let head = Array(prefix.utf8)
        guard bytes.count > head.count + 4, Array(bytes[0..<head.count]) == head,
              let comma = bytes[head.count...].firstIndex(of: UInt8(ascii: ",")),
              let close = bytes.lastIndex(of: UInt8(ascii: ")")), close > comma
        else {
            throw SearchIndexError(location: "\(file):1:1", message: "not a densho search shard")
        }
        let idBytes = bytes[head.count..<comma]
        guard idBytes.count >= 2, idBytes.first == UInt8(ascii: "\""), idBytes.last == UInt8(ascii: "\""),
              let id = String(bytes: idBytes.dropFirst().dropLast(), encoding: .utf8)
        else {
            throw SearchIndexError(location: "\(file):1:\(head.count + 1)", message: "shard id is not a plain string")
        }
        return (id, Data(bytes[(comma + 1)..<close]))
    }

    static func json(_ payload: Data, file: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: payload, options: [.fragmentsAllowed])
        } catch {
            throw SearchIndexError(location: "\(file):1:1", message: "shard data is not valid JSON: \(error)")
        }
    }
}

/// Minimal deterministic JSON output (no key reordering surprises, raw UTF-8 for Japanese).
enum JSONWriter {
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in s.unicodeScalars { appendEscaped(scalar.value, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// One scalar inside a JSON string literal.
    @inline(__always)
    static func appendEscaped(_ v: UInt32, to out: inout [UInt8]) {
        if v >= 0x20 && v != 0x22 && v != 0x5C && v != 0x2028 && v != 0x2029 {
            appendUTF8(v, to: &out)
            return
        }
        switch v {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        default:
            // Control characters, and U+2028/2029 (line terminators in older JavaScript string literals).
            let hex = String(v, radix: 16)
            out.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
        }
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    static func appendASCIIString(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: bytes)
        out.append(UInt8(ascii: "\""))
    }

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        out.append(contentsOf: Array(String(v).utf8))
    }

    /// `["key","value","key","value",…]` — flat pairs; JS turns them into a Map, which (unlike
    /// an object) has no trouble with keys such as `__proto__`.
    static func flatPairs(_ pairs: [(key: String, value: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendString(pair.key, to: &out)
            out.append(UInt8(ascii: ","))
            appendASCIIString(pair.value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
