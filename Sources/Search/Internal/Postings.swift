/// Document-level postings as they are built (documents arrive in id order): per document
/// `gap, info` where gap = id − previous id − 1 and info = `OccurrenceInfo` of the first
/// occurrence. Held as varints (`Varint`), written as VLQ; `vlqCount` is the size in the file.
struct DocPostingBuilder {
    var bytes = ChunkedBytes()
    var lastDoc = -1
    private(set) var vlqCount = 0

    @inline(__always)
    mutating func add(doc: Int, info: Int) {
        // gap < 2^35 (5 varint bytes), info < 2^10 (2 bytes)
        let gap = doc - lastDoc - 1
        bytes.write(maximum: 7) { w in
            w.putVarint(gap)
            w.putVarint(info)
        }
        vlqCount += Varint.vlqLength(gap) + Varint.vlqLength(info)
        lastDoc = doc
    }

    /// The list as it appears in the file (VLQ digits).
    func vlq() -> [UInt8] { Varint.vlq(bytes.chunks, count: vlqCount) }
}

/// Positional postings of one bigram: per document `head, [count − 2], v0, d1, d2…` where
/// head = gap × 2 + (1 when the bigram occurs more than once), v = position × 3 + field class,
/// v0 is the first value and dᵢ = vᵢ − vᵢ₋₁ − 1. (Most pairs occur once in a document, so the
/// count usually costs nothing.) Held as varints, written as VLQ; `vlqCount` is the file size.
struct PositionPostingBuilder {
    var bytes = ChunkedBytes()
    var lastDoc = -1
    var documents = 0
    private(set) var vlqCount = 0

    mutating func add(doc: Int, values: ArraySlice<Int32>) {
        values.withUnsafeBufferPointer { add(doc: doc, values: $0) }
    }

    @inline(__always)
    mutating func add(doc: Int, values: UnsafeBufferPointer<Int32>) {
        // Gaps and values stay below 2^35: at most 5 varint bytes each. A document's numbers
        // always land in one chunk, so chunks can be read on their own.
        var size = 0
        let gap = doc - lastDoc - 1
        let head = gap * 2 + (values.count > 1 ? 1 : 0)
        bytes.write(maximum: (values.count + 2) * 5) { w in
            w.putVarint(head)
            size += Varint.vlqLength(head)
            if values.count > 1 {
                w.putVarint(values.count - 2)
                size += Varint.vlqLength(values.count - 2)
            }
            var previous = -1
            for v in values {
                let d = Int(v) - previous - 1
                w.putVarint(d)
                size += Varint.vlqLength(d)
                previous = Int(v)
            }
        }
        vlqCount += size
        lastDoc = doc
        documents += 1
    }

    /// The list as it appears in the file (VLQ digits).
    func vlq() -> [UInt8] { Varint.vlq(bytes.chunks, count: vlqCount) }

    /// The document-level form (`gap, info` pairs) of the same list, as VLQ digits.
    func documentPostings() -> [UInt8] { Self.documentLevel(of: bytes.chunks).vlq() }

