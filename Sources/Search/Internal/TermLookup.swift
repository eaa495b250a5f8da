/// Finds the documents of each kind of term in the shards of a reader.
struct TermLookup {
    let reader: SearchIndexReader

    func matches(_ term: QueryTerm) throws -> TermMatches {
        switch term.kind {
        case .word(let prefix):
            return try words(term.scalars, prefix: prefix)
        case .substring where term.scalars.count <= 2:
            let shard = IndexLayout.gramShard(ShardHash.shard(of: term.scalars, count: reader.manifest.shards.g))
            if let postings = try pairs(shard)[term.scalars] { return TermMatches(postings: postings) }
            if term.scalars.count == 1 { return TermMatches() }
            // Bigrams without a document-level copy: read it off their positions.
            let positionShard = IndexLayout.positionShard(ShardHash.shard(of: term.scalars, count: reader.manifest.shards.p))
            guard let postings = try pairs(positionShard)[term.scalars] else { return TermMatches() }
            return PositionList(postings: postings).documentMatches
        case .substring:
            return try phrase(term.scalars)
        }
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
            for (word, postings) in try wordPairs(IndexLayout.wordShard(shard)) {
                let matches = prefix ? word.starts(with: scalars) : word == scalars
                if matches { lists.append(TermMatches(postings: postings)) }
            }
        }
        return lists.isEmpty ? TermMatches() : TermMatches.union(lists)
    }

    /// A substring of 3+ scalars: documents where the covering bigrams sit at the right offsets.
    private func phrase(_ scalars: [UInt32]) throws -> TermMatches {
        let offsets = QueryTerm.coveringOffsets(length: scalars.count)
        var lists: [PositionList] = []
        for offset in offsets {
            let gram = [scalars[offset], scalars[offset + 1]]
            let shard = IndexLayout.positionShard(ShardHash.shard(of: gram, count: reader.manifest.shards.p))
            guard let postings = try pairs(shard)[gram] else { return TermMatches() }
            lists.append(PositionList(postings: postings))
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
            for v in lists[0].values(at: i0) {
                let p = v / 3
                var all = true
                for j in 1..<lists.count where !PhraseCheck.contains(lists[j].values(at: cursors[j]), position: p + Int32(offsets[j])) {
                    all = false
                    break
                }
                if all {
                    out.docs.append(doc)
                    out.infos.append(Int32(OccurrenceInfo.make(position: Int(p), fieldClass: Int(v % 3))))
                    break
                }
            }
        }
        return out
    }

    /// Keyed by scalar values: String keys would merge canonically equivalent grams.
    private func pairs(_ id: String) throws -> [[UInt32]: String] {
        try reader.shard(id) { value, file in
            var map: [[UInt32]: String] = [:]
            for (key, postings) in try FlatPairs.decode(value, file: file) {
                map[key.unicodeScalars.map(\.value)] = postings
            }
            return map
        }
    }

    private func wordPairs(_ id: String) throws -> [([UInt32], String)] {
        try reader.shard(id) { value, file in
            try FlatPairs.decode(value, file: file).map { (Array($0.0.unicodeScalars.map(\.value)), $0.1) }
        }
    }
}

enum PhraseCheck {
    /// Binary search for a position among values (position × 3 + class), ascending.
    static func contains(_ values: ArraySlice<Int32>, position: Int32) -> Bool {
        var lo = values.startIndex, hi = values.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            let p = values[mid] / 3
            if p == position { return true }
            if p < position { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}

enum FlatPairs {
    static func decode(_ value: Any, file: String) throws -> [(String, String)] {
        guard let array = value as? [Any], array.count % 2 == 0 else {
            throw SearchIndexError(location: "\(file):1:1", message: "expected a flat array of key/postings pairs")
        }
        var out: [(String, String)] = []
        out.reserveCapacity(array.count / 2)
        var i = 0
        while i < array.count {
            guard let key = array[i] as? String, let postings = array[i + 1] as? String else {
                throw SearchIndexError(location: "\(file):1:1", message: "pair \(i / 2) is not two strings")
            }
            out.append((key, postings))
            i += 2
        }
        return out
    }
}
