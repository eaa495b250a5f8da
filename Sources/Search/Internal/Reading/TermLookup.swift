/// Finds the documents of each kind of term in the files of a reader.
struct TermLookup {
    let reader: SearchIndexReader

    func matches(_ term: QueryTerm) throws -> TermMatches {
        switch term.kind {
        case .word(let prefix):
            return try words(term.scalars, prefix: prefix)
        case .substring where term.scalars.count <= 2:
            return try gram(term.scalars) ?? TermMatches()
        case .substring:
            return try phrase(term.scalars)
        }
    }

    private func gram(_ scalars: [UInt32]) throws -> TermMatches? {
        let id = IndexLayout.gramShard(ShardHash.shard(of: scalars, count: reader.manifest.shards.g))
        return try postings(of: scalars, in: id)
    }

    /// The postings of `key` in shard `id`, from the shard or from the key's own list file.
    private func postings(of key: [UInt32], in id: String) throws -> TermMatches? {
        try postingShard(id).matches(of: key, in: id) { list in try reader.file(list) { payload, _ in payload } }
    }

    /// Whole words equal to `scalars`, or (prefix) starting with it.
    private func words(_ scalars: [UInt32], prefix: Bool) throws -> TermMatches {
        var shards: [Int] = []
        if prefix && scalars.count == 1 {
            // Words with a one-scalar prefix spread over the shards of every key starting with it.
            for key in reader.manifest.wordKeys where key.unicodeScalars.first?.value == scalars[0] {
                shards.append(ShardHash.shard(of: key.unicodeScalars.map(\.value), count: reader.manifest.shards.w))
            }
            shards = Array(Set(shards)).sorted()
        } else {
            shards = [ShardHash.shard(of: IndexLayout.wordKey(scalars), count: reader.manifest.shards.w)]
        }
        var lists: [TermMatches] = []
        for shard in shards {
            let id = IndexLayout.wordShard(shard)
            for key in try postingShard(id).keys where prefix ? key.starts(with: scalars) : key == scalars {
                if let list = try postings(of: key, in: id) { lists.append(list) }
            }
        }
        return lists.isEmpty ? TermMatches() : TermMatches.union(lists)
    }

    /// A substring of 3+ scalars. Candidates: documents holding every covering bigram. Where
    /// the bigrams' first occurrences sit side by side, that is the phrase's first occurrence;
    /// elsewhere the document's stored text decides (and gives the first occurrence).
    private func phrase(_ scalars: [UInt32]) throws -> TermMatches {
        let offsets = QueryTerm.coveringOffsets(length: scalars.count)
        var lists: [TermMatches] = []
        for offset in offsets {
            guard let list = try gram([scalars[offset], scalars[offset + 1]]) else { return TermMatches() }
            lists.append(list)
        }
        var out = TermMatches()
        var cursors = [Int](repeating: 0, count: lists.count)
        docLoop: for (i0, doc) in lists[0].docs.enumerated() {
            for j in 1..<lists.count {
                let docs = lists[j].docs
                var c = cursors[j]
                while c < docs.count && docs[c] < doc { c += 1 }
                cursors[j] = c
                if c == docs.count { break docLoop }
                if docs[c] != doc { continue docLoop }
            }
            let first = lists[0].occurrences[i0]
            let aligned = (1..<lists.count).allSatisfy { j in
                lists[j].occurrences[cursors[j]] / 3 == first / 3 + Int32(offsets[j])
            }
            if aligned {
                out.docs.append(doc)
                out.occurrences.append(first)
            } else if let found = try QueryEngine(reader: reader).storedDocument(Int(doc)).firstOccurrence(of: scalars) {
                out.docs.append(doc)
                out.occurrences.append(Int32(found))
            }
        }
        return out
    }

    private func postingShard(_ id: String) throws -> PostingShard {
        try reader.file(id) { payload, file in try PostingShard(payload, file: file) }
    }
}

/// A decoded g or w file: per key its documents and first occurrences (decoded on demand), or
/// the number of its list file.
struct PostingShard {
    struct Entry {
        /// Offset of the columns in the shard's payload (nil: in list file `list`).
        let at: Int?
        let list: Int?
        let count: Int
    }

    private let payload: [UInt8]
    private var entries: [[UInt32]: Entry] = [:]
    /// In file order.
    private(set) var keys: [[UInt32]] = []
    /// How many list files the shard has.
    private(set) var lists = 0

    init(_ payload: [UInt8], file: String) throws {
        self.payload = payload
        var at = 0
        let malformed = SearchIndexError(location: "\(file):1:1", message: "postings are cut off or malformed")
        try payload.withUnsafeBufferPointer { bytes in
            func next() throws -> Int {
                guard at < bytes.count else { throw malformed }
                return Int(Varint.read(bytes, at: &at))
            }
            while at < bytes.count {
                let length = try next()
                guard length > 0, length <= 1024 else { throw malformed }
                var key: [UInt32] = []
                for _ in 0..<length { key.append(UInt32(truncatingIfNeeded: try next())) }
                let flagged = try next()
                if flagged & 1 == 1 {
                    entries[key] = Entry(at: nil, list: lists, count: flagged >> 1)
                    lists += 1
                } else {
                    entries[key] = Entry(at: at, list: nil, count: flagged >> 1)
                    for _ in 0..<flagged { _ = try next() }
                }
                keys.append(key)
            }
        }
    }

    /// The postings of `key` (nil: no such key) from this shard `id` or from its list file,
    /// whose payload `list(file id)` gives.
    func matches(of key: [UInt32], in id: String, list: (String) throws -> [UInt8]) throws -> TermMatches? {
        guard let entry = entries[key] else { return nil }
        guard let k = entry.list else {
            return PostingShard.columns(payload[(entry.at ?? 0)...], count: entry.count)?.list ?? TermMatches()
        }
        let file = IndexLayout.listFile(id, k)
        let bytes = try list(file)
        guard let matches = PostingShard.columns(bytes[...], count: entry.count), matches.end == bytes.count else {
            throw SearchIndexError(location: "\(IndexFile.fileName(file)):1:1", message: "postings are cut off or malformed")
        }
        return matches.list
    }

    /// `count` document gaps then `count` occurrences from the start of `bytes`; nil when cut off.
    static func columns(_ bytes: ArraySlice<UInt8>, count: Int) -> (list: TermMatches, end: Int)? {
        var out = TermMatches()
        out.docs.reserveCapacity(count)
        out.occurrences.reserveCapacity(count)
        let end = bytes.withUnsafeBufferPointer { bytes -> Int in
            var at = 0
            var doc = -1
            for _ in 0..<count where at < bytes.count {
                doc += Int(Varint.read(bytes, at: &at)) + 1
                out.docs.append(Int32(doc))
            }
            for _ in 0..<count where at < bytes.count {
                out.occurrences.append(Int32(Varint.read(bytes, at: &at)))
            }
            return at
        }
        guard out.docs.count == count, out.occurrences.count == count else { return nil }
        return (out, bytes.startIndex + end)
    }
}
