/// Names and sizes of the index files; documented in docs/search-index.md.
enum IndexLayout {
    static let format = "densho-search"
    static let version = 5
    static let manifestID = "index"
    /// Versions 2–4 kept every facet's values in one file, `facets.js`; a rebuild removes it.
    static let oldFacetsFileName = "facets.js"

    /// Shard families: g = unigram, bigram and trigram document postings (p = positions of long
    /// bigram lists), w = Latin word postings, d = document data, f = facets: `f-<i>` the values
    /// of the manifest's i-th facet, `f-<i>-<j>` the documents of its j-th value.
    static func gramShard(_ n: Int) -> String { "g-\(n)" }
    static func wordShard(_ n: Int) -> String { "w-\(n)" }
    static func docShard(_ n: Int) -> String { "d-\(n)" }
    static func facetFile(_ facet: Int) -> String { "f-\(facet)" }
    static func facetList(_ facet: Int, _ value: Int) -> String { "f-\(facet)-\(value)" }

    /// Target payload bytes per shard (before compression); counts follow from the corpus so
    /// files stay small.
    static let gramTarget = 2 * 1024
    static let wordTarget = 8 * 1024
    static let docTarget = 16 * 1024

    /// Posting lists longer than this (bytes of gaps and occurrences, before compression) are
    /// files of their own, `<shard>-<k>`: see `ShardEntry.emit`.
    static let listLimit = 2 * 1024

    static func listFile(_ shard: String, _ k: Int) -> String { "\(shard)-\(k)" }

    /// The positions of long bigram list `g-<n>-<k>` are file `p-<n>-<k>`: a term of one or two
    /// scalars reads only the list file (gaps and field classes), a phrase both.
    static func positionsFile(_ shard: String, _ k: Int) -> String { "p" + listFile(shard, k).dropFirst() }

    /// A trigram has a document list when both of its bigrams occur in at least this many
    /// documents (there, checking a three-scalar term by bigram positions costs the most bytes;
    /// below it, the bigram lists with their positions are small). 256, and for small sites a
    /// sixteenth of the documents (at least 2), so that their trigram lists stay few.
    static func trigramMinimum(documents: Int) -> Int { min(256, max(2, (documents + 15) / 16)) }

    /// About `totalBytes / target`, rounded up to four significant bits above 16 (17 → 18,
    /// 6,630 → 6,656): a count that followed every byte would move — and send every key to another
    /// shard — with one edit in twenty at 2 KB a shard, and a watch session would then build the
    /// whole index again instead of patching it; rounded, it moves when the index grows by 6–12 %.
    static func shardCount(totalBytes: Int, target: Int) -> Int {
        let exact = max(1, (totalBytes + target - 1) / target)
        guard exact > 16 else { return exact }
        let shift = (Int.bitWidth - exact.leadingZeroBitCount) - 4
        return ((exact + (1 << shift) - 1) >> shift) << shift
    }

    /// A Latin word lives in the shard of its first two scalars, so every word with a given
    /// prefix of two or more scalars is in one shard.
    static func wordKey(_ scalars: some Collection<UInt32>) -> ArraySlice<UInt32> {
        Array(scalars).prefix(2)
    }

    /// Facets in the order the filter UI shows them; unknown facets follow by name.
    static let facetOrder = ["type", "theme", "company", "person", "partner", "year"]

    /// Our file names (`g-12.js`, list files `g-12-0.js`, positions `p-12-0.js`, facets `f-2.js`
    /// and their lists `f-2-40.js`; `p-12.js` was version 1's bigram positions, `facets.js`
    /// versions 2–4's facet values), so a rebuild removes them.
    static func isShardFileName(_ name: String) -> Bool {
        if name == oldFacetsFileName { return true }
        let scalars = Array(name.unicodeScalars)
        guard scalars.count > 5, "gpwdf".unicodeScalars.contains(scalars[0]), scalars[1] == "-",
              name.hasSuffix(".js") else { return false }
        let numbers = String(String.UnicodeScalarView(scalars[2..<(scalars.count - 3)])).split(separator: "-", omittingEmptySubsequences: false)
        return numbers.count <= 2 && numbers.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 } }
    }
}

/// Document ids are assigned in this order, which is also the final ranking tie-break:
/// newer `date` first, undated last, then `url` (by Unicode scalar values), then input order.
enum DocumentOrder {
    static func order(_ documents: [SearchDocument]) -> [Int] {
        order(documents.map { SearchDocumentOutline($0) })
    }

    static func order(_ documents: [SearchDocumentOutline]) -> [Int] {
        documents.indices.sorted { a, b in
            let da = documents[a].date, db = documents[b].date
            if da != db {
                guard let x = da else { return false }
                guard let y = db else { return true }
                if x != y { return scalarLess(y, x) }
            }
            let ua = documents[a].url, ub = documents[b].url
            if ua != ub { return scalarLess(ua, ub) }
            return a < b
        }
    }

    static func scalarLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
