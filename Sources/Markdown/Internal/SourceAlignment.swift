/// Matching a text literal against the source it was parsed from, undoing what cmark's inline parser
/// does to text: backslash escapes and entity references.
extension SourceLocator {
    /// Aligns `literal` with the source starting at `start`, recording each byte's source offset.
    /// Returns the source offset just after the literal, or nil if they do not match.
    func align(_ literal: Bytes, at start: Int, lineEnd: Int, base: Int, into location: inout RunLocation) -> Int? {
        var sourceIndex = start
        var literalIndex = 0
        while literalIndex < literal.count {
            guard sourceIndex < lineEnd, sourceIndex >= 0 else { return nil }
            let byte = source[sourceIndex]
            let wanted = literal[literalIndex]
            if byte == UInt8(ascii: "\\"), sourceIndex + 1 < lineEnd,
               Self.isASCIIPunctuation(source[sourceIndex + 1]), source[sourceIndex + 1] == wanted {
                location.record(base + literalIndex, source: sourceIndex, written: false)
                sourceIndex += 2
                literalIndex += 1
                continue
            }
            if byte == UInt8(ascii: "&"), let length = entityLength(at: sourceIndex, lineEnd: lineEnd),
               !literal.dropFirst(literalIndex).starts(with: source[sourceIndex..<sourceIndex + length]) {
                // A decoded entity: one scalar in the literal, two for the few that decode to a pair.
                var decoded = Self.scalarLength(wanted)
                if literalIndex + decoded < literal.count,
                   let second = Self.pairedSecondScalar(Bytes(rebasing: literal[(literalIndex + decoded)...])),
                   !source[(sourceIndex + length)..<lineEnd].starts(with: second) {
                    decoded += second.count
                }
                for offset in 0..<min(decoded, literal.count - literalIndex) {
                    location.record(base + literalIndex + offset, source: sourceIndex, written: false)
                }
                literalIndex += decoded
                sourceIndex += length
                continue
            }
            if byte == UInt8(ascii: "\t"), wanted == UInt8(ascii: " ") {
                // cmark turns the rest of a partly consumed indentation tab into spaces.
                var literalSpaces = 0
                while literalIndex + literalSpaces < literal.count,
                      literal[literalIndex + literalSpaces] == UInt8(ascii: " ") { literalSpaces += 1 }
                var sourceSpaces = 0
                while sourceIndex + 1 + sourceSpaces < lineEnd,
                      source[sourceIndex + 1 + sourceSpaces] == UInt8(ascii: " ") { sourceSpaces += 1 }
                let forTab = literalSpaces - sourceSpaces
                guard forTab >= 1, forTab <= 4 else { return nil }
                for offset in 0..<forTab {
                    location.record(base + literalIndex + offset, source: sourceIndex, written: false)
                }
                literalIndex += forTab
                sourceIndex += 1
                continue
            }
            guard byte == wanted else { return nil }
            location.record(base + literalIndex, source: sourceIndex, written: true)
            sourceIndex += 1
            literalIndex += 1
        }
        return sourceIndex
    }

    /// Length of `&name;`, `&#123;` or `&#x1F;` at `index`, as CommonMark recognises them.
    private func entityLength(at index: Int, lineEnd: Int) -> Int? {
        var cursor = index + 1
        func count(_ limit: Int, _ accept: (UInt8) -> Bool) -> Int {
            var taken = 0
            while cursor < lineEnd, taken < limit, accept(source[cursor]) { cursor += 1; taken += 1 }
            return taken
        }
        guard cursor < lineEnd else { return nil }
        if source[cursor] == UInt8(ascii: "#") {
            cursor += 1
            if cursor < lineEnd, source[cursor] | 0x20 == UInt8(ascii: "x") {
                cursor += 1
                guard count(6, { $0.isHexDigit }) > 0 else { return nil }
            } else {
                guard count(7, { $0.isDecimalDigit }) > 0 else { return nil }
            }
        } else {
            guard source[cursor].isASCIILetter else { return nil }
            guard count(32, { $0.isASCIILetter || $0.isDecimalDigit }) >= 2 else { return nil }
        }
        guard cursor < lineEnd, source[cursor] == UInt8(ascii: ";") else { return nil }
        return cursor + 1 - index
    }

    /// The second code points of the HTML entities that decode to two (`&NotEqualTilde;` is
    /// U+2242 U+0338, `&fjlig;` is "fj"…), when `bytes` starts with one of them.
    private static func pairedSecondScalar(_ bytes: Bytes) -> [UInt8]? {
        pairedSecondScalars.first { bytes.starts(with: $0) }
    }

    private static let pairedSecondScalars: [[UInt8]] = ["\u{0338}", "\u{20D2}", "\u{20E5}", "\u{FE00}", "\u{0333}",
                                                         "\u{200A}", "j"].map { Array($0.utf8) }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...: return 4
        default: return 1
        }
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}

extension UInt8 {
    var isDecimalDigit: Bool { (0x30...0x39).contains(self) }
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isHexDigit: Bool { isDecimalDigit || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}
