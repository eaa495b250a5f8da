/// Document postings as they are built (documents arrive in id order), where gap = id −
/// previous id − 1: a bigram's per document `gap, occurrence` as varints (occurrence: the
/// `Occurrence` of the first appearance; written to the file in columns by `ShardEntry`), any
/// other list's one varint `gap × 3 + field class` per document (written as it is).
struct DocPostingBuilder {
    var bytes = ChunkedBytes()
    var lastDoc = -1
    private(set) var documents = 0

    @inline(__always)
    mutating func add(doc: Int, occurrence: Int) {
        // gap < 2^35 (5 varint bytes), occurrence < 2^35
        let gap = doc - lastDoc - 1
        bytes.write(maximum: 10) { w in
            w.putVarint(gap)
            w.putVarint(occurrence)
        }
        lastDoc = doc
        documents += 1
    }

    /// A list without positions: one varint `gap × 3 + field class` a document.
    @inline(__always)
    mutating func add(doc: Int, fieldClass: Int) {
        let value = (doc - lastDoc - 1) * 3 + fieldClass
        bytes.write(maximum: 10) { w in w.putVarint(value) }
        lastDoc = doc
        documents += 1
    }
}

/// A byte list kept in chunks that double in size up to 16 KB. Growing never copies what is
/// already written, and the unused tail is at most one chunk — a plain array's doubling would
/// leave up to the whole list unused (and briefly hold two copies) for the large position
/// lists; a small largest chunk keeps that slack small when there are many large lists.
/// Writers get a raw pointer into the last chunk (`write`), not a per-byte `append`.
struct ChunkedBytes {
    private(set) var full: [[UInt8]] = []
    /// The chunk being filled: its first `tailCount` bytes are written.
    private var tail: [UInt8] = []
    private var tailCount = 0
    private var fullCount = 0
    static let largestChunk = 16 * 1024

    var count: Int { fullCount + tailCount }
    var chunks: [[UInt8]] { tailCount == 0 ? full : full + [Array(tail[0..<tailCount])] }

    /// Lets `body` write at most `maximum` bytes at the end; a record written in one call never
    /// spans two chunks.
    @inline(__always)
    mutating func write(maximum: Int, _ body: (inout ByteWriter) -> Void) {
        if tail.count - tailCount < maximum { startChunk(maximum) }
        let start = tailCount
        tailCount += tail.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var writer = ByteWriter(base + start)
            body(&writer)
            return writer.count
        }
    }

    private mutating func startChunk(_ n: Int) {
        let size = max(n, min(max(64, tail.count * 2), ChunkedBytes.largestChunk))
        finishTail()
        tail = [UInt8](repeating: 0, count: size)
    }

    private mutating func finishTail() {
        guard tailCount > 0 else { return }
        tail.removeLast(tail.count - tailCount)
        fullCount += tailCount
        full.append(tail)
        tail = []
        tailCount = 0
    }

    /// The chunks, handed over without a copy; the list is empty afterwards.
    mutating func takeChunks() -> [[UInt8]] {
        finishTail()
        let out = full
        self = ChunkedBytes()
        return out
    }

    func joined() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for chunk in chunks { out.append(contentsOf: chunk) }
        return out
    }
}

