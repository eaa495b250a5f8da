/// An open-addressing hash map from a gram key to a small index, for the merge loop: one probe
/// per distinct gram per document, without the generic hashing of `Dictionary`. Key and index
/// share a slot, so a probe of a large (merge) table touches one cache line, not two.
struct GramTable {
    private struct Slot {
        var key: UInt64
        var index: Int32
    }

    private static let empty = UInt64.max
    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init() { self.init(capacity: 512) }

    /// A table that holds `capacity` keys without growing.
    init(capacity: Int) {
        var size = 1024, bits: UInt64 = 10
        while size < capacity * 2 { size *= 2; bits += 1 }
        slots = [Slot](repeating: Slot(key: GramTable.empty, index: 0), count: size)
        shift = 64 - bits
    }

    /// The index stored for `key`, or `next` stored for it (and `inserted` true) when new.
    @inline(__always)
    mutating func index(of key: UInt64, orInsert next: Int32) -> (index: Int32, inserted: Bool) {
        let found: Int32? = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let k = s[i].key
                if k == key { return s[i].index }
                if k == GramTable.empty { break }
                i = (i + 1) & mask
            }
            s[i] = Slot(key: key, index: next)
            return nil
        }
        if let found { return (found, false) }
        count += 1
        if count * 2 > slots.count { grow() }
        return (next, true)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: GramTable.empty, index: 0), count: old.count * 2)
        shift -= 1
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            for slot in old where slot.key != GramTable.empty {
                var i = Int(truncatingIfNeeded: (slot.key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while s[i].key != GramTable.empty { i = (i + 1) & mask }
                s[i] = slot
            }
        }
    }
}
