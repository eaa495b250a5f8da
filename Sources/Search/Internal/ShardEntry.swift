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
    /// shard is encoded. `visit` (entry index, entry) sees each entry just before that, from the
    /// encoding thread.
    static func emit(_ entries: inout [ShardEntry], count: Int, key: ([UInt32]) -> [UInt32],
                     name: (Int) -> String, emit: ShardSink,
                     visit: ((_ index: Int, _ entry: ShardEntry) -> Void)? = nil) {
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
                    json.reserveCapacity(all[shard].reduce(2) { $0 + entries[$1].count + 4 * entries[$1].key.count + 8 })
                    for (n, i) in all[shard].enumerated() {
                        if n > 0 { json.append(UInt8(ascii: ",")) }
                        json.append(UInt8(ascii: "\""))
                        for v in entries[i].key { JSONWriter.appendEscaped(v, to: &json) }
                        json.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\"")])
                        if entries[i].isVarint {
                            for chunk in entries[i].chunks { Varint.appendAsVLQ(chunk, to: &json) }
                        } else {
                            for chunk in entries[i].chunks { json.append(contentsOf: chunk) }
                        }
                        json.append(UInt8(ascii: "\""))
                        visit?(i, entries[i])
                        entries[i].chunks = []
                    }
                    json.append(UInt8(ascii: "]"))
                    emit(name(shard), json)
                }
            }
        }
    }
}
