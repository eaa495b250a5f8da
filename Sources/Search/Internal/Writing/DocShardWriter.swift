import Foundation

/// Document data for showing results and checking phrases: `[url, title, type, date|null,
/// [headings], body, meta, searched title|null, [field, start, length, "original", …]]` with
/// headings/body/meta in their searched form (NFKC, whitespace collapsed), the title's searched
/// form when it differs from the title, and where the searched form differs from what was
/// written (field in text order: 0 title, headings, body, meta; start and length in scalars),
/// so that snippets show the note's own words. A shard
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
        // The title as searched (NFKC, spaces collapsed) when it differs from the title shown.
        var shown: [UInt8] = []
        JSONWriter.appendString(doc.title, to: &shown)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: fields.first.map { $0 == shown ? Array("null".utf8) : $0 } ?? Array("null".utf8))
        // What NFKC changed in headings, body and meta (the title is stored as written).
        out.append(contentsOf: Array(",[".utf8))
        var first = true
        for (field, restores) in text.restores.enumerated() where field > 0 {
            for r in restores {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                for n in [field, r.start, r.length] {
                    JSONWriter.appendInt(n, to: &out)
                    out.append(UInt8(ascii: ","))
                }
                JSONWriter.appendString(IndexAccumulator.string(r.original), to: &out)
            }
        }
        out.append(contentsOf: Array("]]".utf8))
        return out
    }

    /// One d shard's payload: the JSON array of its documents' entries (a session's patch
    /// makes a shard here too).
    static func shard(_ entries: some Collection<[UInt8]>) -> [UInt8] {
        var json: [UInt8] = [UInt8(ascii: "[")]
        json.reserveCapacity(entries.reduce(2) { $0 + $1.count + 1 })
        for (i, entry) in entries.enumerated() {
            if i > 0 { json.append(UInt8(ascii: ",")) }
            json.append(contentsOf: entry)
        }
        json.append(UInt8(ascii: "]"))
        return json
    }

    /// Documents per shard from the size of the input fields, known before any entry is built,
    /// so shards can be written while the analysis runs instead of holding every entry until
    /// the end. (Stored fields are NFKC of the input and JSON-escaped; for our text that is
    /// about the input size.)
    static func docsPerShard(_ documents: [SearchDocument]) -> Int {
        docsPerShard(documents.map { SearchDocumentOutline($0) })
    }

    static func docsPerShard(_ documents: [SearchDocumentOutline]) -> Int {
        guard !documents.isEmpty else { return 1 }
        let total = documents.reduce(0) { $0 + $1.inputSize }
        return max(1, min(256, IndexLayout.docTarget / max(1, total / documents.count)))
    }
}

/// Collects document entries in id order and emits every shard as soon as it is complete.
struct DocShardStream {
    let perShard: Int
    private var pending: [[UInt8]] = []
    private(set) var shards = 0

    init(perShard: Int) { self.perShard = perShard }

    mutating func append(_ entry: [UInt8]) { pending.append(entry) }

    /// Emits the complete shards (all of them when `final`), in parallel.
    mutating func flush(final: Bool, emit: ShardSink) {
        let ready = final ? (pending.count + perShard - 1) / perShard : pending.count / perShard
        guard ready > 0 else { return }
        let (first, perShard) = (shards, self.perShard)
        pending.withUnsafeBufferPointer { all in
            DispatchQueue.concurrentPerform(iterations: ready) { k in
                let start = k * perShard, end = min(start + perShard, all.count)
                emit(IndexLayout.docShard(first + k), DocShardWriter.shard(all[start..<end]))
            }
        }
        pending.removeFirst(min(pending.count, ready * perShard))
        shards += ready
    }
}
