/// One query term after normalisation.
struct QueryTerm: Equatable {
    enum Kind: Equatable {
        /// Latin word: whole-word match (`prefix`: also words that start with it).
        case word(prefix: Bool)
        /// Anything else: substring of the normalised text.
        case substring
    }
    let scalars: [UInt32]
    let kind: Kind

    /// Normalises `text`, splits it on whitespace; the last Latin term also matches as prefix.
    static func parse(_ text: String) -> [QueryTerm] {
        var pieces: [[UInt32]] = [[]]
        for s in SearchNormalizer.normalize(text).unicodeScalars {
            if SearchCharacters.isSpace(s.value) {
                if !(pieces.last ?? []).isEmpty { pieces.append([]) }
            } else {
                pieces[pieces.count - 1].append(s.value)
            }
        }
        let terms = pieces.filter { !$0.isEmpty }
        return terms.enumerated().map { i, scalars in
            let latin = scalars.allSatisfy(SearchCharacters.isWord)
            return QueryTerm(scalars: scalars, kind: latin ? .word(prefix: i == terms.count - 1) : .substring)
        }
    }

    /// Offsets of bigrams that cover every scalar of a substring term of 3+ scalars:
    /// 0, 2, 4, … and the last pair (which may overlap the one before).
    static func coveringOffsets(length: Int) -> [Int] {
        var offsets = Array(stride(from: 0, to: length - 1, by: 2))
        if offsets.last != length - 2 { offsets.append(length - 2) }
        return offsets
    }
}

/// Documents matching one term, ascending, with the `Occurrence` of the first match in each.
struct TermMatches {
    var docs: [Int32] = []
    var occurrences: [Int32] = []

    /// Union of several lists, keeping the earliest occurrence per document.
    static func union(_ lists: [TermMatches]) -> TermMatches {
        if lists.count == 1 { return lists[0] }
        var pairs: [(Int32, Int32)] = []
        for list in lists { for i in list.docs.indices { pairs.append((list.docs[i], list.occurrences[i])) } }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var out = TermMatches()
        for (doc, occurrence) in pairs where out.docs.last != doc {
            out.docs.append(doc)
            out.occurrences.append(occurrence)
        }
        return out
    }
}
