import Foundation

/// Collects postings and facet lists over all documents (in id order) and cuts them into
/// shard files.
struct IndexAccumulator {
    /// Postings are split by key over partitions that are filled in parallel: merging is
    /// memory-bound (one dictionary hit per distinct gram per document), so it pays to spread it.
    let partitions: [PostingPartition] = (0..<8).map { _ in PostingPartition() }
    /// facet → value → document ids (ascending)
    var facets: [String: [String: [Int]]] = [:]

    private(set) var gramShards = 1
    private(set) var positionShards = 1
    private(set) var wordShards = 1
    private(set) var wordKeys: [String] = []
    /// facet → sorted values with their shard ids, filled by `shardFiles`.
    private(set) var facetValues: [(facet: String, values: [(value: String, count: Int, shard: String)])] = []

    /// Adds the analyses of documents `firstDoc…` (consecutive ids).
    func add(firstDoc: Int, analyses: [DocumentAnalysis]) {
        let parts = partitions
        DispatchQueue.concurrentPerform(iterations: parts.count) { p in
            for (i, analysis) in analyses.enumerated() {
                parts[p].add(doc: firstDoc + i, analysis: analysis, partition: p, of: parts.count)
            }
        }
    }

    mutating func addFacets(doc: Int, document: SearchDocument) {
        var values = document.facets
        values["type"] = [document.type]
        if values["year"] == nil, let date = document.date, date.count >= 4 {
            values["year"] = [String(date.prefix(4))]
        }
        for (facet, list) in values {
            for value in Set(list) where !value.isEmpty {
                facets[facet, default: [:]][value, default: []].append(doc)
            }
        }
    }

    mutating func shardFiles(labels: SearchFacetLabels) -> [(id: String, json: [UInt8])] {
        var files: [(id: String, json: [UInt8])] = []

        var unigrams: [UInt32: DocPostingBuilder] = [:]
        var positions: [UInt64: PositionPostingBuilder] = [:]
        var words: [[UInt32]: DocPostingBuilder] = [:]
        for part in partitions {
            unigrams.merge(part.unigrams) { a, _ in a }
            positions.merge(part.positions) { a, _ in a }
            words.merge(part.words) { a, _ in a }
        }
        var grams: [(scalars: [UInt32], bytes: [UInt8])] = []
        for key in unigrams.keys.sorted() { grams.append(([key], unigrams[key]?.bytes ?? [])) }
        let bigramKeys = positions.keys.sorted()
        // Frequent bigrams also get document-level postings, much smaller than their positions,
        // so a two-scalar query need not load every position. Readers look in g first, then p.
        for key in bigramKeys {
            guard let list = positions[key], list.bytes.count >= IndexLayout.documentLevelThreshold else { continue }
            let docLevel = list.documentPostings()
            if docLevel.count * 3 <= list.bytes.count * 2 { grams.append((BigramKey.scalars(key), docLevel)) }
        }
        gramShards = IndexLayout.shardCount(totalBytes: grams.reduce(0) { $0 + $1.bytes.count + 8 },
                                            target: IndexLayout.gramTarget)
        files += Self.group(grams, count: gramShards, key: { $0 }, name: IndexLayout.gramShard)

        let pos: [(scalars: [UInt32], bytes: [UInt8])] =
            bigramKeys.map { (BigramKey.scalars($0), positions[$0]?.bytes ?? []) }
        positionShards = IndexLayout.shardCount(totalBytes: pos.reduce(0) { $0 + $1.bytes.count + 8 },
                                                target: IndexLayout.positionTarget)
        files += Self.group(pos, count: positionShards, key: { $0 }, name: IndexLayout.positionShard)

        let sortedWords = words.keys.sorted { $0.lexicographicallyPrecedes($1) }
        let wordList: [(scalars: [UInt32], bytes: [UInt8])] = sortedWords.map { ($0, words[$0]?.bytes ?? []) }
        wordShards = IndexLayout.shardCount(totalBytes: wordList.reduce(0) { $0 + $1.bytes.count + $1.scalars.count + 6 },
                                            target: IndexLayout.wordTarget)
        files += Self.group(wordList, count: wordShards, key: { Array(IndexLayout.wordKey($0)) },
                            name: IndexLayout.wordShard)
        var keys: [[UInt32]] = []
        for w in sortedWords where keys.last != Array(IndexLayout.wordKey(w)) {
            keys.append(Array(IndexLayout.wordKey(w)))
        }
        wordKeys = keys.map(Self.string)

        facetValues = []
        let names = facets.keys.sorted { a, b in
            let ia = IndexLayout.facetOrder.firstIndex(of: a) ?? Int.max
            let ib = IndexLayout.facetOrder.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : DocumentOrder.scalarLess(a, b)
        }
        var facetShard = 0
        for name in names {
            guard let byValue = facets[name] else { continue }
            var entries: [(value: String, count: Int, shard: String)] = []
            for value in byValue.keys.sorted(by: DocumentOrder.scalarLess) {
                let docs = byValue[value] ?? []
                let id = IndexLayout.facetShard(facetShard)
                facetShard += 1
                var bytes: [UInt8] = []
                var last = -1
                for d in docs {
                    VLQ.append(d - last - 1, to: &bytes)
                    last = d
                }
                var json: [UInt8] = []
                JSONWriter.appendASCIIString(bytes, to: &json)
                files.append((id, json))
                entries.append((value, docs.count, id))
            }
            facetValues.append((name, entries))
        }
        return files
    }

    /// Puts every entry into shard `hash(key) % count`; entries keep their sorted order.
    private static func group(_ entries: [(scalars: [UInt32], bytes: [UInt8])], count: Int,
                              key: ([UInt32]) -> [UInt32], name: (Int) -> String) -> [(id: String, json: [UInt8])] {
        var buckets = [[(key: String, value: [UInt8])]](repeating: [], count: count)
        for entry in entries {
            let shard = ShardHash.shard(of: key(entry.scalars), count: count)
            buckets[shard].append((string(entry.scalars), entry.bytes))
        }
        return buckets.enumerated().map { (name($0.offset), JSONWriter.flatPairs($0.element)) }
    }

    static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { view.append(u) } }
        return String(view)
    }
}

/// The postings whose key falls in one partition; only one thread touches it at a time.
final class PostingPartition {
    var unigrams: [UInt32: DocPostingBuilder] = [:]
    var positions: [UInt64: PositionPostingBuilder] = [:]
    var words: [[UInt32]: DocPostingBuilder] = [:]

    func add(doc: Int, analysis: DocumentAnalysis, partition p: Int, of count: Int) {
        let n = UInt64(count)
        for (c, info) in analysis.unigrams where Int(UInt64(c) % n) == p {
            unigrams[c, default: DocPostingBuilder()].add(doc: doc, info: info)
        }
        let pairs = analysis.bigrams
        var start = 0
        while start < pairs.count {
            let key = pairs[start].key
            var end = start + 1
            while end < pairs.count && pairs[end].key == key { end += 1 }
            if Int(key % n) == p {
                positions[key, default: PositionPostingBuilder()].add(doc: doc, values: analysis.bigramValues[start..<end])
            }
            start = end
        }
        for (word, info) in analysis.words where Int(UInt64(word.last ?? 0) % n) == p {
            words[word, default: DocPostingBuilder()].add(doc: doc, info: info)
        }
    }
}
