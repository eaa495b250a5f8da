/// `index.js`, the one file read before any query: format, version, shard counts, Latin word
/// shard keys and the facet names. The facet values (value, display label, count, list shard)
/// are in `facets.js`, which readers load only for filters and the filter UI.
enum ManifestWriter {
    static func manifest(_ shape: IndexShape) -> [UInt8] {
        var out: [UInt8] = []
        func raw(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
        func str(_ s: String) { JSONWriter.appendString(s, to: &out) }
        func int(_ v: Int) { JSONWriter.appendInt(v, to: &out) }

        raw("{\"format\":"); str(IndexLayout.format)
        raw(",\"version\":"); int(IndexLayout.version)
        raw(",\"documents\":"); int(shape.documents)
        raw(",\"docsPerShard\":"); int(shape.docsPerShard)
        raw(",\"trigramMinimum\":"); int(shape.trigramMinimum)
        raw(",\"shards\":{\"g\":"); int(shape.gramShards)
        raw(",\"w\":"); int(shape.wordShards)
        raw(",\"d\":"); int(shape.docShards)
        raw("},\"wordKeys\":[")
        for (i, key) in shape.wordKeys.enumerated() {
            if i > 0 { raw(",") }
            str(key)
        }
        raw("],\"facets\":[")
        for (i, facet) in shape.facetValues.enumerated() {
            if i > 0 { raw(",") }
            str(facet.facet)
        }
        raw("]}")
        return out
    }

    /// The payload of `facets.js` (JSON, compressed like every file but the manifest).
    static func facets(_ facetValues: FacetList, labels: SearchFacetLabels) -> [UInt8] {
        var out: [UInt8] = []
        func raw(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
        func str(_ s: String) { JSONWriter.appendString(s, to: &out) }
        raw("[")
        for (i, facet) in facetValues.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"name\":"); str(facet.facet)
            raw(",\"values\":[")
            for (j, value) in facet.values.enumerated() {
                if j > 0 { raw(",") }
                raw("{\"value\":"); str(value.value)
                raw(",\"label\":"); str(labels.label(facet: facet.facet, value: value.value))
                raw(",\"count\":"); JSONWriter.appendInt(value.count, to: &out)
                raw(",\"shard\":"); str(value.shard)
                raw("}")
            }
            raw("]}")
        }
        raw("]")
        return out
    }
}
