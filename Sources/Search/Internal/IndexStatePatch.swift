import Foundation

/// The files one update rewrites, worked out in full before anything is emitted, so a patch
/// that turns out impossible (a shard count or `docsPerShard` would move) leaves nothing
/// half-written and the session rebuilds instead.
struct IndexPatch {
    /// The kept index after the patch.
    let kept: KeptIndex
    /// Files whose contents may have changed: id → JSON payload.
    let files: [(id: String, json: [UInt8])]

    /// One replaced document: its id (unchanged, as are its date, type and facets), its old
    /// and its new form.
    struct Change {
        let id: Int
        let old: SearchDocument
        let new: SearchDocument
    }

    /// Patches `kept` for `changes`; `ordered` is the updated document list in id order. Nil
    /// when the result would not be what a full build gives by patching alone.
    static func make(_ kept: KeptIndex, changes: [Change], ordered: [SearchDocument]) -> IndexPatch? {
        guard DocShardWriter.docsPerShard(ordered) == kept.docsPerShard else { return nil }
        var lists = WorkingLists(kept: kept)
        var docShards = Set<Int>()
        for change in changes {
            let oldText = DocumentText(change.old), newText = DocumentText(change.new)
            let old = DocumentAnalysis(oldText, partitions: 1), new = DocumentAnalysis(newText, partitions: 1)
            lists.replace(doc: change.id, old: old, new: new)
            if DocShardWriter.entry(change.old, text: oldText) != DocShardWriter.entry(change.new, text: newText) {
                docShards.insert(change.id / kept.docsPerShard)
            }
        }

        var result = kept
        var files: [(id: String, json: [UInt8])] = []
        for family in PostingFamily.allCases {
            let shards = kept.shards[family.rawValue]
            var byShard: [Int: [(key: [UInt32], list: [UInt8]?)]] = [:]
            var total = kept.totals[family.rawValue]
            for (key, list) in lists.changes(family) {
                let shard = family.shard(of: key, count: shards.count)
                if let before = shards[shard].value(of: key) {
                    total -= family.cost(keyCount: key.count, listCount: before.count)
                    if family == .words && list == nil { result.wordPrefixes[Array(IndexLayout.wordKey(key)), default: 0] -= 1 }
                } else if list != nil, family == .words {
                    result.wordPrefixes[Array(IndexLayout.wordKey(key)), default: 0] += 1
                }
                if let list { total += family.cost(keyCount: key.count, listCount: list.count) }
                byShard[shard, default: []].append((key, list))
            }
            guard IndexLayout.shardCount(totalBytes: total, target: family.target) == shards.count else { return nil }
            result.totals[family.rawValue] = total
            for (shard, changes) in byShard {
                let sorted = changes.sorted { KeptShard.precedes($0.key, $1.key) }
                let next = shards[shard].applying(sorted)
                result.shards[family.rawValue][shard] = next
                files.append((family.name(shard), next.payload))
            }
        }

        let before = Set(kept.wordPrefixes.filter { $0.value > 0 }.keys)
        result.wordPrefixes = result.wordPrefixes.filter { $0.value > 0 }
        if Set(result.wordPrefixes.keys) != before {
            let keys = result.wordPrefixes.keys.sorted { $0.lexicographicallyPrecedes($1) }
            result.manifest = kept.manifest(wordKeys: keys)
            result.wordKeysRange = kept.wordKeysRange.lowerBound..<(result.manifest.count
                - (kept.manifest.count - kept.wordKeysRange.upperBound))
            files.append((IndexLayout.manifestID, result.manifest))
        }

        for shard in docShards.sorted() {
            let range = (shard * kept.docsPerShard)..<min(ordered.count, (shard + 1) * kept.docsPerShard)
            var json: [UInt8] = [UInt8(ascii: "[")]
            for id in range {
                if id > range.lowerBound { json.append(UInt8(ascii: ",")) }
                json.append(contentsOf: DocShardWriter.entry(ordered[id], text: DocumentText(ordered[id])))
            }
            json.append(UInt8(ascii: "]"))
            files.append((IndexLayout.docShard(shard), json))
        }
        return IndexPatch(kept: result, files: files)
    }
}

