/// One g/p/w shard file as last emitted (its JSON payload `["key","list",…]`) with the byte
/// ranges of its entries and their decoded keys, so that a patch can find a key by binary
/// search and rebuild the file by copying every untouched entry as it is.
struct KeptShard {
    private(set) var payload: [UInt8]
    /// Entry i: its escaped key is `payload[rawKeyStarts[i] ..< valueStarts[i] - 3]` (before
    /// `","`), its encoded list `payload[valueStarts[i] ..< valueEnds[i]]`.
    private var rawKeyStarts: [Int32] = []
    private var valueStarts: [Int32] = []
    private var valueEnds: [Int32] = []
    /// Entry i's key scalars are `keyScalars[keyOffsets[i] ..< keyOffsets[i + 1]]`.
    private var keyScalars: [UInt32] = []
    private var keyOffsets: [Int32] = [0]

    var count: Int { valueStarts.count }
    /// Sums over the entries, for the sizes the writer derives shard counts from.
    var listBytes: Int { Int(valueEnds.indices.reduce(0) { $0 + valueEnds[$1] - valueStarts[$1] }) }
    var keyScalarCount: Int { keyScalars.count }

    /// Parses a payload the writer produced; nil when it is not of that shape (then the session
    /// cannot patch and rebuilds instead).
    init?(payload: [UInt8]) {
        self.payload = payload
        let n = payload.count
        guard n >= 2, payload[0] == UInt8(ascii: "["), payload[n - 1] == UInt8(ascii: "]") else { return nil }
        var at = 1
        let quote = UInt8(ascii: "\"")
        while at < n - 1 {
            if count > 0 {
                guard payload[at] == UInt8(ascii: ",") else { return nil }
                at += 1
            }
            guard at < n, payload[at] == quote else { return nil }
            at += 1
            rawKeyStarts.append(Int32(at))
            guard let end = KeptShard.decodeKey(payload, from: at, into: &keyScalars) else { return nil }
            keyOffsets.append(Int32(keyScalars.count))
            at = end
            guard at + 3 <= n, payload[at] == quote, payload[at + 1] == UInt8(ascii: ","),
                  payload[at + 2] == quote else { return nil }
            at += 3
            valueStarts.append(Int32(at))
            while at < n, payload[at] != quote { at += 1 }
            guard at < n else { return nil }
            valueEnds.append(Int32(at))
            at += 1
        }
        // Kept for the whole session: drop the growth slack.
        rawKeyStarts = rawKeyStarts.compacted()
        valueStarts = valueStarts.compacted()
        valueEnds = valueEnds.compacted()
        keyScalars = keyScalars.compacted()
        keyOffsets = keyOffsets.compacted()
    }

    func key(_ i: Int) -> ArraySlice<UInt32> { keyScalars[Int(keyOffsets[i])..<Int(keyOffsets[i + 1])] }
    func value(_ i: Int) -> ArraySlice<UInt8> { payload[Int(valueStarts[i])..<Int(valueEnds[i])] }

    /// The entry holding `key`, or where it would be inserted.
    func find<K: Collection>(_ key: K) -> (found: Bool, index: Int) where K.Element == UInt32 {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if KeptShard.precedes(self.key(mid), key) { low = mid + 1 } else { high = mid }
        }
        return (low < count && self.key(low).elementsEqual(key), low)
    }

    func value<K: Collection>(of key: K) -> ArraySlice<UInt8>? where K.Element == UInt32 {
        let (found, i) = find(key)
        return found ? value(i) : nil
    }

    /// The order of entries within a file (as `ShardEntry.emit` sorts them): shorter keys
    /// first, then by scalar values.
    static func precedes<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == UInt32, B.Element == UInt32 {
        a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
    }

    /// This shard with `changes` applied (sorted by key in file order, one per key): a nil
    /// list removes the key, a new key is inserted in order.
    func applying(_ changes: [(key: [UInt32], list: [UInt8]?)]) -> KeptShard {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(payload.count + changes.reduce(64) { $0 + ($1.list?.count ?? 0) + 16 })
        var next = KeptShard(empty: ())
        func open() {
            if next.count > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            next.rawKeyStarts.append(Int32(out.count))
        }
        func close<L: Collection>(key: some Collection<UInt32>, list: L) where L.Element == UInt8 {
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\"")])
            next.valueStarts.append(Int32(out.count))
            out.append(contentsOf: list)
            next.valueEnds.append(Int32(out.count))
            out.append(UInt8(ascii: "\""))
            next.keyScalars.append(contentsOf: key)
            next.keyOffsets.append(Int32(next.keyScalars.count))
        }
        func copy(_ i: Int) {
            open()
            out.append(contentsOf: payload[Int(rawKeyStarts[i])..<Int(valueStarts[i]) - 3])
            close(key: key(i), list: value(i))
        }
        var i = 0
        for change in changes {
            while i < count, KeptShard.precedes(key(i), change.key) { copy(i); i += 1 }
            if i < count, key(i).elementsEqual(change.key) { i += 1 }
            guard let list = change.list else { continue }
            open()
            for v in change.key { JSONWriter.appendEscaped(v, to: &out) }
            close(key: change.key, list: list)
        }
        while i < count { copy(i); i += 1 }
        out.append(UInt8(ascii: "]"))
        next.payload = out
        return next
    }

    private init(empty: Void) { payload = [] }

    /// Decodes the JSON string content starting at `from` (as `JSONWriter.appendEscaped`
    /// writes it) up to the closing quote; returns the index of that quote.
    private static func decodeKey(_ bytes: [UInt8], from: Int, into scalars: inout [UInt32]) -> Int? {
        var at = from
        let n = bytes.count
        while at < n {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { return at }
            if b == UInt8(ascii: "\\") {
                guard at + 1 < n else { return nil }
                switch bytes[at + 1] {
                case UInt8(ascii: "\""): scalars.append(0x22); at += 2
                case UInt8(ascii: "\\"): scalars.append(0x5C); at += 2
                case UInt8(ascii: "n"): scalars.append(0x0A); at += 2
                case UInt8(ascii: "u"):
                    guard at + 6 <= n, let v = UInt32(String(decoding: bytes[(at + 2)..<(at + 6)], as: UTF8.self), radix: 16)
                    else { return nil }
                    scalars.append(v)
                    at += 6
                default: return nil
                }
                continue
            }
            let length = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 0
            guard length > 0, at + length <= n else { return nil }
            var v = length == 1 ? UInt32(b) : UInt32(b) & (0x7F >> length)
            if length > 1 { for k in 1..<length { v = v << 6 | UInt32(bytes[at + k] & 0x3F) } }
            scalars.append(v)
            at += length
        }
        return nil
    }
}

extension Array {
    /// A copy without unused capacity (for arrays kept a long time).
    func compacted() -> [Element] {
        guard capacity > count + count / 8 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
