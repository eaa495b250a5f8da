/// Where a `~~` in a text node opens or closes `<del>`.
struct StrikeMark: Equatable {
    /// Byte offset of the `~~` in its text (node literal or text run).
    var offset: Int
    var opens: Bool
}

/// GitHub's `~~strikethrough~~`, which cmark leaves as text. A `~~` (exactly two tildes, both in one
/// text node: an escaped `\~` is a node of its own) may open when left-flanking and close when
/// right-flanking, as emphasis delimiters do; a closer takes the nearest opener with the same
/// parent inline, so `<del>` always nests properly. Unpaired ones stay text.
enum Strikethrough {
    /// What surrounds a text node where its literal ends: the block's edge or a line break reads as
    /// whitespace, an inline (emphasis, code, link) as punctuation (its `*`, `` ` `` or `]`).
    enum Edge { case space, punctuation }

    struct Candidate {
        var node: Int
        var offset: Int
        var canOpen: Bool
        var canClose: Bool
        var parent: Int
    }

    static func mayContain(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "~"), previous == byte { return true }
            previous = byte
        }
        return false
    }

    /// The `~~` runs of one text node's literal, with their flanking.
    static func candidates(in literal: Bytes, node: Int, parent: Int, before: Edge, after: Edge) -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        while index < literal.count {
            guard literal[index] == UInt8(ascii: "~") else { index += 1; continue }
            var end = index
            while end < literal.count, literal[end] == UInt8(ascii: "~") { end += 1 }
            if end - index == 2 {
                let previous = index == 0 ? kind(of: before) : kind(of: scalar(endingAt: index, in: literal))
                let next = end == literal.count ? kind(of: after) : kind(of: scalar(startingAt: end, in: literal))
                let leftFlanking = next != .space && (next != .punctuation || previous != .other)
                let rightFlanking = previous != .space && (previous != .punctuation || next != .other)
                if leftFlanking || rightFlanking {
                    found.append(Candidate(node: node, offset: index, canOpen: leftFlanking,
                                           canClose: rightFlanking, parent: parent))
                }
            }
            index = end
        }
        return found
    }

    /// Pairs candidates given in document order; returns the marks per node index.
    /// One stack of openers per parent: a closer looks only at its own parent's, so no input can
    /// make the pairing quadratic (thousands of openers in a paragraph, closers inside emphasis).
    static func pair(_ candidates: [Candidate]) -> [Int: [StrikeMark]] {
        var openers: [Int: [Int]] = [:]
        var marks: [Int: [StrikeMark]] = [:]
        for (index, candidate) in candidates.enumerated() {
            if candidate.canClose, let match = openers[candidate.parent]?.popLast() {
                let opener = candidates[match]
                marks[opener.node, default: []].append(StrikeMark(offset: opener.offset, opens: true))
                marks[candidate.node, default: []].append(StrikeMark(offset: candidate.offset, opens: false))
            } else if candidate.canOpen {
                openers[candidate.parent, default: []].append(index)
            }
        }
        for node in marks.keys { marks[node]?.sort { $0.offset < $1.offset } }
        return marks
    }

    // MARK: Character classes

    private enum Kind { case space, punctuation, other }

    private static func kind(of edge: Edge) -> Kind { edge == .space ? .space : .punctuation }

    private static func kind(of scalar: Unicode.Scalar?) -> Kind {
        guard let scalar else { return .space }
        if scalar.properties.isWhitespace { return .space }
        if scalar.isASCII { return scalar.properties.generalCategory.isPunctuationOrSymbol ? .punctuation : .other }
        return scalar.properties.generalCategory.isPunctuation ? .punctuation : .other
    }

    private static func scalar(startingAt index: Int, in bytes: Bytes) -> Unicode.Scalar? {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private static func scalar(endingAt index: Int, in bytes: Bytes) -> Unicode.Scalar? {
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: Bytes(rebasing: bytes[..<index]))
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// CommonMark counts all ASCII punctuation characters, symbols like `$` and `+` included.
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return isPunctuation
        }
    }
}