/// Working copies of the posting lists a patch touches, keyed per family; an empty list
/// means the key is gone.
private struct WorkingLists {
    let kept: KeptIndex
    var unigrams: [UInt32: [UInt8]] = [:]
    var bigrams: [UInt64: [UInt8]] = [:]
    var words: [[UInt32]: [UInt8]] = [:]

    init(kept: KeptIndex) { self.kept = kept }

    private func keptList(_ family: PostingFamily, _ key: [UInt32]) -> ArraySlice<UInt8> {
        let shards = kept.shards[family.rawValue]
        return shards[family.shard(of: key, count: shards.count)].value(of: key) ?? []
    }

    /// Replaces document `doc`'s entries: every key of the old or the new analysis.
    mutating func replace(doc: Int, old: DocumentAnalysis, new: DocumentAnalysis) {
        var unigramInfo: [UInt32: Int] = [:]
        for packed in new.unigrams { unigramInfo[UInt32(packed >> 32)] = Int(packed & 0xFFFF_FFFF) }
        var unigramKeys = Set(unigramInfo.keys)
        for packed in old.unigrams { unigramKeys.insert(UInt32(packed >> 32)) }
        for key in unigramKeys {
            let list = unigrams[key].map { $0[...] } ?? keptList(.grams, [key])
            let info = unigramInfo[key]
            if let next = PostingPatch.replace(list, doc: doc, positional: false,
                                               entry: info.map { info in { PostingPatch.documentEntry(gap: $0, info: info) } }) {
                unigrams[key] = next
            }
        }

        var bigramRanges: [UInt64: Range<Int>] = [:]
        for (i, key) in new.bigramKeys.enumerated() {
            bigramRanges[key] = Int(new.bigramStarts[i])..<Int(new.bigramStarts[i + 1])
        }
        var bigramKeys = Set(bigramRanges.keys)
        bigramKeys.formUnion(old.bigramKeys)
        for key in bigramKeys {
            let list = bigrams[key].map { $0[...] } ?? keptList(.positions, BigramKey.scalars(key))
            let values = bigramRanges[key].map { new.bigramValues[$0] }
            if let next = PostingPatch.replace(list, doc: doc, positional: true,
                                               entry: values.map { values in { PostingPatch.positionEntry(gap: $0, values: values) } }) {
                bigrams[key] = next
            }
        }

        var wordInfo: [[UInt32]: Int] = [:]
        for (word, info) in new.words { wordInfo[word] = info }
        var wordKeys = Set(wordInfo.keys)
        for (word, _) in old.words { wordKeys.insert(word) }
        for key in wordKeys {
            let list = words[key].map { $0[...] } ?? keptList(.words, key)
            let info = wordInfo[key]
            if let next = PostingPatch.replace(list, doc: doc, positional: false,
                                               entry: info.map { info in { PostingPatch.documentEntry(gap: $0, info: info) } }) {
                words[key] = next
            }
        }
    }

    /// The changed entries of a family (nil list: the key is removed). For g, the document-level
    /// copies of the changed bigrams are decided again as the writer decides them.
    func changes(_ family: PostingFamily) -> [(key: [UInt32], list: [UInt8]?)] {
        switch family {
        case .grams:
            var out = unigrams.map { ([$0.key], $0.value.isEmpty ? nil : $0.value) }
            for (key, positions) in bigrams {
                let scalars = BigramKey.scalars(key)
                var level: [UInt8]?
                if positions.count >= IndexLayout.documentLevelThreshold {
                    let candidate = PostingPatch.documentLevel(positions[...])
                    if candidate.count * 3 <= positions.count * 2 { level = candidate }
                }
                let before = keptList(.grams, scalars)
                if before.isEmpty && level == nil { continue }
                if let level, level.elementsEqual(before) { continue }
                out.append((scalars, level))
            }
            return out
        case .positions:
            return bigrams.map { (BigramKey.scalars($0.key), $0.value.isEmpty ? nil : $0.value) }
        case .words:
            return words.map { ($0.key, $0.value.isEmpty ? nil : $0.value) }
        }
    }
}
