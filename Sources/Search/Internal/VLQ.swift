/// Unsigned base-64 VLQ (the digit scheme of source maps): each digit carries 5 bits, least
/// significant first, and 32 marks "more digits follow". Postings are stored as such strings
/// inside the JS shard files: compact, no escaping, decoded straight from `charCodeAt` in JS.
enum VLQ {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// ASCII byte → digit value, 255 for bytes outside the alphabet.
    static let digitValue: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    @inline(__always)
    static func append(_ value: Int, to out: inout [UInt8]) {
        var v = UInt(value)
        repeat {
            var digit = v & 31
            v >>= 5
            if v != 0 { digit |= 32 }
            out.append(alphabet[Int(digit)])
        } while v != 0
    }

    /// Decodes every number of `text`; nil when a byte is outside the alphabet or the last
    /// number is cut off.
    static func decode(_ text: String) -> [Int]? {
        var values: [Int] = []
        values.reserveCapacity(text.utf8.count)
        var current = 0
        var shift = 0
        for byte in text.utf8 {
            let digit = digitValue[Int(byte)]
            if digit == 255 || shift > 55 { return nil }
            current |= Int(digit & 31) << shift
            if digit & 32 != 0 {
                shift += 5
            } else {
                values.append(current)
                current = 0
                shift = 0
            }
        }
        return shift == 0 ? values : nil
    }
}

/// FNV-1a over Unicode scalar values, 32-bit. search.js computes the same number with
/// `Math.imul`, so both sides agree which shard holds a gram or word.
enum ShardHash {
    static func fnv1a<S: Sequence>(_ scalars: S) -> UInt32 where S.Element == UInt32 {
        var h: UInt32 = 2_166_136_261
        for v in scalars {
            h ^= v
            h = h &* 16_777_619
        }
        return h
    }

    static func shard<S: Sequence>(of scalars: S, count: Int) -> Int where S.Element == UInt32 {
        Int(fnv1a(scalars) % UInt32(max(count, 1)))
    }
}

/// The in-memory form of posting numbers while the index is built: little-endian base-128
/// (7 bits a byte, high bit = more bytes), denser than the 5 bits a byte of the file's VLQ
/// digits. The number sequence is the same as in the file, so `appendAsVLQ` transcodes it
/// number by number when a shard is written — byte for byte what `VLQ.append` would give.
enum Varint {
    @inline(__always)
    static func append(_ value: Int, to out: inout [UInt8]) {
        var v = UInt(bitPattern: value)
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(truncatingIfNeeded: v))
    }

    /// Number of VLQ digits `value` takes in the file, so sizes (shard counts, the g-copy
    /// rule) are known without encoding.
    @inline(__always)
    static func vlqLength(_ value: Int) -> Int {
        let bits = UInt.bitWidth - (UInt(bitPattern: value) | 1).leadingZeroBitCount
        return (bits + 4) / 5
    }

    /// The number that starts at `at` in `bytes` (`at < bytes.count`), moving `at` past it; a
    /// number cut off by the end of `bytes` ends there. The one decoder of the transcoding loops.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> UInt {
        var v = UInt(bytes[at] & 0x7F)
        var shift: UInt = 7
        while bytes[at] & 0x80 != 0 && at + 1 < bytes.count {
            at += 1
            v |= UInt(bytes[at] & 0x7F) << shift
            shift += 7
        }
        at += 1
        return v
    }

    /// Appends the VLQ digits of every number in `bytes` (whole numbers only).
    static func appendAsVLQ(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            var at = 0
            while at < b.count { VLQ.append(Int(read(b, at: &at)), to: &out) }
        }
    }
}

/// Reads the numbers of a varint byte list, one after another.
struct VarintReader {
    let bytes: [UInt8]
    var at = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    @inline(__always)
    mutating func next() -> Int? {
        guard at < bytes.count else { return nil }
        var v = 0, shift = 0
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            v |= Int(b & 0x7F) << shift
            if b & 0x80 == 0 { return v }
            shift += 7
        }
        return nil
    }
}
