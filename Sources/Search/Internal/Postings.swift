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
        bytes.reserveTail(7)
        let gap = doc - lastDoc - 1
        Varint.append(gap, to: &bytes.tail)
        Varint.append(info, to: &bytes.tail)
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
        bytes.reserveTail((values.count + 2) * 5)
        var size = 0
        let gap = doc - lastDoc - 1
        let head = gap * 2 + (values.count > 1 ? 1 : 0)
        Varint.append(head, to: &bytes.tail)
        size += Varint.vlqLength(head)
        if values.count > 1 {
            Varint.append(values.count - 2, to: &bytes.tail)
            size += Varint.vlqLength(values.count - 2)
        }
        var previous = -1
        for v in values {
            let d = Int(v) - previous - 1
            Varint.append(d, to: &bytes.tail)
            size += Varint.vlqLength(d)
            previous = Int(v)
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

/// A byte list kept in chunks that double in size up to 32 KB. Growing never copies what is
/// already written, and the unused tail is at most one chunk — a plain array's doubling would
/// leave up to the whole list unused (and briefly hold two copies) for the large position
/// lists; a small largest chunk keeps that slack small when there are many large lists.
struct ChunkedBytes {
    private(set) var full: [[UInt8]] = []
    /// The chunk being filled; callers append only after `reserveTail`.
    var tail: [UInt8] = []
    private var fullCount = 0
    static let largestChunk = 32 * 1024

    var count: Int { fullCount + tail.count }
    var chunks: [[UInt8]] { tail.isEmpty ? full : full + [tail] }

    /// Makes room for `n` more bytes in `tail` without reallocating it.
    @inline(__always)
    mutating func reserveTail(_ n: Int) {
        if tail.capacity - tail.count >= n { return }
        startChunk(n)
    }

    private mutating func startChunk(_ n: Int) {
        let size = max(n, min(max(64, tail.capacity * 2), ChunkedBytes.largestChunk))
        if !tail.isEmpty {
            fullCount += tail.count
            full.append(tail)
        }
        tail = []
        tail.reserveCapacity(size)
    }

    func joined() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for chunk in full { out.append(contentsOf: chunk) }
        out.append(contentsOf: tail)
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

/// Reads VLQ numbers from bytes the writer produced (so always well formed).
struct VLQReader {
    let bytes: [UInt8]
    var at = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Int? {
        var value = 0, shift = 0
        while at < bytes.count {
            let digit = Int(VLQ.digitValue[Int(bytes[at])])
            at += 1
            value |= (digit & 31) << shift
            if digit & 32 == 0 { return value }
            shift += 5
        }
        return nil
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
        let s = text.scalars
        let n = s.count
        var unigramTable = GramTable()
        var singles: [UInt64] = []
        var bigramTable = GramTable()
        var distinct: [UInt64] = []
        var first: [Int32] = [], last: [Int32] = [], counts: [Int32] = []
        var next = [Int32](repeating: -1, count: n)
        var i = 0
        while i < n {
            let c = s[i]
            if SearchCharacters.isSpace(c) { i += 1; continue }
            if unigramTable.index(of: UInt64(c), orInsert: Int32(singles.count)).inserted {
                singles.append(UInt64(c) << 32 | UInt64(OccurrenceInfo.make(position: i, fieldClass: text.fieldClass(i))))
            }
            if i + 1 < n, !SearchCharacters.isSpace(s[i + 1]) {
                let key = BigramKey.make(c, s[i + 1])
                let (index, inserted) = bigramTable.index(of: key, orInsert: Int32(distinct.count))
                if inserted {
                    distinct.append(key)
                    first.append(Int32(i))
                    last.append(Int32(i))
                    counts.append(1)
                } else {
                    let k = Int(index)
                    next[Int(last[k])] = Int32(i)
                    last[k] = Int32(i)
                    counts[k] += 1
                }
            }
            i += 1
        }

        var unigramParts = [[UInt64]](repeating: [], count: partitions)
        for u in singles { unigramParts[MergePartition.of(u >> 32, count: partitions)].append(u) }
        unigrams.reserveCapacity(singles.count)
        for part in unigramParts {
            unigramStarts.append(unigrams.count)
            unigrams.append(contentsOf: part)
        }
        unigramStarts.append(unigrams.count)

        var bigramParts = [[Int32]](repeating: [], count: partitions)
        for (k, key) in distinct.enumerated() { bigramParts[MergePartition.of(key, count: partitions)].append(Int32(k)) }
        bigramKeys.reserveCapacity(distinct.count)
        bigramStarts.reserveCapacity(distinct.count + 1)
        bigramValues.reserveCapacity(n)
        for part in bigramParts {
            bigramPartitionStarts.append(bigramKeys.count)
            for k in part {
                bigramKeys.append(distinct[Int(k)])
                bigramStarts.append(Int32(bigramValues.count))
                var at = first[Int(k)]
                while at >= 0 {
                    bigramValues.append(at * 3 + Int32(text.fieldClass(Int(at))))
                    at = next[Int(at)]
                }
            }
        }
        bigramPartitionStarts.append(bigramKeys.count)
        bigramStarts.append(Int32(bigramValues.count))

        var seen: Set<[UInt32]> = []
        i = 0
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
