/// Working memory of `DocumentAnalysis`, kept from document to document by one thread: the
/// gram tables are sized once for the largest document seen and emptied by bumping a stamp, so
/// a document neither allocates nor clears them.
final class AnalysisScratch {
    struct Slot {
        var key: UInt64
        var index: Int32
        /// The document (stamp) that filled the slot; any other stamp means empty.
        var stamp: UInt32
    }

    private(set) var unigrams: [Slot] = []
    private(set) var bigrams: [Slot] = []
    private(set) var trigrams: [Slot] = []
    private(set) var shift: UInt64 = 64
    private(set) var stamp: UInt32 = 0

    init() {}

    /// Empties the tables for a document of `n` scalars (at most `n` distinct grams of each kind;
    /// the tables stay at most half full).
    func start(_ n: Int) {
        var size = 1024, bits: UInt64 = 10
        while size < n * 2 { size *= 2; bits += 1 }
        if bigrams.count < size {
            unigrams = [Slot](repeating: Slot(key: 0, index: 0, stamp: 0), count: size)
            bigrams = unigrams
            trigrams = unigrams
            shift = 64 - bits
            stamp = 0
        }
        if stamp == UInt32.max {
            for i in unigrams.indices { unigrams[i].stamp = 0; bigrams[i].stamp = 0; trigrams[i].stamp = 0 }
            stamp = 0
        }
        stamp += 1
    }

    /// The index stored for `key` in this document, or -1 after storing `next` for it.
    @inline(__always)
    static func probe(_ slots: UnsafeMutableBufferPointer<Slot>, shift: UInt64, stamp: UInt32,
                      key: UInt64, orInsert index: Int32) -> Int32 {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while true {
            let slot = slots[i]
            if slot.stamp != stamp { break }
            if slot.key == key { return slot.index }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, index: index, stamp: stamp)
        return -1
    }

    func withTables<R>(_ body: (UnsafeMutableBufferPointer<Slot>, UnsafeMutableBufferPointer<Slot>,
                                UnsafeMutableBufferPointer<Slot>) -> R) -> R {
        unigrams.withUnsafeMutableBufferPointer { u in
            bigrams.withUnsafeMutableBufferPointer { b in
                trigrams.withUnsafeMutableBufferPointer { t in body(u, b, t) }
            }
        }
    }
}
