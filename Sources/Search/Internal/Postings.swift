/// Document-level postings, VLQ-encoded as they are built (documents arrive in id order):
/// per document `gap, info` where gap = id − previous id − 1 and info = `OccurrenceInfo` of
/// the first occurrence.
struct DocPostingBuilder {
    var bytes: [UInt8] = []
    var lastDoc = -1

    @inline(__always)
    mutating func add(doc: Int, info: Int) {
        VLQ.append(doc - lastDoc - 1, to: &bytes)
        VLQ.append(info, to: &bytes)
        lastDoc = doc
    }
}

/// Positional postings of one bigram: per document `head, [count − 2], v0, d1, d2…` where
/// head = gap × 2 + (1 when the bigram occurs more than once), v = position × 3 + field class,
/// v0 is the first value and dᵢ = vᵢ − vᵢ₋₁ − 1. (Most pairs occur once in a document, so the
/// count usually costs nothing.)
struct PositionPostingBuilder {
    var bytes: [UInt8] = []
    var lastDoc = -1
    var documents = 0

    mutating func add(doc: Int, values: ArraySlice<Int32>) {
        let gap = doc - lastDoc - 1
        VLQ.append(gap * 2 + (values.count > 1 ? 1 : 0), to: &bytes)
        if values.count > 1 { VLQ.append(values.count - 2, to: &bytes) }
        var previous = -1
        for v in values {
            VLQ.append(Int(v) - previous - 1, to: &bytes)
            previous = Int(v)
        }
        lastDoc = doc
        documents += 1
    }

    /// The document-level form (`gap, info` pairs) of the same list.
    func documentPostings() -> [UInt8] {
        var out = DocPostingBuilder()
        let list = PositionList(postings: String(decoding: bytes, as: UTF8.self))
        for (i, doc) in list.docs.enumerated() {
            let first = Int(list.values[Int(list.starts[i])])
            out.add(doc: Int(doc), info: OccurrenceInfo.make(position: first / 3, fieldClass: first % 3))
        }
        return out.bytes
    }
}

/// What one document contributes to the index; computed in parallel, merged in id order.
struct DocumentAnalysis {
    /// unigram scalar → info of its first occurrence
    var unigrams: [UInt32: Int] = [:]
    /// (bigram key, position × 3 + field class), sorted by key then value — a flat list, since
    /// a dictionary of arrays would allocate once per distinct bigram.
    var bigrams: [(key: UInt64, value: Int32)] = []
    /// The values of `bigrams`, for slicing.
    var bigramValues: [Int32] = []
    /// Latin word (scalar values; Strings would merge canonically equivalent words) → info of
    /// its first occurrence
    var words: [[UInt32]: Int] = [:]

    init(_ text: DocumentText) {
        let s = text.scalars
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if SearchCharacters.isSpace(c) { i += 1; continue }
            let fc = Int(text.classes[i])
            if unigrams[c] == nil { unigrams[c] = OccurrenceInfo.make(position: i, fieldClass: fc) }
            if i + 1 < n, !SearchCharacters.isSpace(s[i + 1]) {
                bigrams.append((BigramKey.make(c, s[i + 1]), Int32(i * 3 + fc)))
            }
            i += 1
        }
        bigrams.sort { $0.key != $1.key ? $0.key < $1.key : $0.value < $1.value }
        bigramValues = bigrams.map(\.value)
        i = 0
        while i < n {
            guard SearchCharacters.isWord(s[i]) else { i += 1; continue }
            let start = i
            while i < n, SearchCharacters.isWord(s[i]) { i += 1 }
            let key = Array(s[start..<i])
            if words[key] == nil {
                words[key] = OccurrenceInfo.make(position: start, fieldClass: Int(text.classes[start]))
            }
        }
    }
}

enum BigramKey {
    @inline(__always)
    static func make(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    static func scalars(_ key: UInt64) -> [UInt32] {
        [UInt32(key >> 21), UInt32(key & 0x1F_FFFF)]
    }
}
