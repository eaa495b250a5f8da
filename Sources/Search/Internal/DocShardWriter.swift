import Foundation

/// Document data for showing results: `[url, title, type, date|null, [headings], body, meta]`
/// with headings/body/meta in their stored NFKC form (what snippets are cut from). A shard
/// holds `docsPerShard` consecutive document ids.
enum DocShardWriter {
    static func entry(_ doc: SearchDocument, text: DocumentText) -> [UInt8] {
        // Reserved up front: the entry lives until the end of analysis, so growth slack would
        // cost as much as the document text again.
        var out: [UInt8] = []
        out.reserveCapacity(text.jsonFields.reduce(doc.url.utf8.count + doc.title.utf8.count * 2 + 64) { $0 + $1.count + 1 })
        out.append(UInt8(ascii: "["))
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

    /// Cuts the entries into shard files and emits them in parallel, releasing each entry once
    /// its shard is encoded (the caller passes its only reference).
    static func emitShards(_ entries: inout [[UInt8]], emit: ShardSink) -> (count: Int, docsPerShard: Int) {
        let total = entries.reduce(0) { $0 + $1.count + 1 }
        let average = entries.isEmpty ? 1 : max(1, total / entries.count)
        let perShard = max(1, min(256, IndexLayout.docTarget / average))
        let count = (entries.count + perShard - 1) / perShard
        entries.withUnsafeMutableBufferPointer { buffer in
            let all = buffer
            DispatchQueue.concurrentPerform(iterations: count) { shard in
                let start = shard * perShard, end = min(start + perShard, all.count)
                var json: [UInt8] = [UInt8(ascii: "[")]
                json.reserveCapacity(all[start..<end].reduce(2) { $0 + $1.count + 1 })
                for i in start..<end {
                    if i > start { json.append(UInt8(ascii: ",")) }
                    json.append(contentsOf: all[i])
                    all[i] = []
                }
                json.append(UInt8(ascii: "]"))
                emit(IndexLayout.docShard(shard), json)
            }
        }
        return (count, perShard)
    }
}
