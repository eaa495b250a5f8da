import Foundation

/// A key (scalar values) and its postings, on the way into a shard file.
struct ShardEntry {
    let key: [UInt32]
    /// The postings as varint chunks of `gap, occurrence` pairs (`DocPostingBuilder`).
    var chunks: [[UInt8]]
    let documents: Int
    /// Bytes the entry takes in the (uncompressed) payload, about.
    let count: Int

    /// The postings go to a file of their own (`IndexLayout.listFile`): a list this long is
    /// most of any shard it sits in, and a query for another key of that shard need not load it.
    let outboard: Bool

    init(key: [UInt32], builder: inout DocPostingBuilder) {
        self.key = key
        documents = builder.documents
        outboard = builder.bytes.count > IndexLayout.listLimit
        count = (outboard ? 4 : builder.bytes.count) + 3 * key.count + 3
        chunks = builder.bytes.takeChunks()
    }

    /// Puts every entry into shard `hash(key) % count` (entries keep their order), encodes the
    /// shards in parallel and emits each one at once; an entry's bytes are released when its
    /// shard is encoded. Payload: per entry (shorter keys first, then by scalar values — the
    /// same file whatever order the keys came in) `key length, key scalars…, 2n`, then the n
    /// document gaps, then the n occurrences (columns, which compress better than pairs); or,
    /// for a long list, `key length, key scalars…, 2n + 1`, its columns in the shard's k-th list
    /// file `<shard>-<k>` (k counts the shard's earlier such entries).
    static func emit(_ entries: inout [ShardEntry], count: Int, key: ([UInt32]) -> [UInt32],
                     name: (Int) -> String, emit: ShardSink) {
        var buckets = [[Int]](repeating: [], count: count)
        for (i, entry) in entries.enumerated() {
            buckets[ShardHash.shard(of: key(entry.key), count: count)].append(i)
        }
        buckets.withUnsafeMutableBufferPointer { b in
            let all = b
            entries.withUnsafeMutableBufferPointer { e in
                let entries = e
                DispatchQueue.concurrentPerform(iterations: count) { shard in
                    let (payload, lists) = payload(all[shard], of: entries)
                    emit(name(shard), payload)
                    for (k, list) in lists.enumerated() { emit(IndexLayout.listFile(name(shard), k), list) }
                }
            }
        }
    }

    /// The payload of one shard holding `entries` (any order), as the full writer makes it; a
    /// session's patch encodes a shard through here too, so the two cannot drift apart.
    static func payload(_ entries: inout [ShardEntry]) -> (shard: [UInt8], lists: [[UInt8]]) {
        let indices = Array(entries.indices)
        return entries.withUnsafeMutableBufferPointer { payload(indices, of: $0) }
    }

    /// Encodes `entries[indices]` (sorted here) into one shard's payload; each entry's bytes are
    /// released as it is written.
    /// The lists of outboard entries come back in file order.
    private static func payload(_ indices: [Int], of entries: UnsafeMutableBufferPointer<ShardEntry>)
        -> (shard: [UInt8], lists: [[UInt8]]) {
        let order = indices.sorted { x, y in
            let a = entries[x].key, c = entries[y].key
            return a.count != c.count ? a.count < c.count : a.lexicographicallyPrecedes(c)
        }
        var payload: [UInt8] = []
        payload.reserveCapacity(order.reduce(0) { $0 + entries[$1].count + 8 })
        var gaps: [UInt8] = [], occurrences: [UInt8] = []
        var lists: [[UInt8]] = []
        for i in order {
            Varint.append(entries[i].key.count, to: &payload)
            for v in entries[i].key { Varint.append(Int(v), to: &payload) }
            Varint.append(entries[i].documents * 2 + (entries[i].outboard ? 1 : 0), to: &payload)
            gaps.removeAll(keepingCapacity: true)
            occurrences.removeAll(keepingCapacity: true)
            for chunk in entries[i].chunks {
                chunk.withUnsafeBufferPointer { bytes in
                    var at = 0
                    while at < bytes.count {
                        Varint.append(Int(Varint.read(bytes, at: &at)), to: &gaps)
                        guard at < bytes.count else { break }
                        Varint.append(Int(Varint.read(bytes, at: &at)), to: &occurrences)
                    }
                }
            }
            if entries[i].outboard {
                lists.append(gaps + occurrences)
            } else {
                payload.append(contentsOf: gaps)
                payload.append(contentsOf: occurrences)
            }
            entries[i].chunks = []
        }
        return (payload, lists)
    }
}
