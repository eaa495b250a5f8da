/// `index.js`: format, version, shard counts, Latin word shard keys and the facets (value,
/// display label, count, shard) that the filter UI is built from.
enum ManifestWriter {
    static func file(documents: Int, docsPerShard: Int, docShards: Int, postings: IndexAccumulator,
                     labels: SearchFacetLabels) -> (id: String, json: [UInt8]) {
        var out: [UInt8] = []
        func raw(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
        func str(_ s: String) { JSONWriter.appendString(s, to: &out) }
        func int(_ v: Int) { JSONWriter.appendInt(v, to: &out) }

        raw("{\"format\":"); str(IndexLayout.format)
        raw(",\"version\":"); int(IndexLayout.version)
        raw(",\"documents\":"); int(documents)
        raw(",\"docsPerShard\":"); int(docsPerShard)
        raw(",\"shards\":{\"g\":"); int(postings.gramShards)
        raw(",\"p\":"); int(postings.positionShards)
        raw(",\"w\":"); int(postings.wordShards)
        raw(",\"d\":"); int(docShards)
        raw("},\"wordKeys\":[")
        for (i, key) in postings.wordKeys.enumerated() {
            if i > 0 { raw(",") }
            str(key)
        }
        raw("],\"facets\":[")
        for (i, facet) in postings.facetValues.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"name\":"); str(facet.facet)
            raw(",\"values\":[")
            for (j, value) in facet.values.enumerated() {
                if j > 0 { raw(",") }
                raw("{\"value\":"); str(value.value)
                raw(",\"label\":"); str(labels.label(facet: facet.facet, value: value.value))
                raw(",\"count\":"); int(value.count)
                raw(",\"shard\":"); str(value.shard)
                raw("}")
            }
            raw("]}")
        }
        raw("]}")
        return (IndexLayout.manifestID, out)
    }
}
