/// An open-addressing hash map from a gram key to a small index, for the merge loop: one probe
/// per distinct gram per document, without the generic hashing of `Dictionary`.
struct GramTable {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var slots: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: GramTable.empty, count: 1024)
        slots = [Int32](repeating: 0, count: 1024)
        shift = 64 - 10
    }

    /// The index stored for `key`, or `next` stored for it (and `inserted` true) when new.
    @inline(__always)
    mutating func index(of key: UInt64, orInsert next: Int32) -> (index: Int32, inserted: Bool) {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = keys[i]
            if k == key { return (slots[i], false) }
            if k == GramTable.empty { break }
            i = (i + 1) & mask
        }
        keys[i] = key
        slots[i] = next
        count += 1
        if count * 2 > keys.count { grow() }
        return (next, true)
    }

    private mutating func grow() {
        let oldKeys = keys, oldSlots = slots
        keys = [UInt64](repeating: GramTable.empty, count: oldKeys.count * 2)
        slots = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (j, key) in oldKeys.enumerated() where key != GramTable.empty {
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[i] != GramTable.empty { i = (i + 1) & mask }
            keys[i] = key
            slots[i] = oldSlots[j]
        }
    }
}
