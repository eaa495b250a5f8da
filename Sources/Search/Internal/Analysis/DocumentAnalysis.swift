/// What one document contributes to the index; computed in parallel, merged in id order.
/// Grams are found with one hash probe per position (no per-document sort) and come out already
/// split by merge partition (`MergePartition.of`), so each merge thread reads only its own slice.
/// Every gram and word carries the `Occurrence` value of its first occurrence.
struct DocumentAnalysis {
    /// Per partition, distinct scalars packed `scalar << 32 | occurrence`; partition `p` is
    /// `unigrams[unigramStarts[p] ..< unigramStarts[p + 1]]`.
    var unigrams: [UInt64] = []
    var unigramStarts: [Int] = []
    /// Distinct bigram keys grouped by partition (`bigramPartitionStarts`), each with the
    /// occurrence value of its first position in `bigramFirst`.
    var bigramKeys: [UInt64] = []
    var bigramFirst: [Int32] = []
    var bigramPartitionStarts: [Int] = []
    /// Distinct trigram keys (`TrigramKey`) grouped by partition, each with the field class of
    /// its first position in `trigramClass`. Only some become lists (`IndexLayout.trigramMinimum`);
    /// which ones is known when every document is in.
    var trigramKeys: [UInt64] = []
    var trigramClass: [Int32] = []
    var trigramPartitionStarts: [Int] = []
    /// Latin words (scalar values; Strings would merge canonically equivalent words) with the
    /// occurrence of their first appearance, in that order.
    var words: [(word: [UInt32], occurrence: Int)] = []

    init(_ text: DocumentText, partitions: Int) {
        self.init(text, partitions: partitions, scratch: AnalysisScratch())
    }

    /// `scratch`: working memory reused by the calling thread from document to document.
    init(_ text: DocumentText, partitions: Int, scratch: AnalysisScratch) {
        let n = text.scalars.count
        var singles: [UInt64] = []
        var distinct: [UInt64] = []
        var first: [Int32] = []
        var trigrams: [UInt64] = []
        var trigramFirst: [Int32] = []
        distinct.reserveCapacity(n / 2)
        first.reserveCapacity(n / 2)
        trigrams.reserveCapacity(n / 2)
        trigramFirst.reserveCapacity(n / 2)
        scratch.start(n)
        let (shift, stamp) = (scratch.shift, scratch.stamp)
        scratch.withTables { unigramSlots, bigramSlots, trigramSlots in
            text.scalars.withUnsafeBufferPointer { s in
                for i in 0..<n {
                    let c = s[i]
                    if SearchCharacters.isSpace(c) { continue }
                    let occurrence = Occurrence.make(position: i, fieldClass: text.fieldClass(i))
                    if AnalysisScratch.probe(unigramSlots, shift: shift, stamp: stamp, key: UInt64(c),
                                             orInsert: Int32(singles.count)) < 0 {
                        singles.append(UInt64(c) << 32 | UInt64(occurrence))
                    }
                    if i + 1 < n, !SearchCharacters.isSpace(s[i + 1]) {
                        let key = BigramKey.make(c, s[i + 1])
                        if AnalysisScratch.probe(bigramSlots, shift: shift, stamp: stamp, key: key,
                                                 orInsert: Int32(distinct.count)) < 0 {
                            distinct.append(key)
                            first.append(Int32(occurrence))
                        }
                        if i + 2 < n, !SearchCharacters.isSpace(s[i + 2]) {
                            let key = TrigramKey.make(c, s[i + 1], s[i + 2])
                            if AnalysisScratch.probe(trigramSlots, shift: shift, stamp: stamp, key: key,
                                                     orInsert: Int32(trigrams.count)) < 0 {
                                trigrams.append(key)
                                trigramFirst.append(Int32(occurrence % 3))
                            }
                        }
                    }
                }
            }
        }

        var unigramParts = [[UInt64]](repeating: [], count: partitions)
        for u in singles { unigramParts[MergePartition.of(u >> 32, count: partitions)].append(u) }
        unigrams.reserveCapacity(singles.count)
        for part in unigramParts {
            unigramStarts.append(unigrams.count)
            unigrams.append(contentsOf: part)
        }
        unigramStarts.append(unigrams.count)

        // Distinct bigrams and trigrams grouped by partition (first-occurrence order within a partition).
        (bigramKeys, bigramFirst, bigramPartitionStarts) = Self.group(distinct, first, partitions: partitions)
        (trigramKeys, trigramClass, trigramPartitionStarts) = Self.group(trigrams, trigramFirst, partitions: partitions)

        var seen: Set<[UInt32]> = []
        text.scalars.withUnsafeBufferPointer { s in
            var i = 0
            while i < n {
                guard SearchCharacters.isWord(s[i]) else { i += 1; continue }
                let start = i
                while i < n, SearchCharacters.isWord(s[i]) { i += 1 }
                let key = Array(s[start..<i])
                if seen.insert(key).inserted {
                    words.append((key, Occurrence.make(position: start, fieldClass: text.fieldClass(start))))
                }
            }
        }
    }
}

