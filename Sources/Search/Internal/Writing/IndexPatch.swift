import Foundation

/// The patch of a session's index after some documents changed without moving any document id
/// (same urls, same dates, same documents per d shard). Only these files are made again: the g
/// and w shards holding a gram or word whose first occurrence in a changed document moved (or
/// that appeared or went), the d shards of the changed documents, the facet lists when a facet
/// value changed, the facet files `f-<i>` and the manifest. Each is encoded by the full writer's own code
/// (`ShardEntry`, `DocShardWriter`, `IndexAccumulator.facetFiles`, `ManifestWriter`); in a
/// posting shard only the edited entries are decoded and encoded again, the others are copied
/// (`ShardEntry.entries(of:)`), so a patched file equals a full build's byte for byte. When the
/// edit moves a shard count, `make` gives nil and the caller builds again.
struct IndexPatch {
    /// One changed document: its id and what it was and is.
    struct Change {
        let id: Int
        let old: SearchDocument
        let new: SearchDocument
    }

    /// The payloads to emit, by file id.
    private(set) var payloads: [(id: String, payload: [UInt8])] = []
    /// File ids that are no longer part of the index (facet lists after a value went, list files
    /// of a patched shard that now has fewer).
    private(set) var removed: Set<String> = []
    /// The index's shape after the patch.
    private(set) var shape: IndexShape
    /// How many g and w shards were patched.
    private(set) var postingShards = 0

    /// `document(id)`: every document as it is now, by id; `files`: the index as it is, to read
    /// the payloads of the shards to patch.
    static func make(_ changes: [Change], shape: IndexShape, labels: SearchFacetLabels,
                     document: (Int) -> SearchDocument, files: FileCache) throws -> IndexPatch? {
        var patch = IndexPatch(shape: shape)
        let frequent = shape.frequentBigrams
        let firsts = changes.map { (FirstOccurrences($0.old, frequent: frequent), FirstOccurrences($0.new, frequent: frequent)) }

        var gramEdits: [Int: [[UInt32]: [PostingEdit]]] = [:]
        var wordEdits: [Int: [[UInt32]: [PostingEdit]]] = [:]
        for (change, (old, new)) in zip(changes, firsts) {
            for (key, occurrence) in Self.moved(old.grams, new.grams) {
                let shard = ShardHash.shard(of: key, count: shape.gramShards)
                gramEdits[shard, default: [:]][key, default: []].append(PostingEdit(doc: change.id, occurrence: occurrence))
            }
            for (word, occurrence) in Self.moved(old.words, new.words) {
                let shard = ShardHash.shard(of: IndexLayout.wordKey(word), count: shape.wordShards)
                wordEdits[shard, default: [:]][word, default: []].append(PostingEdit(doc: change.id, occurrence: occurrence))
            }
        }

        // Postings: every touched shard decoded, edited and encoded again, in parallel.
        let jobs = gramEdits.map { (IndexLayout.gramShard($0.key), $0.value, false) }
            + wordEdits.map { (IndexLayout.wordShard($0.key), $0.value, true) }
        let results = try Self.patchShards(jobs, files: files, trigramMinimum: shape.trigramMinimum)
        guard results.count == jobs.count else { return nil }
        // A bigram that reaches or leaves the trigram minimum changes which trigrams have
        // lists: that is a build of the whole index.
        guard !results.contains(where: \.crossed) else { return nil }
        var prefixesBefore = Set<String>(), prefixesAfter = Set<String>()
        for (job, result) in zip(jobs, results) {
            if job.2 {
                patch.shape.wordBytes += result.sizeChange
                prefixesBefore.formUnion(result.prefixesBefore)
                prefixesAfter.formUnion(result.prefixesAfter)
            } else {
                patch.shape.gramBytes += result.sizeChange
            }
            patch.payloads.append((job.0, result.payload))
            patch.payloads.append(contentsOf: result.lists)
            patch.removed.formUnion((result.listCount..<max(result.listCount, result.listsBefore)).map { IndexLayout.listFile(job.0, $0) })
            patch.removed.formUnion(result.positionsBefore.subtracting(result.positionsAfter).map { IndexLayout.positionsFile(job.0, $0) })
        }
        patch.postingShards = jobs.count
        guard IndexLayout.shardCount(totalBytes: patch.shape.gramBytes, target: IndexLayout.gramTarget) == shape.gramShards,
              IndexLayout.shardCount(totalBytes: patch.shape.wordBytes, target: IndexLayout.wordTarget) == shape.wordShards
        else { return nil }
        if prefixesBefore != prefixesAfter {
            // A prefix lives in one w shard only, so the touched shards' prefixes before and
            // after are all that can differ.
            var keys = Set(shape.wordKeys).subtracting(prefixesBefore)
            keys.formUnion(prefixesAfter)
            patch.shape.wordKeys = keys.sorted(by: DocumentOrder.scalarLess)
        }

        // Document shards of the changed documents, from every document they hold.
        let per = shape.docsPerShard
        for shard in Set(changes.map { $0.id / per }).sorted() {
            let ids = (shard * per)..<min((shard + 1) * per, shape.documents)
            let entries = ids.map { id -> [UInt8] in
                let doc = document(id)
                return DocShardWriter.entry(doc, text: DocumentText(doc))
            }
            patch.payloads.append((IndexLayout.docShard(shard), DocShardWriter.shard(entries)))
        }

        // Facet lists, only when a value's documents changed (their file ids may shift then).
        var facetsChanged = false
        for change in changes {
            let old = IndexAccumulator.facetValues(of: change.old), new = IndexAccumulator.facetValues(of: change.new)
            guard old != new else { continue }
            facetsChanged = true
            for (facet, values) in old {
                for value in values.subtracting(new[facet] ?? []) { patch.removeFacet(facet, value, doc: change.id) }
            }
            for (facet, values) in new {
                for value in values.subtracting(old[facet] ?? []) { patch.addFacet(facet, value, doc: change.id) }
            }
        }
        if facetsChanged {
            // Every list is made again (cheap); the session hands out only those whose bytes
            // changed: lists are numbered within their facet, so other facets' stay as they were.
            let (values, facetFiles) = IndexAccumulator.facetFiles(patch.shape.facets)
            let before = Set(shape.facetValues.flatMap { $0.values.map(\.shard) })
            patch.removed.formUnion(before.subtracting(facetFiles.map(\.id)))
            patch.removed.formUnion((values.count..<max(values.count, shape.facetValues.count)).map(IndexLayout.facetFile))
            patch.shape.facetValues = values
            patch.payloads.append(contentsOf: facetFiles)
        }
        // Labels may have changed without any facet value: the facet files are cheap to make
        // again, and only those whose bytes changed are handed out.
        patch.payloads.append(contentsOf: ManifestWriter.facetFiles(patch.shape.facetValues, labels: labels))
        patch.payloads.append((IndexLayout.manifestID, ManifestWriter.manifest(patch.shape)))
        return patch
    }

