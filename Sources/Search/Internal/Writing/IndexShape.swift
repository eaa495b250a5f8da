/// Facet names in order, each with its values (sorted), their counts and list files.
typealias FacetList = [(facet: String, values: [(value: String, count: Int, shard: String)])]

/// What the manifest and the facet files `f-<i>` are made of, and the sizes that fix the shard
/// counts: the writer makes those files from it, and a session keeps it to patch them after an edit.
struct IndexShape {
    var documents: Int
    var docsPerShard: Int
    var docShards: Int
    var gramShards: Int
    var wordShards: Int
    /// `ShardEntry.count` summed over every gram / word: the shard counts follow from these.
    var gramBytes: Int
    var wordBytes: Int
    /// `IndexLayout.trigramMinimum` for this many documents, and the bigrams (`BigramKey`) in at
    /// least that many: exactly the trigrams of two of them have lists.
    var trigramMinimum: Int
    var frequentBigrams: Set<UInt64>
    /// The first two scalars of every Latin word, sorted by scalar values.
    var wordKeys: [String]
    /// facet → value → document ids (ascending).
    var facets: [String: [String: [Int]]]
    var facetValues: FacetList

    init(documents: Int, docsPerShard: Int, docShards: Int, postings: IndexAccumulator) {
        self.documents = documents
        self.docsPerShard = docsPerShard
        self.docShards = docShards
        gramShards = postings.gramShards
        wordShards = postings.wordShards
        gramBytes = postings.gramBytes
        wordBytes = postings.wordBytes
        trigramMinimum = postings.trigramMinimum
        frequentBigrams = postings.frequentBigrams
        wordKeys = postings.wordKeys
        facets = postings.facets
        facetValues = postings.facetValues
    }
}
