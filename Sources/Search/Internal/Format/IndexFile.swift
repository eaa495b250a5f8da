import Foundation

/// Every index file is a script `densho_search_register("<id>",<data>);` so a browser can load
/// it with a `<script>` tag, also from file:// where fetch is not allowed. The manifest's data
/// is a JSON object; every other file's is a JSON string: its payload compressed with raw DEFLATE
/// (`Deflate`) as base-93 text (`Base93`), which the browser inflates with `DecompressionStream`.
enum IndexFile {
    static let prefix = "densho_search_register("

    static func fileName(_ id: String) -> String { id + ".js" }

    /// The file for `id`: the manifest's JSON as it is, any other payload compressed.
    static func contents(id: String, payload: [UInt8]) -> Data {
        var out: [UInt8] = Array(prefix.utf8)
        JSONWriter.appendString(id, to: &out)
        out.append(UInt8(ascii: ","))
        if id == IndexLayout.manifestID {
            out.append(contentsOf: payload)
        } else {
            out.append(UInt8(ascii: "\""))
            Base93.encode(Deflate.compress(payload), to: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: Array(");\n".utf8))
        return Data(out)
    }

    /// Splits a file written by `contents` into its id and the data between the comma and the
    /// closing parenthesis.
    static func parse(_ data: Data, file: String) throws -> (id: String, data: ArraySlice<UInt8>) {
        let bytes = [UInt8](data)
        let head = Array(prefix.utf8)
        guard bytes.count > head.count + 4, Array(bytes[0..<head.count]) == head,
              let comma = bytes[head.count...].firstIndex(of: UInt8(ascii: ",")),
              let close = bytes.lastIndex(of: UInt8(ascii: ")")), close > comma
        else {
            throw SearchIndexError(location: "\(file):1:1", message: "not a densho search file")
        }
        let idBytes = bytes[head.count..<comma]
        guard idBytes.count >= 2, idBytes.first == UInt8(ascii: "\""), idBytes.last == UInt8(ascii: "\""),
              let id = String(bytes: idBytes.dropFirst().dropLast(), encoding: .utf8)
        else {
            throw SearchIndexError(location: "\(file):1:\(head.count + 1)", message: "file id is not a plain string")
        }
        return (id, bytes[(comma + 1)..<close])
    }

    /// The payload of a compressed file's data (`"<base-93 text>"`).
    static func payload(_ data: ArraySlice<UInt8>, file: String) throws -> [UInt8] {
        guard data.count >= 2, data.first == UInt8(ascii: "\""), data.last == UInt8(ascii: "\""),
              let compressed = Base93.decode(data.dropFirst().dropLast()),
              let payload = Inflate.decompress(compressed)
        else {
            throw SearchIndexError(location: "\(file):1:1", message: "file data is not base-93 text of DEFLATE data")
        }
        return payload
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

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        out.append(contentsOf: Array(String(v).utf8))
    }
}
