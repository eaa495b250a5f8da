import Foundation
import Mustache

/// A fast 64-bit fingerprint of bytes and template data, to tell whether a page's inputs changed
/// since the previous build of the same session. Not cryptographic, and not Swift's `Hasher`
/// (seeded per process, and it hashes Strings by their normalized form, which is slow for Japanese).
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    mutating func add(_ number: Int) { mix(UInt64(bitPattern: Int64(number))) }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count { tail = tail << 8 | UInt64(bytes[offset]); offset += 1 }
        mix(tail)
        mix(UInt64(bytes.count))   // "ab"+"c" and "a"+"bc" differ
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    /// Template data, whatever the order of object members (dictionary order is not stable).
    mutating func add(_ value: MustacheValue) {
        switch value {
        case .null: mix(1)
        case .bool(let flag): mix(flag ? 2 : 3)
        case .int(let number): mix(4); add(number)
        case .double(let number): mix(5); mix(number.bitPattern)
        case .string(let text): mix(6); add(text)
        case .array(let items):
            mix(7); add(items.count)
            for item in items { add(item) }
        case .object(let members):
            var sum: UInt64 = 0
            for (key, member) in members {
                var entry = Fingerprint()
                entry.add(key)
                entry.add(member)
                sum &+= entry.value
            }
            mix(8); add(members.count); mix(sum)
        }
    }

    static func of(template: String, _ context: MustacheValue) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(template)
        fingerprint.add(context)
        return fingerprint.value
    }
}
