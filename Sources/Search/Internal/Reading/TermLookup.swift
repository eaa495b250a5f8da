/// Finds the documents of each kind of term in the files of a reader.
struct TermLookup {
    let reader: SearchIndexReader

    func matches(_ term: QueryTerm) throws -> TermMatches {
        switch term.kind {
        case .word(let prefix):
            return try words(term.scalars, prefix: prefix)
        case .substring where term.scalars.count <= 2:
            return try gram(term.scalars) ?? TermMatches()
        case .substring where term.scalars.count == 3:
            return try trigram(term.scalars)
        case .substring:
            return try phrase(term.scalars)
        }
    }

    /// A gram's documents with field classes, or (`positions`, bigrams) first occurrences.
    private func gram(_ scalars: [UInt32], positions: Bool = false) throws -> TermMatches? {
        let id = gramShardID(scalars)
        return try postings(of: scalars, in: id, grams: true, positions: positions)
    }

    private func gramShardID(_ scalars: [UInt32]) -> String {
        IndexLayout.gramShard(ShardHash.shard(of: scalars, count: reader.manifest.shards.g))
    }

    /// The postings of `key` in shard `id`, from the shard or from the key's own list file (and
    /// positions file).
    private func postings(of key: [UInt32], in id: String, grams: Bool, positions: Bool) throws -> TermMatches? {
        try postingShard(id, grams: grams).matches(of: key, in: id, positions: positions) { list in
            try reader.file(list) { payload, _ in payload }
        }
    }

    /// A substring of 3 scalars: when both of its bigrams are in at least `trigramMinimum`
    /// documents, exactly its trigram's list (no list: no document); else as a phrase.
    private func trigram(_ scalars: [UInt32]) throws -> TermMatches {
        let ab = Array(scalars[0..<2]), bc = Array(scalars[1..<3])
        guard let n1 = try postingShard(gramShardID(ab), grams: true).count(of: ab),
              let n2 = try postingShard(gramShardID(bc), grams: true).count(of: bc) else { return TermMatches() }
        let minimum = reader.manifest.trigramMinimum
        guard n1 >= minimum, n2 >= minimum else { return try phrase(scalars) }
        return try gram(scalars) ?? TermMatches()
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
            for key in try postingShard(id, grams: false).keys where prefix ? key.starts(with: scalars) : key == scalars {
                if let list = try postings(of: key, in: id, grams: false, positions: false) { lists.append(list) }
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
            guard let list = try gram([scalars[offset], scalars[offset + 1]], positions: true) else { return TermMatches() }
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

    private func postingShard(_ id: String, grams: Bool) throws -> PostingShard {
        try reader.file(id) { payload, file in try PostingShard(payload, file: file, grams: grams) }
    }
}

/// A decoded g or w file: per key its documents and field classes (`gap × 3 + class` each; a
/// bigram's in columns of gaps, classes and positions; decoded on demand), or the number of its
/// list file.
struct PostingShard {
    struct Entry {
        /// Offset of the columns in the shard's payload (nil: in list file `list`).
        let at: Int?
        let list: Int?
        let count: Int
        /// A positions column follows the classes (bigrams of g shards).
        let positions: Bool
    }

    private let payload: [UInt8]
    private var entries: [[UInt32]: Entry] = [:]
    /// In file order.
    private(set) var keys: [[UInt32]] = []
    /// How many list files the shard has.
    private(set) var lists = 0

    /// `grams`: a g shard, whose bigram entries carry positions.
    init(_ payload: [UInt8], file: String, grams: Bool) throws {
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
                let positions = ShardEntry.hasPositions(key, grams: grams)
                if flagged & 1 == 1 {
                    entries[key] = Entry(at: nil, list: lists, count: flagged >> 1, positions: positions)
                    lists += 1
                } else {
                    entries[key] = Entry(at: at, list: nil, count: flagged >> 1, positions: positions)
                    for _ in 0..<((positions ? 3 : 1) * (flagged >> 1)) { _ = try next() }
                }
                keys.append(key)
            }
        }
    }

