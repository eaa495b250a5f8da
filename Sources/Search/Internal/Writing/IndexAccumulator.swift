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
    private(set) var wordShards = 1
    private(set) var wordKeys: [String] = []
    /// The sizes (`ShardEntry.count` summed) that fix `gramShards` and `wordShards`.
    private(set) var gramBytes = 0
    /// `IndexLayout.trigramMinimum` and the bigrams that reach it (`BigramKey`).
    private(set) var trigramMinimum = 2
    private(set) var frequentBigrams = Set<UInt64>()
    private(set) var wordBytes = 0
    /// facet → sorted values with their shard ids, filled by `shardFiles`.
    private(set) var facetValues: FacetList = []

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
        for (facet, values) in facetValues(of: document) {
            for value in values { facets[facet, default: [:]][value, default: []].append(doc) }
        }
    }

    /// The facet values a document is listed under: its facets, its type, and its year from
    /// `date` when it gives none.
    static func facetValues(of document: SearchDocument) -> [String: Set<String>] {
        var values = document.facets
        values["type"] = [document.type]
        if values["year"] == nil, let date = document.date, date.count >= 4 {
            values["year"] = [String(date.prefix(4))]
        }
        var out: [String: Set<String>] = [:]
        for (facet, list) in values {
            let kept = Set(list.filter { !$0.isEmpty })
            if !kept.isEmpty { out[facet] = kept }
        }
        return out
    }

    /// Encodes every postings and facet shard and hands it to `emit`. The builders are released
    /// family by family (and each list as soon as its shard is encoded), so the encoded index
    /// never sits in memory next to all of its postings.
    mutating func emitShards(documents: Int, labels: SearchFacetLabels, emit: ShardSink) {
        var grams: [ShardEntry] = []
        grams.reserveCapacity(partitions.reduce(0) { $0 + $1.unigramKeys.count + $1.bigramKeys.count })
        trigramMinimum = IndexLayout.trigramMinimum(documents: documents)
        var frequent = Set<UInt64>()
        for part in partitions {
            for (i, key) in part.unigramKeys.enumerated() {
                grams.append(ShardEntry(key: [key], builder: &part.unigrams[i], positions: false))
            }
            for (i, key) in part.bigramKeys.enumerated() {
                if part.bigrams[i].documents >= trigramMinimum { frequent.insert(key) }
                grams.append(ShardEntry(key: BigramKey.scalars(key), builder: &part.bigrams[i], positions: true))
            }
            part.unigrams = []
            part.bigrams = []
            part.unigramIndex = GramTable()
            part.bigramIndex = GramTable()
        }
        // Trigram lists only where both bigrams are frequent; the others are dropped.
        for part in partitions {
            for (i, key) in part.trigramKeys.enumerated() {
                let (ab, bc) = TrigramKey.bigrams(key)
                guard frequent.contains(ab), frequent.contains(bc) else { continue }
                grams.append(ShardEntry(key: TrigramKey.scalars(key), builder: &part.trigrams[i], positions: false))
            }
            part.trigrams = []
            part.trigramKeys = []
            part.trigramIndex = GramTable()
        }
        frequentBigrams = frequent
        gramBytes = grams.reduce(0) { $0 + $1.count }
        gramShards = IndexLayout.shardCount(totalBytes: gramBytes, target: IndexLayout.gramTarget)
        ShardEntry.emit(&grams, count: gramShards, key: { $0 }, name: IndexLayout.gramShard, emit: emit)
        grams = []

        var words: [[UInt32]: DocPostingBuilder] = [:]
        for part in partitions { words.merge(part.words) { a, _ in a } }
        for part in partitions { part.words = [:] }
        let sortedWords = words.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var wordList = sortedWords.map { word in
            var list = words.removeValue(forKey: word) ?? DocPostingBuilder()
            return ShardEntry(key: word, builder: &list, positions: false)
        }
        words = [:]
        wordBytes = wordList.reduce(0) { $0 + $1.count }
        wordShards = IndexLayout.shardCount(totalBytes: wordBytes, target: IndexLayout.wordTarget)
        ShardEntry.emit(&wordList, count: wordShards, key: { Array(IndexLayout.wordKey($0)) },
                        name: IndexLayout.wordShard, emit: emit)
        var keys: [[UInt32]] = []
        for w in sortedWords where keys.last != Array(IndexLayout.wordKey(w)) {
            keys.append(Array(IndexLayout.wordKey(w)))
        }
        wordKeys = keys.map(Self.string)

        let (values, files) = Self.facetFiles(facets)
        facetValues = values
        for file in files { emit(file.id, file.payload) }
    }

    /// The facet names in order, each value with its count and list file, and those files (a
    /// session patching facets makes them here too). The i-th facet's values are numbered within
    /// it (`f-<i>-<j>`), so a value that comes or goes renumbers the lists of its own facet only.
    static func facetFiles(_ facets: [String: [String: [Int]]]) -> (values: FacetList, files: [(id: String, payload: [UInt8])]) {
        var facetValues: FacetList = []
        var files: [(id: String, payload: [UInt8])] = []
        let names = facets.keys.sorted { a, b in
            let ia = IndexLayout.facetOrder.firstIndex(of: a) ?? Int.max
            let ib = IndexLayout.facetOrder.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : DocumentOrder.scalarLess(a, b)
        }
        for name in names {
            guard let byValue = facets[name] else { continue }
            var entries: [(value: String, count: Int, shard: String)] = []
            for value in byValue.keys.sorted(by: DocumentOrder.scalarLess) {
                let docs = byValue[value] ?? []
                let id = IndexLayout.facetList(facetValues.count, entries.count)
                var bytes: [UInt8] = []
                var last = -1
                for d in docs {
                    Varint.append(d - last - 1, to: &bytes)
                    last = d
                }
                files.append((id, bytes))
                entries.append((value, docs.count, id))
            }
            facetValues.append((name, entries))
        }
        return (facetValues, files)
    }

    static func string(_ scalars: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { view.append(u) } }
        return String(view)
    }
}