    private init(shape: IndexShape) { self.shape = shape }

    private mutating func removeFacet(_ facet: String, _ value: String, doc: Int) {
        guard var docs = shape.facets[facet]?[value], let at = docs.firstIndex(of: doc) else { return }
        docs.remove(at: at)
        shape.facets[facet]?[value] = docs.isEmpty ? nil : docs
        if shape.facets[facet]?.isEmpty == true { shape.facets[facet] = nil }
    }

    private mutating func addFacet(_ facet: String, _ value: String, doc: Int) {
        var docs = shape.facets[facet]?[value] ?? []
        docs.insert(doc, at: docs.firstIndex { $0 > doc } ?? docs.count)
        shape.facets[facet, default: [:]][value] = docs
    }

    /// Keys whose first occurrence differs, with the new one (nil: the key is gone).
    private static func moved(_ old: [[UInt32]: Int], _ new: [[UInt32]: Int]) -> [([UInt32], Int?)] {
        var out: [([UInt32], Int?)] = []
        for (key, occurrence) in new where old[key] != occurrence { out.append((key, occurrence)) }
        for key in old.keys where new[key] == nil { out.append((key, nil)) }
        return out
    }

    private struct ShardResult {
        var payload: [UInt8] = []
        /// The list files (`ShardEntry`) to write: new, changed or renumbered ones; the shard has
        /// `listCount` now and had `listsBefore`.
        var lists: [(id: String, payload: [UInt8])] = []
        var listCount = 0
        var listsBefore = 0
        /// Change of the shard's `ShardEntry.count` sum.
        var sizeChange = 0
        var prefixesBefore: [String] = []
        var prefixesAfter: [String] = []
        /// The numbers k of the long lists with a positions file, before and after.
        var positionsBefore = Set<Int>()
        var positionsAfter = Set<Int>()
        /// A bigram's document count reached or left the trigram minimum.
        var crossed = false
    }

