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

/// Positional postings of one bigram: per document `gap, count, v0, d1, d2…` where
/// v = position × 3 + field class, v0 is the first value and dᵢ = vᵢ − vᵢ₋₁ − 1.
struct PositionPostingBuilder {
    var bytes: [UInt8] = []
    var lastDoc = -1

    mutating func add(doc: Int, values: [Int32]) {
        VLQ.append(doc - lastDoc - 1, to: &bytes)
        VLQ.append(values.count, to: &bytes)
        var previous = -1
        for v in values {
            VLQ.append(Int(v) - previous - 1, to: &bytes)
            previous = Int(v)
        }
        lastDoc = doc
    }
}

/// What one document contributes to the index; computed in parallel, merged in id order.
struct DocumentAnalysis {
    /// unigram scalar → info of its first occurrence
    var unigrams: [UInt32: Int] = [:]
    /// bigram key → positional values (position × 3 + field class), ascending
    var bigrams: [UInt64: [Int32]] = [:]
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
                bigrams[BigramKey.make(c, s[i + 1]), default: []].append(Int32(i * 3 + fc))
            }
            i += 1
        }
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
