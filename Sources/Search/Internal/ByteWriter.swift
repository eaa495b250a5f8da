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

    /// A VLQ number (`VLQ.append`): one digit per 5 bits.
    @inline(__always)
    mutating func putVLQ(_ value: UInt, alphabet: UnsafePointer<UInt8>) {
        if value < 32 {
            put(alphabet[Int(value)])
            return
        }
        if value < 1024 {
            put(alphabet[Int(value & 31 | 32)])
            put(alphabet[Int(value >> 5)])
            return
        }
        var v = value
        repeat {
            var digit = v & 31
            v >>= 5
            if v != 0 { digit |= 32 }
            put(alphabet[Int(digit)])
        } while v != 0
    }

    /// Every number of a varint byte list as VLQ digits.
    mutating func putVarintsAsVLQ(_ bytes: UnsafeBufferPointer<UInt8>, alphabet: UnsafePointer<UInt8>) {
        var at = 0
        while at < bytes.count { putVLQ(Varint.read(bytes, at: &at), alphabet: alphabet) }
    }

    /// Positional postings (varints, whole documents) as VLQ digits, and their document-level
    /// form (`gap, info` of the first value of each document) into `level`; `doc` carries the
    /// document id from one chunk to the next.
    mutating func putPositionsAsVLQ(_ bytes: UnsafeBufferPointer<UInt8>, alphabet: UnsafePointer<UInt8>,
                                    doc: inout Int, level: inout DocPostingBuilder) {
        var at = 0
        let n = bytes.count
        @inline(__always) func next() -> UInt { Varint.read(bytes, at: &at) }
        while at < n {
            let head = next()
            putVLQ(head, alphabet: alphabet)
            doc += Int(head >> 1) + 1
            var count = 1
            if head & 1 == 1, at < n {
                let extra = next()
                putVLQ(extra, alphabet: alphabet)
                count = Int(extra) + 2
            }
            guard at < n else { break }
            let v = Int(next())
            putVLQ(UInt(v), alphabet: alphabet)
            level.add(doc: doc, info: OccurrenceInfo.make(position: v / 3, fieldClass: v % 3))
            for _ in 1..<count where at < n { putVLQ(next(), alphabet: alphabet) }
        }
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
