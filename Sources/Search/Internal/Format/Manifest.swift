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
    /// Facet names; the values of the i-th are in file `f-<i>` (`FacetValues`).
    let facets: [String]
}

/// The decoded `f-<i>.js`: one facet's values, sorted; the documents of the j-th value are in
/// file `f-<i>-<j>`.
struct FacetValues: Decodable {
    struct Value: Decodable { let value: String; let label: String; let count: Int }
    let name: String
    let values: [Value]
}
