import Foundation

/// Collects postings and facet lists over all documents (in id order) and cuts them into
/// shard files.
struct IndexAccumulator {
    /// Postings are split by key hash over partitions that are filled in parallel.
    let partitions: [PostingPartition] = (0..<IndexAccumulator.partitionCount).map { _ in PostingPartition() }
    /// Several partitions per core: a few very frequent grams make partitions unequal, and
    /// with more of them the cores stay busy until the end of each batch.
    static let partitionCount = max(4, min(32, ProcessInfo.processInfo.activeProcessorCount * 8))
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
            parts[p].add(firstDoc: firstDoc, analyses: analyses, partition: p, of: parts.count)
        }
    }

    /// Adds the analyses of `documents` (ids `firstDoc…`) and their facets, and runs `alongside`
    /// (work of the caller that needs no postings) while the partitions are filled.
    mutating func add(firstDoc: Int, analyses: [DocumentAnalysis], documents: ArraySlice<SearchDocument>,
                      alongside: () -> Void) {
        let parts = partitions
        var facets = self.facets
        self.facets = [:]
        // The caller's work goes first, so it does not run alone after the partitions.
        DispatchQueue.concurrentPerform(iterations: parts.count + 1) { n in
            if n > 0 {
                parts[n - 1].add(firstDoc: firstDoc, analyses: analyses, partition: n - 1, of: parts.count)
                return
            }
            for (i, document) in documents.enumerated() {
                Self.addFacets(&facets, doc: firstDoc + i, document: document)
            }
            alongside()
        }
        self.facets = facets
    }

    mutating func addFacets(doc: Int, document: SearchDocument) {
        Self.addFacets(&facets, doc: doc, document: document)
    }

    private static func addFacets(_ facets: inout [String: [String: [Int]]], doc: Int, document: SearchDocument) {
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

    /// Encodes every postings and facet shard and hands it to `emit`. The builders are released
    /// family by family (and each list as soon as its shard is encoded), so the encoded index
    /// never sits in memory next to all of its postings.
    mutating func emitShards(labels: SearchFacetLabels, emit: ShardSink) {

        var unigrams: [(key: UInt32, builder: Int, part: Int)] = []
        var bigrams: [(key: UInt64, builder: Int, part: Int)] = []
        for (p, part) in partitions.enumerated() {
            for (i, key) in part.unigramKeys.enumerated() { unigrams.append((key, i, p)) }
            for (i, key) in part.bigramKeys.enumerated() { bigrams.append((key, i, p)) }
        }
        let parts = partitions

        // Positions first: the entries become the only owners of the position lists, so each
        // list is freed as soon as its shard is written. While a list is still at hand (just
        // transcoded), frequent bigrams get their document-level form for g — much smaller than
        // their positions, so a two-scalar query need not load every position. Readers look in
        // g first, then p.
        var pos = bigrams.map {
            let count = parts[$0.part].positions[$0.builder].vlqCount
            return ShardEntry(key: BigramKey.scalars($0.key),
                              varintChunks: parts[$0.part].positions[$0.builder].bytes.takeChunks(), vlqCount: count)
        }
        bigrams = []
        for part in parts { part.positions = []; part.bigramIndex = GramTable() }
        positionShards = IndexLayout.shardCount(totalBytes: pos.reduce(0) { $0 + $1.count + 8 },
                                                target: IndexLayout.positionTarget)
        var docLevel = [DocPostingBuilder?](repeating: nil, count: pos.count)
        docLevel.withUnsafeMutableBufferPointer { out in
            let o = out
            ShardEntry.emit(&pos, count: positionShards, key: { $0 }, name: IndexLayout.positionShard,
                            emit: emit) { i, entry, level in
                if level.vlqCount * 3 <= entry.count * 2 { o[i] = level }
            }
        }
        var grams: [ShardEntry] = unigrams.map {
            let count = parts[$0.part].unigrams[$0.builder].vlqCount
            return ShardEntry(key: [$0.key], varintChunks: parts[$0.part].unigrams[$0.builder].bytes.takeChunks(),
                              vlqCount: count)
        }
        for part in parts { part.unigrams = [] }
        grams.reserveCapacity(grams.count + docLevel.reduce(0) { $0 + ($1 == nil ? 0 : 1) })
        for (j, level) in docLevel.enumerated() {
            if var level {
                grams.append(ShardEntry(key: pos[j].key, varintChunks: level.bytes.takeChunks(), vlqCount: level.vlqCount))
            }
        }
        docLevel = []
        pos = []
        gramShards = IndexLayout.shardCount(totalBytes: grams.reduce(0) { $0 + $1.count + 8 },
                                            target: IndexLayout.gramTarget)
        ShardEntry.emit(&grams, count: gramShards, key: { $0 }, name: IndexLayout.gramShard, emit: emit)
        grams = []

        var words: [[UInt32]: DocPostingBuilder] = [:]
        for part in partitions { words.merge(part.words) { a, _ in a } }
        for part in partitions { part.words = [:] }
        let sortedWords = words.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var wordList = sortedWords.map { word in
            var list = words.removeValue(forKey: word) ?? DocPostingBuilder()
            return ShardEntry(key: word, varintChunks: list.bytes.takeChunks(), vlqCount: list.vlqCount)
        }
        words = [:]
        wordShards = IndexLayout.shardCount(totalBytes: wordList.reduce(0) { $0 + $1.count + $1.key.count + 6 },
                                            target: IndexLayout.wordTarget)
        ShardEntry.emit(&wordList, count: wordShards, key: { Array(IndexLayout.wordKey($0)) },
                        name: IndexLayout.wordShard, emit: emit)
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
                emit(id, json)
                entries.append((value, docs.count, id))
            }
            facetValues.append((name, entries))
        }
    }

    static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { view.append(u) } }
        return String(view)
    }
}
