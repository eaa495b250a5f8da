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
