/// `index.js`, the one file read before any query: format, version, shard counts, Latin word
/// shard keys and the facet names. The values of the i-th facet (value, display label, count) are
/// in `f-<i>.js`, which readers load only for a filter on that facet and for the filter UI.
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

    /// The payload of each facet's file `f-<i>` (JSON, compressed like every file but the
    /// manifest), by file id.
    static func facetFiles(_ facetValues: FacetList, labels: SearchFacetLabels) -> [(id: String, payload: [UInt8])] {
        facetValues.enumerated().map { i, facet in (IndexLayout.facetFile(i), Self.facet(facet, labels: labels)) }
    }

    /// `{"name":…,"values":[{"value":…,"label":…,"count":…},…]}`; the j-th value's documents are
    /// in `f-<i>-<j>`.
    static func facet(_ facet: (facet: String, values: [(value: String, count: Int, shard: String)]),
                      labels: SearchFacetLabels) -> [UInt8] {
        var out: [UInt8] = []
        func raw(_ s: String) { out.append(contentsOf: Array(s.utf8)) }
        func str(_ s: String) { JSONWriter.appendString(s, to: &out) }
        raw("{\"name\":"); str(facet.facet)
        raw(",\"values\":[")
        for (j, value) in facet.values.enumerated() {
            if j > 0 { raw(",") }
            raw("{\"value\":"); str(value.value)
            raw(",\"label\":"); str(labels.label(facet: facet.facet, value: value.value))
            raw(",\"count\":"); JSONWriter.appendInt(value.count, to: &out)
            raw("}")
        }
        raw("]}")
        return out
    }
}
