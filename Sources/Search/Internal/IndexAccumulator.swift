import Foundation

/// Collects postings and facet lists over all documents (in id order) and cuts them into
/// shard files.
struct IndexAccumulator {
    /// Postings are split by key hash over partitions that are filled in parallel.
    let partitions: [PostingPartition] = (0..<IndexAccumulator.partitionCount).map { _ in PostingPartition() }
    static let partitionCount = max(2, min(16, ProcessInfo.processInfo.activeProcessorCount * 2))
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

        // Frequent bigrams also get document-level postings, much smaller than their positions,
        // so a two-scalar query need not load every position. Readers look in g first, then p.
        var docLevel = [[UInt8]?](repeating: nil, count: bigrams.count)
        docLevel.withUnsafeMutableBufferPointer { out in
            let o = out
            DispatchQueue.concurrentPerform(iterations: bigrams.count / 4096 + 1) { chunk in
                for j in (chunk * 4096)..<min(bigrams.count, chunk * 4096 + 4096) {
                    let list = parts[bigrams[j].part].positions[bigrams[j].builder]
                    guard list.bytes.count >= IndexLayout.documentLevelThreshold else { continue }
                    let level = list.documentPostings()
                    if level.count * 3 <= list.bytes.count * 2 { o[j] = level }
                }
            }
        }

        var grams: [ShardEntry] = unigrams.map {
            ShardEntry(key: [$0.key], chunks: parts[$0.part].unigrams[$0.builder].bytes.chunks)
        }
        for part in parts { part.unigrams = [] }
        grams.reserveCapacity(grams.count + docLevel.reduce(0) { $0 + ($1 == nil ? 0 : 1) })
        for (j, level) in docLevel.enumerated() {
            if let level { grams.append(ShardEntry(key: BigramKey.scalars(bigrams[j].key), bytes: level)) }
        }
        docLevel = []
        gramShards = IndexLayout.shardCount(totalBytes: grams.reduce(0) { $0 + $1.count + 8 },
                                            target: IndexLayout.gramTarget)
        ShardEntry.emit(&grams, count: gramShards, key: { $0 }, name: IndexLayout.gramShard, emit: emit)
        grams = []

        // The entries become the only owners of the position lists, so each list is freed as
        // soon as its shard is written.
        var pos = bigrams.map {
            ShardEntry(key: BigramKey.scalars($0.key), chunks: parts[$0.part].positions[$0.builder].bytes.chunks)
        }
        bigrams = []
        for part in parts { part.positions = []; part.bigramIndex = GramTable() }
        positionShards = IndexLayout.shardCount(totalBytes: pos.reduce(0) { $0 + $1.count + 8 },
                                                target: IndexLayout.positionTarget)
        ShardEntry.emit(&pos, count: positionShards, key: { $0 }, name: IndexLayout.positionShard, emit: emit)
        pos = []

        var words: [[UInt32]: [[UInt8]]] = [:]
        for part in partitions { words.merge(part.words.mapValues(\.bytes.chunks)) { a, _ in a } }
        for part in partitions { part.words = [:] }
        let sortedWords = words.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var wordList = sortedWords.map { ShardEntry(key: $0, chunks: words[$0] ?? []) }
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

/// A key (scalar values) and its encoded postings, on the way into a shard file.
struct ShardEntry {
    let key: [UInt32]
    /// The encoded postings, possibly in several chunks (position lists).
    var chunks: [[UInt8]]
    let count: Int

    init(key: [UInt32], bytes: [UInt8]) {
        self.key = key
        chunks = [bytes]
        count = bytes.count
    }

    init(key: [UInt32], chunks: [[UInt8]]) {
        self.key = key
        self.chunks = chunks
        count = chunks.reduce(0) { $0 + $1.count }
    }

    /// Puts every entry into shard `hash(key) % count` (entries keep their order), encodes the
    /// shards in parallel and emits each one at once; an entry's bytes are released when its
    /// shard is encoded.
    static func emit(_ entries: inout [ShardEntry], count: Int, key: ([UInt32]) -> [UInt32],
                     name: (Int) -> String, emit: ShardSink) {
        var buckets = [[Int]](repeating: [], count: count)
        for (i, entry) in entries.enumerated() {
            buckets[ShardHash.shard(of: key(entry.key), count: count)].append(i)
        }
        // Within a file: shorter keys first, then by scalar values — the same file for the same
        // documents whatever order the partitions produced the keys in.
        buckets.withUnsafeMutableBufferPointer { b in
            let all = b
            entries.withUnsafeMutableBufferPointer { e in
                let entries = e
                DispatchQueue.concurrentPerform(iterations: count) { shard in
                    all[shard].sort { x, y in
                        let a = entries[x].key, c = entries[y].key
                        return a.count != c.count ? a.count < c.count : a.lexicographicallyPrecedes(c)
                    }
                    var json: [UInt8] = [UInt8(ascii: "[")]
                    json.reserveCapacity(all[shard].reduce(2) { $0 + entries[$1].count + 12 })
                    for (n, i) in all[shard].enumerated() {
                        if n > 0 { json.append(UInt8(ascii: ",")) }
                        json.append(UInt8(ascii: "\""))
                        for v in entries[i].key { JSONWriter.appendEscaped(v, to: &json) }
                        json.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\"")])
                        for chunk in entries[i].chunks { json.append(contentsOf: chunk) }
                        json.append(UInt8(ascii: "\""))
                        entries[i].chunks = []
                    }
                    json.append(UInt8(ascii: "]"))
                    emit(name(shard), json)
                }
            }
        }
    }
}

/// The postings whose key falls in one partition; only one thread touches it at a time.
final class PostingPartition {
    var unigramIndex = GramTable()
    var unigramKeys: [UInt32] = []
    var unigrams: [DocPostingBuilder] = []
    var bigramIndex = GramTable()
    var bigramKeys: [UInt64] = []
    var positions: [PositionPostingBuilder] = []
    var words: [[UInt32]: DocPostingBuilder] = [:]

    func add(doc: Int, analysis: DocumentAnalysis, partition p: Int, of count: Int) {
        for u in analysis.unigramStarts[p]..<analysis.unigramStarts[p + 1] {
            let packed = analysis.unigrams[u]
            let scalar = UInt32(packed >> 32)
            let (index, inserted) = unigramIndex.index(of: UInt64(scalar), orInsert: Int32(unigrams.count))
            if inserted {
                unigramKeys.append(scalar)
                unigrams.append(DocPostingBuilder())
            }
            unigrams[Int(index)].add(doc: doc, info: Int(packed & 0xFFFF_FFFF))
        }
        for b in analysis.bigramPartitionStarts[p]..<analysis.bigramPartitionStarts[p + 1] {
            let key = analysis.bigramKeys[b]
            let (index, inserted) = bigramIndex.index(of: key, orInsert: Int32(positions.count))
            if inserted {
                bigramKeys.append(key)
                positions.append(PositionPostingBuilder())
            }
            let from = Int(analysis.bigramStarts[b]), to = Int(analysis.bigramStarts[b + 1])
            positions[Int(index)].add(doc: doc, values: analysis.bigramValues[from..<to])
        }

        for (word, info) in analysis.words where Int(word.last ?? 0) % count == p {
            words[word, default: DocPostingBuilder()].add(doc: doc, info: info)
        }
    }
}