    /// How many documents hold `key` (nil: none), without loading its list.
    func count(of key: [UInt32]) -> Int? { entries[key]?.count }

    /// The postings of `key` (nil: no such key) from this shard `id` or from its list file,
    /// whose payload `list(file id)` gives. Values are field classes, or with `positions` (a
    /// bigram's list) first occurrences; a long list's positions come from its positions file.
    func matches(of key: [UInt32], in id: String, positions: Bool = false,
                 list: (String) throws -> [UInt8]) throws -> TermMatches? {
        guard let entry = entries[key] else { return nil }
        guard let k = entry.list else {
            let at = entry.at ?? 0
            let columns = entry.positions
                ? PostingShard.columns(payload[at...], count: entry.count, positions: payload[at...])
                : PostingShard.packed(payload[at...], count: entry.count)
            return columns?.list ?? TermMatches()
        }
        let file = IndexLayout.listFile(id, k)
        let bytes = try list(file)
        let columns = entry.positions ? PostingShard.columns(bytes[...], count: entry.count) : PostingShard.packed(bytes[...], count: entry.count)
        guard let matches = columns, matches.end == bytes.count else {
            throw SearchIndexError(location: "\(IndexFile.fileName(file)):1:1", message: "postings are cut off or malformed")
        }
        guard positions && entry.positions else { return matches.list }
        let positionsFile = IndexLayout.positionsFile(id, k)
        let positionBytes = try list(positionsFile)
        var out = matches.list
        guard PostingShard.addPositions(positionBytes[...], to: &out) == positionBytes.count else {
            throw SearchIndexError(location: "\(IndexFile.fileName(positionsFile)):1:1", message: "postings are cut off or malformed")
        }
        return out
    }

    /// `count` values `gap × 3 + field class` from the start of `bytes` (a list without
    /// positions); nil when cut off.
    static func packed(_ bytes: ArraySlice<UInt8>, count: Int) -> (list: TermMatches, end: Int)? {
        var out = TermMatches()
        out.docs.reserveCapacity(count)
        out.occurrences.reserveCapacity(count)
        let end = bytes.withUnsafeBufferPointer { bytes -> Int in
            var at = 0
            var doc = -1
            for _ in 0..<count where at < bytes.count {
                let value = Int(Varint.read(bytes, at: &at))
                doc += value / 3 + 1
                out.docs.append(Int32(doc))
                out.occurrences.append(Int32(value % 3))
            }
            return at
        }
        guard out.docs.count == count else { return nil }
        return (out, bytes.startIndex + end)
    }

    /// A bigram's list: `count` document gaps then `count` field classes from the start of `bytes` and, when
    /// `positions` is the same bytes, the `count` positions after them; nil when cut off.
    static func columns(_ bytes: ArraySlice<UInt8>, count: Int, positions: ArraySlice<UInt8>? = nil) -> (list: TermMatches, end: Int)? {
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
        guard let positions else { return (out, bytes.startIndex + end) }
        let after = positions.startIndex + end
        let read = addPositions(positions[after...], to: &out)
        guard read >= 0 else { return nil }
        return (out, after + read)
    }

    /// Adds a positions column (one per document of `list`) from the start of `bytes` to the
    /// field classes: `occurrence = position × 3 + class`. Bytes read, or -1 when cut off.
    static func addPositions(_ bytes: ArraySlice<UInt8>, to list: inout TermMatches) -> Int {
        bytes.withUnsafeBufferPointer { bytes -> Int in
            var at = 0
            for i in list.occurrences.indices {
                guard at < bytes.count else { return -1 }
                list.occurrences[i] += 3 * Int32(truncatingIfNeeded: Varint.read(bytes, at: &at))
            }
            return at
        }
    }
}