extension DocumentAnalysis {
    /// `keys` with their `values` grouped by merge partition with a counting sort (order kept
    /// within a partition), and where each partition starts.
    static func group(_ keys: [UInt64], _ values: [Int32], partitions: Int) -> ([UInt64], [Int32], [Int]) {
        let d = keys.count
        var partOf = [UInt8](repeating: 0, count: d)
        var starts = [Int](repeating: 0, count: partitions + 1)
        for (k, key) in keys.enumerated() {
            let p = MergePartition.of(key, count: partitions)
            partOf[k] = UInt8(truncatingIfNeeded: p)
            starts[p + 1] += 1
        }
        for p in 0..<partitions { starts[p + 1] += starts[p] }
        var outKeys = [UInt64](repeating: 0, count: d)
        var outValues = [Int32](repeating: 0, count: d)
        var fill = starts
        for k in 0..<d {
            let p = Int(partOf[k])
            outKeys[fill[p]] = keys[k]
            outValues[fill[p]] = values[k]
            fill[p] += 1
        }
        return (outKeys, outValues, starts)
    }
}

/// Where a gram first occurs in a document: `position × 3 + field class` (0 title, 1 heading,
/// 2 body/meta), position in Unicode scalars of the document's normalised text. Stored exactly,
/// so a phrase whose covering bigrams first occur side by side is found without its text.
enum Occurrence {
    @inline(__always)
    static func make(position: Int, fieldClass: Int) -> Int { position * 3 + fieldClass }

    @inline(__always)
    static func fieldClass(_ occurrence: Int) -> Int { occurrence % 3 }
}

/// Which merge partition a gram key goes to: a hash, so the partitions get similar work.
/// Only the split of work depends on it, never the output.
enum MergePartition {
    @inline(__always)
    static func of(_ key: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: ((key &+ 0x632B_E59B_D9B4_E019) &* 0xD6E8_FEB8_6659_FD93) >> 40) % count
    }
}

/// Three scalars (21 bits each) in one key; below `UInt64.max`, which `GramTable` keeps for empty.
enum TrigramKey {
    @inline(__always)
    static func make(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }
    static func scalars(_ key: UInt64) -> [UInt32] {
        [UInt32(key >> 42), UInt32((key >> 21) & 0x1F_FFFF), UInt32(key & 0x1F_FFFF)]
    }
    /// The bigram keys of its first two and last two scalars.
    static func bigrams(_ key: UInt64) -> (UInt64, UInt64) { (key >> 21, key & 0x3FF_FFFF_FFFF) }
}

enum BigramKey {
    @inline(__always)
    static func make(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    static func scalars(_ key: UInt64) -> [UInt32] {
        [UInt32(key >> 21), UInt32(key & 0x1F_FFFF)]
    }
}
