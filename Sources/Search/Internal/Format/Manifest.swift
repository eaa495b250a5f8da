/// The decoded `index.js`.
struct Manifest: Decodable {
    struct Shards: Decodable { let g: Int; let w: Int; let d: Int }

    let format: String
    let version: Int
    let documents: Int
    let docsPerShard: Int
    /// A three-scalar term whose two bigrams are in at least this many documents each is
    /// answered by its trigram's list (`IndexLayout.trigramMinimum`).
    let trigramMinimum: Int
    let shards: Shards
    let wordKeys: [String]
    /// Facet names; their values are in `facets.js` (`FacetValues`).
    let facets: [String]
}

/// The decoded `facets.js`.
struct FacetValues: Decodable {
    struct Value: Decodable { let value: String; let label: String; let count: Int; let shard: String }
    struct Facet: Decodable { let name: String; let values: [Value] }
    let facets: [Facet]

    init(from decoder: Decoder) throws { facets = try [Facet](from: decoder) }
}