    /// Decodes, edits and encodes each shard; empty when a shard's payload is not known.
    private static func patchShards(_ jobs: [(String, [[UInt32]: [PostingEdit]], Bool)],
                                    files: FileCache, trigramMinimum: Int) throws -> [ShardResult] {
        let failures = ErrorSlot()
        let missing = ErrorSlot()
        var results = [ShardResult](repeating: ShardResult(), count: jobs.count)
        results.withUnsafeMutableBufferPointer { out in
            let out = out
            DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
                let (id, edits, words) = jobs[j]
                do {
                    guard let payload = try files.payload(id: id) else {
                        missing.record(SearchIndexError(location: id, message: "unknown"))
                        return
                    }
                    out[j] = try patchShard(payload, id: id, edits: edits, words: words,
                                            trigramMinimum: trigramMinimum) { list in
                        guard let payload = try files.payload(id: list) else {
                            throw SearchIndexError(location: IndexFile.fileName(list), message: "not in the session's index")
                        }
                        return payload
                    }
                } catch {
                    failures.record(error)
                }
            }
        }
        if let error = failures.first { throw error }
        return missing.first == nil ? results : []
    }

    /// Entries whose keys have no edit are copied as they are; the edited ones are decoded,
    /// edited and encoded again by `ShardEntry`, and all of them go back in the writer's order.
    /// A long list lives in list file `<shard>-<k>` (`readList(id)` reads one): an edited one is
    /// written again, an unedited one only when its number k moved.
    private static func patchShard(_ payload: [UInt8], id: String, edits: [[UInt32]: [PostingEdit]],
                                   words: Bool, trigramMinimum: Int,
                                   readList: (String) throws -> [UInt8]) throws -> ShardResult {
        let grams = !words
        func positions(_ key: [UInt32]) -> Bool { ShardEntry.hasPositions(key, grams: grams) }
        guard let entries = ShardEntry.entries(of: payload, grams: grams) else {
            throw SearchIndexError(location: "\(IndexFile.fileName(id)):1:1", message: "postings are cut off or malformed")
        }
        var result = ShardResult()
        result.listsBefore = entries.filter { $0.list != nil }.count
        result.positionsBefore = Set(entries.compactMap { positions($0.key) ? $0.list : nil })
        // `list`: an edited long list's new payloads, or an unedited one's number before.
        var pieces: [(key: [UInt32], bytes: [UInt8], list: ShardEntry.ListFiles?, was: Int?)] = []
        pieces.reserveCapacity(entries.count + edits.count)
        var found: [[UInt32]: (bytes: Range<Int>, documents: Int, list: Int?)] = [:]
        for entry in entries {
            if edits[entry.key] == nil {
                pieces.append((entry.key, Array(payload[entry.bytes]), nil, entry.list))
            } else {
                found[entry.key] = (entry.bytes, entry.documents, entry.list)
            }
        }
        var scratch = ShardEntry.Columns()
        for (key, keyEdits) in edits {
            let withPositions = positions(key)
            var list: (docs: [Int], occurrences: [Int]) = ([], [])
            if let old = found[key] {
                if let k = old.list {
                    let columns = try readList(IndexLayout.listFile(id, k))
                    let positionsFile = withPositions ? try readList(IndexLayout.positionsFile(id, k)) : nil
                    list = ShardEntry.postings(columns, entry: 0..<columns.count, keyLength: nil, documents: old.documents,
                                               positions: withPositions, positionsFile: positionsFile)
                } else {
                    list = ShardEntry.postings(payload, entry: old.bytes, keyLength: key.count, documents: old.documents,
                                               positions: withPositions)
                }
                result.sizeChange -= ShardEntry(key: key, docs: list.docs, occurrences: list.occurrences, positions: withPositions).count
            }
            let before = list.docs.count
            for edit in keyEdits { edit.apply(to: &list) }
            if grams && key.count == 2 && (before >= trigramMinimum) != (list.docs.count >= trigramMinimum) {
                result.crossed = true
            }
            guard !list.docs.isEmpty else { continue }
            var entry = ShardEntry(key: key, docs: list.docs, occurrences: list.occurrences, positions: withPositions)
            result.sizeChange += entry.count
            var bytes: [UInt8] = []
            let columns = entry.append(to: &bytes, scratch: &scratch)
            pieces.append((key, bytes, columns, nil))
        }
        pieces.sort { ShardEntry.precedes($0.key, $1.key) }
        for piece in pieces where piece.list != nil || piece.was != nil {
            let k = result.listCount
            let name = IndexLayout.listFile(id, k)
            if positions(piece.key) { result.positionsAfter.insert(k) }
            if let files = piece.list {
                result.lists.append((name, files.list))
                if let p = files.positions { result.lists.append((IndexLayout.positionsFile(id, k), p)) }
            } else if let was = piece.was, was != k {
                result.lists.append((name, try readList(IndexLayout.listFile(id, was))))
                if positions(piece.key) {
                    result.lists.append((IndexLayout.positionsFile(id, k), try readList(IndexLayout.positionsFile(id, was))))
                }
            }
            result.listCount += 1
        }
        if words {
            func prefix(_ key: [UInt32]) -> String { IndexAccumulator.string(Array(IndexLayout.wordKey(key))) }
            result.prefixesBefore = entries.map { prefix($0.key) }
            result.prefixesAfter = pieces.map { prefix($0.key) }
        }
        result.payload.reserveCapacity(pieces.reduce(0) { $0 + $1.bytes.count })
        for piece in pieces { result.payload.append(contentsOf: piece.bytes) }
        return result
    }
}

