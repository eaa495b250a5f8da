/// The decoded `index.js`.
struct Manifest: Decodable {
    struct Shards: Decodable { let g: Int; let p: Int; let w: Int; let d: Int }
    struct FacetValue: Decodable { let value: String; let label: String; let count: Int; let shard: String }
    struct Facet: Decodable { let name: String; let values: [FacetValue] }

    let format: String
    let version: Int
    let documents: Int
    let docsPerShard: Int
    let shards: Shards
    let wordKeys: [String]
    let facets: [Facet]
}
