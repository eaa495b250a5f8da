import Foundation

/// A key (scalar values) and its postings, on the way into a shard file.
struct ShardEntry {
    let key: [UInt32]
    /// The postings as varint chunks (`DocPostingBuilder`): `gap, occurrence` pairs
    /// (`positions`), else one `gap × 3 + field class` a document.
    var chunks: [[UInt8]]
    let documents: Int
    /// Bytes the entry takes in the (uncompressed) payload, about.
    let count: Int
    /// A bigram's entry: a third column, the positions of the first occurrences.
    let positions: Bool

    /// The postings go to a file of their own (`IndexLayout.listFile`): a list this long is
    /// most of any shard it sits in, and a query for another key of that shard need not load it.
    let outboard: Bool

    init(key: [UInt32], builder: inout DocPostingBuilder, positions: Bool) {
        self.key = key
        self.positions = positions
        documents = builder.documents
        outboard = builder.bytes.count > IndexLayout.listLimit
        count = (outboard ? 4 : builder.bytes.count) + 3 * key.count + 3
        chunks = builder.bytes.takeChunks()
    }

    /// A long list's files: its postings without positions, and (a bigram's) positions.
    typealias ListFiles = (list: [UInt8], positions: [UInt8]?)

    /// Puts every entry into shard `hash(key) % count` (entries keep their order), encodes the
    /// shards in parallel and emits each one at once; an entry's bytes are released when its
    /// shard is encoded. Payload: per entry (shorter keys first, then by scalar values — the
    /// same file whatever order the keys came in) `key length, key scalars…, 2n`, then for a
    /// bigram the n document gaps, the n field classes and the n positions (columns, which
    /// compress better than tuples), for any other key the n values `gap × 3 + class`; or, for a
    /// long list, `key length, key scalars…, 2n + 1`, the same without positions in the shard's
    /// k-th list file `<shard>-<k>` (k counts the shard's earlier such entries) and a bigram's
    /// positions in `p-<n>-<k>`.
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
                    for (k, files) in lists.enumerated() {
                        emit(IndexLayout.listFile(name(shard), k), files.list)
                        if let positions = files.positions { emit(IndexLayout.positionsFile(name(shard), k), positions) }
                    }
                }
            }
        }
    }

    /// The payload of one shard holding `entries` (any order), as the full writer makes it; a
    /// session's patch encodes a shard through here too, so the two cannot drift apart.
    static func payload(_ entries: inout [ShardEntry]) -> (shard: [UInt8], lists: [ListFiles]) {
        let indices = Array(entries.indices)
        return entries.withUnsafeMutableBufferPointer { payload(indices, of: $0) }
    }

    /// Encodes `entries[indices]` (sorted here) into one shard's payload; each entry's bytes are
    /// released as it is written. The list files' payloads come back in file order.
    private static func payload(_ indices: [Int], of entries: UnsafeMutableBufferPointer<ShardEntry>)
        -> (shard: [UInt8], lists: [ListFiles]) {
        let order = indices.sorted { precedes(entries[$0].key, entries[$1].key) }
        var payload: [UInt8] = []
        payload.reserveCapacity(order.reduce(0) { $0 + entries[$1].count + 8 })
        var scratch = Columns()
        var lists: [ListFiles] = []
        for i in order {
            if let list = entries[i].append(to: &payload, scratch: &scratch) { lists.append(list) }
        }
        return (payload, lists)
    }

    /// Scratch space for the columns of one entry.
    struct Columns {
        var gaps: [UInt8] = []
        var classes: [UInt8] = []
        var positions: [UInt8] = []
    }

    /// Appends this entry as a shard holds it, `key length, key scalars…, 2n, gaps…, classes…,
    /// positions…` (a bigram) or `…, 2n, (gap × 3 + class)…` (a long list: `…, 2n + 1`, and
    /// returns the payloads of its files), and releases its chunks.
    @discardableResult
    mutating func append(to payload: inout [UInt8], scratch: inout Columns) -> ListFiles? {
        Varint.append(key.count, to: &payload)
        for v in key { Varint.append(Int(v), to: &payload) }
        Varint.append(documents * 2 + (outboard ? 1 : 0), to: &payload)
        if !positions {
            // Already the file's column.
            var column: [UInt8] = []
            if outboard { column.reserveCapacity(chunks.reduce(0) { $0 + $1.count }) }
            for chunk in chunks {
                if outboard { column.append(contentsOf: chunk) } else { payload.append(contentsOf: chunk) }
            }
            chunks = []
            return outboard ? (column, nil) : nil
        }
        scratch.gaps.removeAll(keepingCapacity: true)
        scratch.classes.removeAll(keepingCapacity: true)
        scratch.positions.removeAll(keepingCapacity: true)
        for chunk in chunks {
            chunk.withUnsafeBufferPointer { bytes in
                var at = 0
                while at < bytes.count {
                    Varint.append(Int(Varint.read(bytes, at: &at)), to: &scratch.gaps)
                    guard at < bytes.count else { break }
                    let value = Int(Varint.read(bytes, at: &at))
                    scratch.classes.append(UInt8(value % 3))
                    Varint.append(value / 3, to: &scratch.positions)
                }
            }
        }
        chunks = []
        if outboard { return (scratch.gaps + scratch.classes, scratch.positions) }
        payload.append(contentsOf: scratch.gaps)
        payload.append(contentsOf: scratch.classes)
        payload.append(contentsOf: scratch.positions)
        return nil
    }

    /// Shard entries sort by key length, then scalar values (`payload`'s order).
    static func precedes(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
    }

    /// Whether an entry of a g (`grams`) or w shard with this key has a positions column.
    static func hasPositions(_ key: [UInt32], grams: Bool) -> Bool { grams && key.count == 2 }

    /// The entries of a payload written by `payload`, each key with the bytes of its whole entry
    /// (so a session's patch copies the entries it does not change), its document count and, for
    /// a long list, the number of its list file; nil when the payload is cut off.
    static func entries(of payload: [UInt8], grams: Bool) -> [(key: [UInt32], bytes: Range<Int>, documents: Int, list: Int?)]? {
        var out: [(key: [UInt32], bytes: Range<Int>, documents: Int, list: Int?)] = []
        var lists = 0
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
                guard let flagged = next() else { return false }
                if flagged & 1 == 1 {
                    out.append((key, start..<at, flagged >> 1, lists))
                    lists += 1
                    continue
                }
                let columns = hasPositions(key, grams: grams) ? 3 : 1
                for _ in 0..<(columns * (flagged >> 1)) { guard next() != nil else { return false } }
                out.append((key, start..<at, flagged >> 1, nil))
            }
            return true
        }
        return ok ? out : nil
    }

    /// The documents and values (occurrences with positions, else field classes) of an entry
    /// found by `entries(of:)` in the shard's payload, or (`keyLength` nil) of a list file's whole
    /// payload with, for a bigram, its positions file's payload.
    static func postings(_ payload: [UInt8], entry: Range<Int>, keyLength: Int?, documents n: Int,
                         positions: Bool, positionsFile: [UInt8]? = nil) -> (docs: [Int], occurrences: [Int]) {
        var docs: [Int] = [], occurrences: [Int] = []
        docs.reserveCapacity(n)
        occurrences.reserveCapacity(n)
        payload.withUnsafeBufferPointer { bytes in
            var at = entry.lowerBound
            if let keyLength { for _ in 0..<(keyLength + 2) { _ = Varint.read(bytes, at: &at) } }
            var doc = -1
            guard positions else {
                for _ in 0..<n where at < bytes.count {
                    let value = Int(Varint.read(bytes, at: &at))
                    doc += value / 3 + 1
                    docs.append(doc)
                    occurrences.append(value % 3)
                }
                return
            }
            for _ in 0..<n {
                doc += Int(Varint.read(bytes, at: &at)) + 1
                docs.append(doc)
            }
            for _ in 0..<n { occurrences.append(Int(Varint.read(bytes, at: &at))) }
            let read = { (bytes: UnsafeBufferPointer<UInt8>, at: inout Int) in
                for i in 0..<n where at < bytes.count { occurrences[i] += 3 * Int(Varint.read(bytes, at: &at)) }
            }
            if let positionsFile {
                positionsFile.withUnsafeBufferPointer { p in var at = 0; read(p, &at) }
            } else {
                read(bytes, &at)
            }
        }
        return (docs, occurrences)
    }
}