/// One document's first occurrence of a key set (`occurrence`) or taken out (nil).
struct PostingEdit {
    let doc: Int
    let occurrence: Int?

    func apply(to list: inout (docs: [Int], occurrences: [Int])) {
        var low = 0, high = list.docs.count
        while low < high {
            let mid = (low + high) / 2
            if list.docs[mid] < doc { low = mid + 1 } else { high = mid }
        }
        let present = low < list.docs.count && list.docs[low] == doc
        switch (present, occurrence) {
        case (true, let occurrence?): list.occurrences[low] = occurrence
        case (true, nil):
            list.docs.remove(at: low)
            list.occurrences.remove(at: low)
        case (false, let occurrence?):
            list.docs.insert(doc, at: low)
            list.occurrences.insert(occurrence, at: low)
        case (false, nil): break
        }
    }
}

/// Every gram and Latin word of one document with the value its lists hold (a bigram's first
/// occurrence, else the field class of it), keyed as in the shards; trigrams only where both
/// bigrams are in `frequent` (those with lists).
struct FirstOccurrences {
    private(set) var grams: [[UInt32]: Int] = [:]
    private(set) var words: [[UInt32]: Int] = [:]

    init(_ document: SearchDocument, frequent: Set<UInt64>) {
        let analysis = DocumentAnalysis(DocumentText(document), partitions: 1)
        grams.reserveCapacity(analysis.unigrams.count + analysis.bigramKeys.count + analysis.trigramKeys.count)
        for packed in analysis.unigrams { grams[[UInt32(packed >> 32)]] = Occurrence.fieldClass(Int(packed & 0xFFFF_FFFF)) }
        for (k, key) in analysis.bigramKeys.enumerated() { grams[BigramKey.scalars(key)] = Int(analysis.bigramFirst[k]) }
        for (k, key) in analysis.trigramKeys.enumerated() {
            let (ab, bc) = TrigramKey.bigrams(key)
            if frequent.contains(ab) && frequent.contains(bc) { grams[TrigramKey.scalars(key)] = Int(analysis.trigramClass[k]) }
        }
        for (word, occurrence) in analysis.words { words[word] = Occurrence.fieldClass(occurrence) }
    }
}

extension ShardEntry {
    /// An entry from a decoded list, built the way the writer builds one.
    init(key: [UInt32], docs: [Int], occurrences: [Int], positions: Bool) {
        var builder = DocPostingBuilder()
        for (doc, occurrence) in zip(docs, occurrences) {
            if positions { builder.add(doc: doc, occurrence: occurrence) } else { builder.add(doc: doc, fieldClass: occurrence) }
        }
        self.init(key: key, builder: &builder, positions: positions)
    }
}
