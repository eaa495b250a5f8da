import Foundation

/// A key (scalar values) and its postings, on the way into a shard file.
struct ShardEntry {
    let key: [UInt32]
    /// The postings as varint chunks of `gap, occurrence` pairs (`DocPostingBuilder`).
    var chunks: [[UInt8]]
    let documents: Int
    /// Bytes the entry takes in the (uncompressed) payload, about.
    let count: Int

    init(key: [UInt32], builder: inout DocPostingBuilder) {
        self.key = key
        documents = builder.documents
        count = builder.bytes.count + 3 * key.count + 3
        chunks = builder.bytes.takeChunks()
    }

    /// Puts every entry into shard `hash(key) % count` (entries keep their order), encodes the
    /// shards in parallel and emits each one at once; an entry's bytes are released when its
    /// shard is encoded. Payload: per entry (shorter keys first, then by scalar values — the
    /// same file whatever order the keys came in) `key length, key scalars…, n`, then the n
    /// document gaps, then the n occurrences: columns, which compress better than pairs.
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
                    emit(name(shard), payload(all[shard], of: entries))
                }
            }
        }
    }

    /// The payload of one shard holding `entries` (any order), as the full writer makes it; a
    /// session's patch encodes a shard through here too, so the two cannot drift apart.
    static func payload(_ entries: inout [ShardEntry]) -> [UInt8] {
        let indices = Array(entries.indices)
        return entries.withUnsafeMutableBufferPointer { payload(indices, of: $0) }
    }

    /// Encodes `entries[indices]` (sorted here) into one shard's payload; each entry's bytes are
    /// released as it is written.
    private static func payload(_ indices: [Int], of entries: UnsafeMutableBufferPointer<ShardEntry>) -> [UInt8] {
        let order = indices.sorted { precedes(entries[$0].key, entries[$1].key) }
        var payload: [UInt8] = []
        payload.reserveCapacity(order.reduce(0) { $0 + entries[$1].count + 8 })
        var gaps: [UInt8] = [], occurrences: [UInt8] = []
        for i in order { entries[i].append(to: &payload, gaps: &gaps, occurrences: &occurrences) }
        return payload
    }

    /// Appends this entry as a shard holds it, `key length, key scalars…, n, gaps…, occurrences…`,
    /// and releases its chunks. `gaps` and `occurrences` are scratch space.
    mutating func append(to payload: inout [UInt8], gaps: inout [UInt8], occurrences: inout [UInt8]) {
        Varint.append(key.count, to: &payload)
        for v in key { Varint.append(Int(v), to: &payload) }
        Varint.append(documents, to: &payload)
        gaps.removeAll(keepingCapacity: true)
        occurrences.removeAll(keepingCapacity: true)
        for chunk in chunks {
            chunk.withUnsafeBufferPointer { bytes in
                var at = 0
                while at < bytes.count {
                    Varint.append(Int(Varint.read(bytes, at: &at)), to: &gaps)
                    guard at < bytes.count else { break }
                    Varint.append(Int(Varint.read(bytes, at: &at)), to: &occurrences)
                }
            }
        }
        payload.append(contentsOf: gaps)
        payload.append(contentsOf: occurrences)
        chunks = []
    }

    /// Shard entries sort by key length, then scalar values (`payload`'s order).
    static func precedes(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
    }

    /// The entries of a payload written by `payload`, each key with the bytes of its whole entry
    /// (so a session's patch copies the entries it does not change) and its document count; nil
    /// when the payload is cut off.
    static func entries(of payload: [UInt8]) -> [(key: [UInt32], bytes: Range<Int>, documents: Int)]? {
        var out: [(key: [UInt32], bytes: Range<Int>, documents: Int)] = []
        let ok = payload.withUnsafeBufferPointer { bytes -> Bool in
            var at = 0
            func next() -> Int? { at < bytes.count ? Int(Varint.read(bytes, at: &at)) : nil }
            while at < bytes.count {
                let start = at
                guard let length = next(), length > 0 else { return false }
                var key: [UInt32] = []
                key.reserveCapacity(length)
                for _ in 0..<length {
                    guard let v = next() else { return false }
                    key.append(UInt32(truncatingIfNeeded: v))
                }
                guard let n = next() else { return false }
                for _ in 0..<(2 * n) { guard next() != nil else { return false } }
                out.append((key, start..<at, n))
            }
            return true
        }
        return ok ? out : nil
    }

    /// The documents and first occurrences of an entry found by `entries(of:)`.
    static func postings(_ payload: [UInt8], entry: Range<Int>, keyLength: Int, documents n: Int)
        -> (docs: [Int], occurrences: [Int]) {
        var docs: [Int] = [], occurrences: [Int] = []
        docs.reserveCapacity(n)
        occurrences.reserveCapacity(n)
        payload.withUnsafeBufferPointer { bytes in
            var at = entry.lowerBound
            for _ in 0..<(keyLength + 2) { _ = Varint.read(bytes, at: &at) }
            var doc = -1
            for _ in 0..<n {
                doc += Int(Varint.read(bytes, at: &at)) + 1
                docs.append(doc)
            }
            for _ in 0..<n { occurrences.append(Int(Varint.read(bytes, at: &at))) }
        }
        return (docs, occurrences)
    }
}
