@testable import Search

/// The search semantics written the obvious way, to check the index against.
struct BruteForce {
    struct Doc {
        let scalars: [UInt32]
        let words: [[UInt32]]
    }
    let docs: [Doc]
    let ids: [Int]                    // input index → document id
    /// scalar → (input index, position) of every occurrence, to keep substring checks fast.
    let occurrences: [UInt32: [(Int, Int)]]

    init(_ documents: [SearchDocument]) {
        var ids = [Int](repeating: 0, count: documents.count)
        for (id, index) in DocumentOrder.order(documents).enumerated() { ids[index] = id }
        self.ids = ids
        var docs: [Doc] = []
        var occurrences: [UInt32: [(Int, Int)]] = [:]
        for (d, doc) in documents.enumerated() {
            let fields = [doc.title] + doc.headings + [doc.body, doc.meta]
            let scalars = Array(fields.map(SearchNormalizer.normalize).joined(separator: "\n").unicodeScalars.map(\.value))
            var words: [[UInt32]] = []
            var current: [UInt32] = []
            for v in scalars + [0x20] {
                if SearchCharacters.isWord(v) { current.append(v) } else if !current.isEmpty { words.append(current); current = [] }
            }
            for (p, v) in scalars.enumerated() { occurrences[v, default: []].append((d, p)) }
            docs.append(Doc(scalars: scalars, words: words))
        }
        self.docs = docs
        self.occurrences = occurrences
    }

    /// Ids of matching documents for `text` (no filters).
    func matches(_ text: String) -> Set<Int> {
        let normal = SearchNormalizer.normalize(text)
        let terms = normal.unicodeScalars.split(whereSeparator: { SearchCharacters.isSpace($0.value) })
            .map { Array($0.map(\.value)) }
        var result = Set(docs.indices)
        for (i, term) in terms.enumerated() {
            var hit = Set<Int>()
            if term.allSatisfy(SearchCharacters.isWord) {
                let prefix = i == terms.count - 1
                for (d, doc) in docs.enumerated() where result.contains(d) {
                    if doc.words.contains(where: { prefix ? $0.starts(with: term) : $0 == term }) { hit.insert(d) }
                }
            } else {
                for (d, p) in occurrences[term[0]] ?? [] where result.contains(d) && !hit.contains(d) {
                    let s = docs[d].scalars
                    if p + term.count <= s.count && s[p..<(p + term.count)].elementsEqual(term) { hit.insert(d) }
                }
            }
            result = hit
        }
        return Set(result.map { ids[$0] })
    }
}
