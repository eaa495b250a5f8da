/// Document data for showing results: `[url, title, type, date|null, [headings], body, meta]`
/// with headings/body/meta in their stored NFKC form (what snippets are cut from). A shard
/// holds `docsPerShard` consecutive document ids.
enum DocShardWriter {
    static func entry(_ doc: SearchDocument, text: DocumentText) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        JSONWriter.appendString(doc.url, to: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.appendString(doc.title, to: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.appendString(doc.type, to: &out)
        out.append(UInt8(ascii: ","))
        if let date = doc.date { JSONWriter.appendString(date, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
        out.append(contentsOf: Array(",[".utf8))
        let fields = text.jsonFields
        let headings = fields.count >= 3 ? fields[1..<(fields.count - 2)] : []
        for (i, heading) in headings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: heading)
        }
        out.append(contentsOf: Array("],".utf8))
        out.append(contentsOf: fields.count >= 2 ? fields[fields.count - 2] : Array("\"\"".utf8))
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: fields.last ?? Array("\"\"".utf8))
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func shards(_ entries: [[UInt8]]) -> (files: [(id: String, json: [UInt8])], docsPerShard: Int) {
        let total = entries.reduce(0) { $0 + $1.count + 1 }
        let average = entries.isEmpty ? 1 : max(1, total / entries.count)
        let perShard = max(1, min(256, IndexLayout.docTarget / average))
        var files: [(id: String, json: [UInt8])] = []
        var start = 0
        while start < entries.count {
            let end = min(start + perShard, entries.count)
            var json: [UInt8] = [UInt8(ascii: "[")]
            for i in start..<end {
                if i > start { json.append(UInt8(ascii: ",")) }
                json.append(contentsOf: entries[i])
            }
            json.append(UInt8(ascii: "]"))
            files.append((IndexLayout.docShard(files.count), json))
            start = end
        }
        return (files, perShard)
    }
}
