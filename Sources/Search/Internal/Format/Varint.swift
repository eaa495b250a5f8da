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

/// Little-endian base-128 numbers (7 bits a byte, high bit = more bytes): the numbers of the
/// binary index payloads, and of posting lists while the index is built.
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

    /// Every number of `bytes` (a number cut off by the end ends there).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var out: [Int] = []
        var at = 0
        while at < bytes.count { out.append(Int(read(bytes, at: &at))) }
        return out
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