    /// The document-level form of positional postings held as varint chunks (`bytes.chunks`).
    static func documentLevel(of chunks: [[UInt8]]) -> DocPostingBuilder {
        var out = DocPostingBuilder()
        var doc = -1
        for chunk in chunks {
            var reader = VarintReader(chunk)
            while let head = reader.next() {
                doc += head >> 1 + 1
                let count = head & 1 == 1 ? (reader.next() ?? 0) + 2 : 1
                let v = reader.next() ?? 0
                out.add(doc: doc, info: OccurrenceInfo.make(position: v / 3, fieldClass: v % 3))
                for _ in 1..<max(count, 1) { _ = reader.next() }
            }
        }
        return out
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

extension Varint {
    /// VLQ digits of varint chunks whose VLQ size is `count`.
    static func vlq(_ chunks: [[UInt8]], count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for chunk in chunks { appendAsVLQ(chunk, to: &out) }
        return out
    }
}

/// What one document contributes to the index; computed in parallel, merged in id order.
/// Grams are grouped with one hash probe per position (no per-document sort) and come out
/// already split by merge partition (`MergePartition.of`), so each merge thread reads only its
/// own slice.
struct DocumentAnalysis {
    /// Per partition, distinct scalars packed `scalar << 32 | info of the first occurrence`;
    /// partition `p` is `unigrams[unigramStarts[p] ..< unigramStarts[p + 1]]`.
    var unigrams: [UInt64] = []
    var unigramStarts: [Int] = []
    /// Distinct bigram keys grouped by partition (`bigramPartitionStarts`); the values
    /// (position × 3 + field class, ascending) of key `i` are
    /// `bigramValues[bigramStarts[i] ..< bigramStarts[i + 1]]`.
    var bigramKeys: [UInt64] = []
    var bigramPartitionStarts: [Int] = []
    var bigramStarts: [Int32] = []
    var bigramValues: [Int32] = []
    /// Latin words (scalar values; Strings would merge canonically equivalent words) with the
    /// info of their first occurrence, in order of first occurrence.
    var words: [(word: [UInt32], info: Int)] = []

    init(_ text: DocumentText, partitions: Int) {
        self.init(text, partitions: partitions, scratch: AnalysisScratch())
    }

    /// `scratch`: working memory reused by the calling thread from document to document.
    init(_ text: DocumentText, partitions: Int, scratch: AnalysisScratch) {
        let n = text.scalars.count
        var singles: [UInt64] = []
        var distinct: [UInt64] = []
        distinct.reserveCapacity(n)
        // Per distinct bigram its first and last position; `next` links each occurrence to the
        // following one, so the positions come out ascending without a sort.
        var first: [Int32] = []
        first.reserveCapacity(n)
        scratch.start(n)
        let (shift, stamp) = (scratch.shift, scratch.stamp)
        scratch.withTables { unigramSlots, bigramSlots, next, last in
            text.scalars.withUnsafeBufferPointer { s in
                var i = 0
                while i < n {
                    let c = s[i]
                    if SearchCharacters.isSpace(c) { i += 1; continue }
                    if AnalysisScratch.probe(unigramSlots, shift: shift, stamp: stamp, key: UInt64(c),
                                             orInsert: Int32(singles.count)) < 0 {
                        singles.append(UInt64(c) << 32 | UInt64(OccurrenceInfo.make(position: i, fieldClass: text.fieldClass(i))))
                    }
                    next[i] = -1
                    if i + 1 < n, !SearchCharacters.isSpace(s[i + 1]) {
                        let key = BigramKey.make(c, s[i + 1])
                        let k = Int(AnalysisScratch.probe(bigramSlots, shift: shift, stamp: stamp, key: key,
                                                          orInsert: Int32(distinct.count)))
                        if k < 0 {
                            last[distinct.count] = Int32(i)
                            distinct.append(key)
                            first.append(Int32(i))
                        } else {
                            next[Int(last[k])] = Int32(i)
                            last[k] = Int32(i)
                        }
                    }
                    i += 1
                }
            }
        }
        let next = scratch.next

        var unigramParts = [[UInt64]](repeating: [], count: partitions)
        for u in singles { unigramParts[MergePartition.of(u >> 32, count: partitions)].append(u) }
        unigrams.reserveCapacity(singles.count)
        for part in unigramParts {
            unigramStarts.append(unigrams.count)
            unigrams.append(contentsOf: part)
        }
        unigramStarts.append(unigrams.count)

        // Distinct bigrams grouped by partition with a counting sort (first-occurrence order
        // within a partition).
        let d = distinct.count
        var partOf = [UInt8](repeating: 0, count: d)
        var starts = [Int](repeating: 0, count: partitions + 1)
        for (k, key) in distinct.enumerated() {
            let p = MergePartition.of(key, count: partitions)
            partOf[k] = UInt8(truncatingIfNeeded: p)
            starts[p + 1] += 1
        }
        for p in 0..<partitions { starts[p + 1] += starts[p] }
        bigramPartitionStarts = starts
        var order = [Int32](repeating: 0, count: d)
        var fill = starts
        for k in 0..<d {
            let p = Int(partOf[k])
            order[fill[p]] = Int32(k)
            fill[p] += 1
        }
        var keys = [UInt64](repeating: 0, count: d)
        var valueStarts = [Int32](repeating: 0, count: d + 1)
        var values = [Int32](repeating: 0, count: n)
        var count = 0
        let (headingStart, otherStart) = (Int32(text.headingStart), Int32(text.otherStart))
        next.withUnsafeBufferPointer { next in
            values.withUnsafeMutableBufferPointer { out in
                for (j, k) in order.enumerated() {
                    keys[j] = distinct[Int(k)]
                    valueStarts[j] = Int32(count)
                    var at = first[Int(k)]
                    while at >= 0 {
                        out[count] = at * 3 + (at < headingStart ? 0 : (at < otherStart ? 1 : 2))
                        count += 1
                        at = next[Int(at)]
                    }
                }
            }
        }
        valueStarts[d] = Int32(count)
        values.removeLast(n - count)
        bigramKeys = keys
        bigramStarts = valueStarts
        bigramValues = values

        var seen: Set<[UInt32]> = []
        text.scalars.withUnsafeBufferPointer { s in
            var i = 0
            while i < n {
                guard SearchCharacters.isWord(s[i]) else { i += 1; continue }
                let start = i
                while i < n, SearchCharacters.isWord(s[i]) { i += 1 }
                let key = Array(s[start..<i])
                if seen.insert(key).inserted {
                    words.append((key, OccurrenceInfo.make(position: start, fieldClass: text.fieldClass(start))))
                }
            }
        }
    }
}

/// Which merge partition a gram key goes to: a hash, so the partitions get similar work.
/// Only the split of work depends on it, never the output.
enum MergePartition {
    @inline(__always)
    static func of(_ key: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: ((key &+ 0x632B_E59B_D9B4_E019) &* 0xD6E8_FEB8_6659_FD93) >> 40) % count
    }
}

enum BigramKey {
    @inline(__always)
    static func make(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    static func scalars(_ key: UInt64) -> [UInt32] {
        [UInt32(key >> 21), UInt32(key & 0x1F_FFFF)]
    }
}
