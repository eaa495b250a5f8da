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

/// Documents matching one term, ascending, with the `OccurrenceInfo` of the first occurrence.
struct TermMatches {
    var docs: [Int32] = []
    var infos: [Int32] = []

    /// Decodes `gap, info` pairs.
    init(postings: String) {
        guard let values = VLQ.decode(postings) else { return }
        var doc = -1
        var i = 0
        docs.reserveCapacity(values.count / 2)
        infos.reserveCapacity(values.count / 2)
        while i + 1 < values.count {
            doc += values[i] + 1
            docs.append(Int32(doc))
            infos.append(Int32(values[i + 1]))
            i += 2
        }
    }

    init() {}

    init(docs: [Int32], infos: [Int32]) {
        self.docs = docs
        self.infos = infos
    }

    /// Union of several lists, keeping the smallest (earliest) info per document.
    static func union(_ lists: [TermMatches]) -> TermMatches {
        if lists.count == 1 { return lists[0] }
        var pairs: [(Int32, Int32)] = []
        for list in lists { for i in list.docs.indices { pairs.append((list.docs[i], list.infos[i])) } }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var out = TermMatches()
        for (doc, info) in pairs where out.docs.last != doc {
            out.docs.append(doc)
            out.infos.append(info)
        }
        return out
    }
}

/// Positional postings of one bigram: documents ascending, and per document its values
/// (position × 3 + field class) ascending.
struct PositionList {
    var docs: [Int32] = []
    var starts: [Int32] = []
    var values: [Int32] = []

    init(postings: String) {
        guard let numbers = VLQ.decode(postings) else { return }
        var i = 0
        var doc = -1
        while i < numbers.count {
            let head = numbers[i]
            doc += head >> 1 + 1
            i += 1
            var count = 1
            if head & 1 == 1 {
                guard i < numbers.count else { break }
                count = numbers[i] + 2
                i += 1
            }
            guard i + count <= numbers.count else { break }
            docs.append(Int32(doc))
            starts.append(Int32(values.count))
            var v = -1
            for k in 0..<count {
                v += numbers[i + k] + 1
                values.append(Int32(v))
            }
            i += count
        }
        starts.append(Int32(values.count))
    }

    /// Document-level matches: each document with the info of its first occurrence.
    var documentMatches: TermMatches {
        var out = TermMatches()
        for (i, doc) in docs.enumerated() {
            let first = Int(values[Int(starts[i])])
            out.docs.append(doc)
            out.infos.append(Int32(OccurrenceInfo.make(position: first / 3, fieldClass: first % 3)))
        }
        return out
    }

    func values(at index: Int) -> ArraySlice<Int32> { values[Int(starts[index])..<Int(starts[index + 1])] }
}
