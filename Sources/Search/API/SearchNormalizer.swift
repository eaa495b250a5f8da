import Foundation

/// The one text normalisation shared by the index writer, the Swift reader and search.js.
///
/// Rule (identical in JavaScript, see `densho_search_normalize` in search.js):
/// 1. Unicode NFKC (full-width ASCII → ASCII, half-width katakana → katakana, ㍿ → 株式会社 …).
/// 2. Lowercase **one scalar at a time** with the full Unicode lowercase mapping (İ → i̇, ẞ → ß).
///    No context-sensitive rule: Σ always becomes σ (JavaScript's `toLowerCase` would apply
///    Final_Sigma and produce ς at the end of a word; search.js maps Σ → σ first so both agree).
public enum SearchNormalizer {
    public static func normalize(_ s: String) -> String {
        var values: [UInt32] = []
        for scalar in nfkc(s).unicodeScalars { appendLowercase(scalar.value, to: &values) }
        var out = String.UnicodeScalarView()
        for v in values { if let u = Unicode.Scalar(v) { out.append(u) } }
        return String(out)
    }

    /// NFKC only (case kept): the form stored for snippets.
    static func nfkc(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy(isNFKCStable) { return s }
        return foundationNFKC(s)
    }

    static func foundationNFKC(_ s: String) -> String {
        // Foundation on Linux does not recompose after the compatibility decomposition
        // (ﾊﾟ gives ハ + U+309A instead of パ); NFC afterwards is a no-op for a correct NFKC
        // and repairs the broken one.
        return s.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// Step 2 on scalar values (no String building on the indexing path).
    @inline(__always)
    static func appendLowercase(_ v: UInt32, to out: inout [UInt32]) {
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? v + 32 : v)
            return
        }
        // Kana, CJK and Hangul have no case; skip the Unicode property lookup for them.
        if (v >= 0x3000 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3) {
            out.append(v)
            return
        }
        guard let scalar = Unicode.Scalar(v), scalar.properties.changesWhenLowercased else {
            out.append(v)
            return
        }
        for l in scalar.properties.lowercaseMapping.unicodeScalars { out.append(l.value) }
    }

    /// Scripts that make up almost all of our text and that NFKC leaves untouched — a fast path
    /// that skips Foundation (and its bridging) for plain Japanese and ASCII.
    /// Excluded on purpose: U+3000 (→ space), U+309B/U+309C (→ space + mark), U+309F, U+30FF.
    @inline(__always)
    static func isNFKCStable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x7F, 0x3001...0x3007, 0x3008...0x3011, 0x3041...0x3096,
             0x309D...0x309E, 0x30A1...0x30FE, 0x4E00...0x9FFF:
            return true
        default:
            return false
        }
    }
}

/// Character classes used by tokenisation; search.js has the same tables.
enum SearchCharacters {
    /// Whitespace separates query terms and is never part of an indexed gram.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
             0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Whitespace that ends a line: kept as a line break (not a space) in the stored text.
    @inline(__always)
    static func isLineBreak(_ v: UInt32) -> Bool {
        (v >= 0x0A && v <= 0x0D) || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Latin word characters: ASCII digits and letters, Latin-1 letters, Latin Extended-A/B,
    /// combining diacritics (İ lowercases to i + U+0307) and Latin Extended Additional.
    @inline(__always)
    static func isWord(_ v: UInt32) -> Bool {
        switch v {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F,
             0x300...0x36F, 0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }
}
