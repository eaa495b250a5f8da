import Foundation

/// A key (scalar values) and its postings, on the way into a shard file.
struct ShardEntry {
    let key: [UInt32]
    /// The postings, possibly in several chunks (position lists): VLQ digits as they go into
    /// the file, or varints (`isVarint`) that are transcoded to VLQ when the shard is encoded.
    var chunks: [[UInt8]]
    /// Bytes the postings take in the file.
    let count: Int
    let isVarint: Bool

    init(key: [UInt32], bytes: [UInt8]) {
        self.key = key
        chunks = [bytes]
        count = bytes.count
        isVarint = false
    }

    init(key: [UInt32], chunks: [[UInt8]]) {
        self.key = key
        self.chunks = chunks
        count = chunks.reduce(0) { $0 + $1.count }
        isVarint = false
    }

    /// Postings held as varint chunks (`DocPostingBuilder`, `PositionPostingBuilder`) whose
    /// VLQ form is `vlqCount` bytes.
    init(key: [UInt32], varintChunks: [[UInt8]], vlqCount: Int) {
        self.key = key
        chunks = varintChunks
        count = vlqCount
        isVarint = true
    }

    /// Puts every entry into shard `hash(key) % count` (entries keep their order), encodes the
    /// shards in parallel and emits each one at once; an entry's bytes are released when its
    /// shard is encoded. `documentLevel`, for positional postings held as varints: called (from
    /// the encoding thread) with the entry index, the entry and its document-level form —
    /// derived while transcoding — for entries of at least `IndexLayout.documentLevelThreshold`
    /// bytes.
    static func emit(_ entries: inout [ShardEntry], count: Int, key: ([UInt32]) -> [UInt32],
                     name: (Int) -> String, emit: ShardSink,
                     documentLevel: ((_ index: Int, _ entry: ShardEntry, _ level: DocPostingBuilder) -> Void)? = nil) {
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
                    // Exact room: the postings' file size is known, a key scalar takes at most
                    // 6 bytes escaped, and each entry adds 6 bytes of quotes and commas.
                    let room = all[shard].reduce(2) { $0 + entries[$1].count + 6 * entries[$1].key.count + 6 }
                    var json: [UInt8] = []
                    json.write(maximum: room) { w in
                        VLQ.alphabet.withUnsafeBufferPointer { digits in
                            guard let alphabet = digits.baseAddress else { return }
                            w.put(UInt8(ascii: "["))
                            for (n, i) in all[shard].enumerated() {
                                if n > 0 { w.put(UInt8(ascii: ",")) }
                                w.put(UInt8(ascii: "\""))
                                for v in entries[i].key { w.putEscaped(v) }
                                w.put(UInt8(ascii: "\"")); w.put(UInt8(ascii: ",")); w.put(UInt8(ascii: "\""))
                                if let documentLevel, entries[i].isVarint,
                                   entries[i].count >= IndexLayout.documentLevelThreshold {
                                    var level = DocPostingBuilder()
                                    var doc = -1
                                    for chunk in entries[i].chunks {
                                        chunk.withUnsafeBufferPointer {
                                            w.putPositionsAsVLQ($0, alphabet: alphabet, doc: &doc, level: &level)
                                        }
                                    }
                                    documentLevel(i, entries[i], level)
                                } else {
                                    for chunk in entries[i].chunks {
                                        chunk.withUnsafeBufferPointer { bytes in
                                            if entries[i].isVarint {
                                                w.putVarintsAsVLQ(bytes, alphabet: alphabet)
                                            } else {
                                                for b in bytes { w.put(b) }
                                            }
                                        }
                                    }
                                }
                                w.put(UInt8(ascii: "\""))
                                entries[i].chunks = []
                            }
                            w.put(UInt8(ascii: "]"))
                        }
                    }
                    emit(name(shard), json)
                }
            }
        }
    }
}
