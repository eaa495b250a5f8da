/// Writes bytes through a raw pointer into room reserved beforehand — for the hot loops, where
/// `Array.append` would check uniqueness and capacity for every byte.
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// A varint (`Varint`): at most 10 bytes.
    @inline(__always)
    mutating func putVarint(_ value: Int) {
        var v = UInt(bitPattern: value)
        while v >= 0x80 {
            put(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        put(UInt8(truncatingIfNeeded: v))
    }

    /// UTF-8 of a scalar value: at most 4 bytes.
    @inline(__always)
    mutating func putUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            put(UInt8(v))
        case 0x80..<0x800:
            put(UInt8(0xC0 | v >> 6)); put(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            put(UInt8(0xE0 | v >> 12)); put(UInt8(0x80 | v >> 6 & 0x3F)); put(UInt8(0x80 | v & 0x3F))
        default:
            put(UInt8(0xF0 | v >> 18)); put(UInt8(0x80 | v >> 12 & 0x3F))
            put(UInt8(0x80 | v >> 6 & 0x3F)); put(UInt8(0x80 | v & 0x3F))
        }
    }

    /// One scalar inside a JSON string literal, as `JSONWriter.appendEscaped`: at most 6 bytes.
    @inline(__always)
    mutating func putEscaped(_ v: UInt32) {
        if v >= 0x20 && v != 0x22 && v != 0x5C && v != 0x2028 && v != 0x2029 {
            putUTF8(v)
            return
        }
        var slow: [UInt8] = []
        JSONWriter.appendEscaped(v, to: &slow)
        for b in slow { put(b) }
    }
}

extension Array where Element == UInt8 {
    /// Appends at most `maximum` bytes written by `body`.
    @inline(__always)
    mutating func write(maximum: Int, _ body: (inout ByteWriter) -> Void) {
        let old = count
        append(contentsOf: repeatElement(0, count: maximum))
        let written = withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var writer = ByteWriter(base + old)
            body(&writer)
            return writer.count
        }
        removeLast(maximum - written)
    }
}
