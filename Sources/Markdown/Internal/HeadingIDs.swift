import Foundation

/// Heading ids that survive any script: `見立て` stays `見立て`, `ＡＢＣ` becomes `abc`.
enum HeadingSlug {
    /// NFKC, lowercased; letters, marks and digits of any script kept; runs of spaces and `-`
    /// become one `-`; other punctuation and symbols dropped; empty becomes `section`.
    static func make(from text: String) -> String {
        let folded = needsFolding(text) ? text.precomposedStringWithCompatibilityMapping.lowercased() : text
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            switch classify(scalar) {
            case .separator:
                pendingDash = !slug.isEmpty
            case .dropped:
                continue
            case .kept:
                if pendingDash { slug.append("-") }
                pendingDash = false
                slug.append(scalar.isASCII ? Unicode.Scalar(UInt8(scalar.value).asciiLowercased) : scalar)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    private enum ScalarClass { case kept, separator, dropped }

    /// ASCII and the common Japanese blocks are decided without Unicode property lookups, which
    /// are slow enough to show up when a hundred thousand notes are built.
    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .kept
        case 0x20, 0x09...0x0D, 0x2D: return .separator
        case 0..<0x80: return .dropped
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF: return .kept
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .separator }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return .kept
        default:
            return .dropped
        }
    }

    /// Foundation's NFKC bridges through NSString, far too slow to run on every heading; most
    /// headings (kana, kanji, ASCII, lowercased here) are already folded, which the per-scalar
    /// NFKC_Casefold property tells. Combining marks might compose with a neighbour: slow path.
    private static func needsFolding(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0..<0x80, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF: return false
            default: break
            }
            let properties = scalar.properties
            if properties.changesWhenNFKCCaseFolded { return true }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }
}

private extension UInt8 {
    var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
}

/// Makes ids unique within one document: `a`, `a-1`, `a-2`, … in order, never reusing an id that a
/// heading literally named `a-1` already took.
///
/// A note has a handful of headings, so a linear scan with byte comparison beats hashing Strings
/// (which normalises them); a set takes over for documents with very many headings.
struct HeadingIDAllocator {
    private var used: [String] = []
    private var usedSet: Set<String>?
    private var suffixes: [String: Int] = [:]

    mutating func unique(_ base: String) -> String {
        guard isUsed(base) else {
            insert(base)
            return base
        }
        var suffix = suffixes[base, default: 0]
        var candidate: String
        repeat {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        } while isUsed(candidate)
        suffixes[base] = suffix
        insert(candidate)
        return candidate
    }

    private func isUsed(_ id: String) -> Bool {
        if let usedSet { return usedSet.contains(id) }
        return used.contains { $0.utf8.elementsEqual(id.utf8) }
    }

    private mutating func insert(_ id: String) {
        if usedSet != nil {
            usedSet?.insert(id)
        } else if used.count < 32 {
            used.append(id)
        } else {
            usedSet = Set(used + [id])
            used = []
        }
    }
}
