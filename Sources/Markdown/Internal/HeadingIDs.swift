import Foundation

/// Heading ids that survive any script: `見立て` stays `見立て`, `ＡＢＣ` becomes `abc`.
enum HeadingSlug {
    /// NFKC, lowercased; letters, marks and digits of any script kept; runs of spaces and `-`
    /// become one `-`; other punctuation and symbols dropped; empty becomes `section`.
    static func make(from text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "-" {
                pendingDash = !slug.isEmpty
                continue
            }
            guard keeps(scalar) else { continue }
            if pendingDash { slug.append("-") }
            pendingDash = false
            slug.append(scalar)
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

/// Makes ids unique within one document: `a`, `a-1`, `a-2`, … in order, never reusing an id that a
/// heading literally named `a-1` already took.
struct HeadingIDAllocator {
    private var used: Set<String> = []
    private var suffixes: [String: Int] = [:]

    mutating func unique(_ base: String) -> String {
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        var suffix = suffixes[base, default: 0]
        var candidate: String
        repeat {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        } while used.contains(candidate)
        suffixes[base] = suffix
        used.insert(candidate)
        return candidate
    }
}
