/// The text form of a compressed payload inside a file's JSON string: 13 bits in two characters
/// of the 93 printable ASCII characters that need no escape in a JSON or JavaScript string
/// (U+0020–007E without `"` and `\`), 1.23 characters a byte where base64 takes 1.33.
///
/// Bits are taken least significant first; each 13 bits `v` become the characters
/// `v mod 93`, `v div 93`; the bits left at the end (fewer than 13, padded with zeros) become
/// one character when they are at most 6, else two. The reader keeps whole bytes only.
enum Base93 {
    static let alphabet: [UInt8] = (0x20...0x7E).filter { $0 != 0x22 && $0 != 0x5C }.map { UInt8($0) }

    /// Character → digit, 255 for a character outside the alphabet.
    private static let digits: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (digit, character) in alphabet.enumerated() { table[Int(character)] = UInt8(digit) }
        return table
    }()

    static func encode(_ bytes: [UInt8], to out: inout [UInt8]) {
        // The exact length first, then every character written in place.
        let bits = bytes.count * 8
        let length = bits / 13 * 2 + (bits % 13 == 0 ? 0 : bits % 13 <= 6 ? 1 : 2)
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        out.withUnsafeMutableBufferPointer { out in
        alphabet.withUnsafeBufferPointer { alphabet in
        bytes.withUnsafeBufferPointer { bytes in
            var bits: UInt32 = 0, count = 0, at = start
            for byte in bytes {
                bits |= UInt32(byte) << UInt32(count)
                count += 8
                if count >= 13 {
                    let v = Int(bits & 0x1FFF)
                    let (high, low) = v.quotientAndRemainder(dividingBy: 93)
                    out[at] = alphabet[low]
                    out[at + 1] = alphabet[high]
                    at += 2
                    bits >>= 13
                    count -= 13
                }
            }
            if count > 0 {
                let v = Int(bits)
                out[at] = alphabet[v % 93]
                if count > 6 { out[at + 1] = alphabet[v / 93] }
            }
        }
        }
        }
    }

    /// The bytes of `text`; nil when a character is outside the alphabet or a pair is out of range.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 13 / 16 + 1)
        var bits: UInt32 = 0, count = 0
        var i = text.startIndex
        let ok = digits.withUnsafeBufferPointer { digits -> Bool in
            while i < text.endIndex {
                let low = digits[Int(text[i])]
                guard low != 255 else { return false }
                if i + 1 < text.endIndex {
                    let high = digits[Int(text[i + 1])]
                    let v = UInt32(low) + 93 * UInt32(high)
                    guard high != 255, v < 0x2000 else { return false }
                    bits |= v << UInt32(count)
                    count += 13
                    i += 2
                } else {
                    guard low < 64 else { return false }
                    bits |= UInt32(low) << UInt32(count)
                    count += 6
                    i += 1
                }
                while count >= 8 {
                    out.append(UInt8(truncatingIfNeeded: bits))
                    bits >>= 8
                    count -= 8
                }
            }
            return true
        }
        return ok ? out : nil
    }
}
