import Foundation

/// Raw DEFLATE (RFC 1951) for the index files: written here, read back by `Inflate` and, in the
/// browser, by `DecompressionStream('deflate-raw')`. Deterministic: same bytes in, same out.
///
/// Built for speed over the last percent of size (a full build compresses every index file):
/// greedy LZ77 over a 32 KB window whose hash chains are followed only a few links, positions
/// inside a long match not inserted; frequencies counted while matching; one dynamic-Huffman
/// block per 64 K symbols, or stored blocks where Huffman coding would not pay (already dense
/// data); bits written through a raw pointer.
enum Deflate {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { compress($0) }
    }

    static func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        LZ77Tables.borrow { tables in
            var bits = BitWriter(capacity: input.count / 2 + 64)
            var matcher = LZ77(input, tables: tables)
            var inputStart = 0
            repeat {
                var block = SymbolBlock()
                let inputEnd = matcher.fill(&block, maxSymbols: 65_536)
                let final = inputEnd == input.count
                bits.writeBlock(block, input: UnsafeBufferPointer(rebasing: input[inputStart..<inputEnd]), final: final)
                inputStart = inputEnd
            } while inputStart < input.count
            return bits.finish()
        }
    }
}

/// LZ77 symbols of one block, packed in 32 bits: a literal byte (`< 256`), or a match
/// `length << 16 | distance` (length ≥ 3, so ≥ 0x30000), with the Huffman frequencies.
struct SymbolBlock {
    var symbols: [UInt32] = []
    var literalFrequencies = [Int](repeating: 0, count: 286)
    var distanceFrequencies = [Int](repeating: 0, count: 30)
}

/// Greedy match finder with hash chains.
struct LZ77 {
    static let window = 32_768
    /// Links followed per position: past a few, longer chains find little more in our data
    /// (varint columns, JSON text) and cost most of the time.
    static let maxChain = 6
    /// A match this long is taken without looking further.
    static let niceLength = 32
    /// Positions inside a match longer than this are not inserted into the chains.
    static let maxInsert = 8
    static let hashBits = 15

    private let input: UnsafeBufferPointer<UInt8>
    private let tables: LZ77Tables
    private var at = 0

    /// `tables` are the caller's for the length of the compression (see `LZ77Tables`).
    init(_ input: UnsafeBufferPointer<UInt8>, tables: LZ77Tables) {
        self.input = input
        self.tables = tables
        tables.begin(input.count)
    }

    /// Appends symbols for the input from where the last call stopped, at most `maxSymbols`;
    /// returns the input offset reached.
    mutating func fill(_ block: inout SymbolBlock, maxSymbols: Int) -> Int {
        let s = input, n = input.count, hashShift = UInt32(32 - LZ77.hashBits), prevMask = LZ77.window - 1
        // Chain entries are positions plus `base`: anything below it is an earlier input's, as if -1.
        let head = tables.head, prev = tables.prev, base = tables.base
        guard let start = s.baseAddress else { return 0 }
        var i = at
        let room = min(maxSymbols, n - i)
        let symbols = [UInt32](unsafeUninitializedCapacity: room) { out, initialized in
        var count = 0
        block.literalFrequencies.withUnsafeMutableBufferPointer { lit in
        block.distanceFrequencies.withUnsafeMutableBufferPointer { dist in
        DeflateTables.lengthCode.withUnsafeBufferPointer { lengthCode in
        DeflateTables.distanceCodes.withUnsafeBufferPointer { distanceCodes in
            @inline(__always) func hash(_ i: Int) -> Int {
                let v = UInt32(s[i]) << 16 | UInt32(s[i + 1]) << 8 | UInt32(s[i + 2])
                return Int((v &* 2_654_435_761) >> hashShift)
            }
            while i < n && count < room {
                var bestLength = 0, bestDistance = 0
                if i + 2 < n {
                    let h = hash(i)
                    var candidate = Int(head[h]) - base
                    prev[i & prevMask] = head[h]
                    head[h] = Int32(truncatingIfNeeded: i + base)
                    var chain = LZ77.maxChain
                    let limit = min(258, n - i)
                    while candidate >= 0 && i - candidate < LZ77.window && chain > 0 {
                        // Only a candidate that could beat the best so far is compared in full.
                        if s[candidate + bestLength] == s[i + bestLength] {
                            let l = LZ77.commonPrefix(start + candidate, start + i, limit)
                            if l > bestLength {
                                bestLength = l
                                bestDistance = i - candidate
                                if l >= LZ77.niceLength || l == limit { break }
                            }
                        }
                        let next = Int(prev[candidate & prevMask]) - base
                        if next >= candidate { break }
                        candidate = next
                        chain -= 1
                    }
                }
                if bestLength >= 3 {
                    out[count] = UInt32(truncatingIfNeeded: bestLength << 16 | bestDistance)
                    lit[257 + Int(lengthCode[bestLength])] += 1
                    dist[DeflateTables.distanceCode(bestDistance, distanceCodes)] += 1
                    if bestLength <= LZ77.maxInsert {
                        var k = i + 1
                        while k < i + bestLength && k + 2 < n {
                            let h = hash(k)
                            prev[k & prevMask] = head[h]
                            head[h] = Int32(truncatingIfNeeded: k + base)
                            k += 1
                        }
                    }
                    i += bestLength
                } else {
                    out[count] = UInt32(s[i])
                    lit[Int(s[i])] += 1
                    i += 1
                }
                count += 1
            }
        }
        }
        }
        }
        initialized = count
        }
        block.symbols = symbols
        at = i
        return i
    }

    /// How many bytes from `a` and `b` agree, at most `limit`: eight at a time, then one.
    @inline(__always)
    static func commonPrefix(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ limit: Int) -> Int {
        var l = 0
        while l + 8 <= limit {
            let x = UInt64(littleEndian: UnsafeRawPointer(a + l).loadUnaligned(as: UInt64.self))
                ^ UInt64(littleEndian: UnsafeRawPointer(b + l).loadUnaligned(as: UInt64.self))
            if x != 0 { return l + x.trailingZeroBitCount >> 3 }
            l += 8
        }
        while l < limit && a[l] == b[l] { l += 1 }
        return l
    }
}

/// The hash heads and chain links of `LZ77`, kept between compressions: a full build compresses
/// thousands of small files, and clearing 256 KB of tables for each cost more than compressing
/// it. Instead every compression stores positions plus a `base` above everything stored
/// before, so an entry below `base` reads as empty. Links need no clearing: a chain is only
/// followed from positions this compression inserted, whose links it wrote.
final class LZ77Tables: @unchecked Sendable {
    let head: UnsafeMutablePointer<Int32>
    let prev: UnsafeMutablePointer<Int32>
    private(set) var base = 0
    /// Where the next compression's base may start: past every position stored so far.
    private var next = 0

    init() {
        head = .allocate(capacity: 1 << LZ77.hashBits)
        head.initialize(repeating: -1, count: 1 << LZ77.hashBits)
        prev = .allocate(capacity: LZ77.window)
        prev.initialize(repeating: -1, count: LZ77.window)
    }

    deinit {
        head.deallocate()
        prev.deallocate()
    }

    /// Makes room for an input of `count` bytes.
    func begin(_ count: Int) {
        if next > Int(Int32.max) - count - 1 {
            head.update(repeating: -1, count: 1 << LZ77.hashBits)
            next = 0
        }
        base = next
        next += count
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var free: [LZ77Tables] = []

    /// A set of tables no other compression is using, for the length of `body`.
    static func borrow<T>(_ body: (LZ77Tables) -> T) -> T {
        lock.lock()
        let tables = free.popLast() ?? LZ77Tables()
        lock.unlock()
        defer {
            lock.lock()
            free.append(tables)
            lock.unlock()
        }
        return body(tables)
    }
}

/// The length and distance code tables of RFC 1951 §3.2.5.
enum DeflateTables {
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                    67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                      1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                       12, 12, 13, 13]
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Length 3…258 → code index 0…28.
    static let lengthCode: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for code in 0..<29 {
            let top = code == 28 ? 258 : lengthBase[code] + (1 << lengthExtra[code]) - 1
            for l in lengthBase[code]...min(258, top) { table[l] = UInt8(code) }
        }
        table[258] = 28
        return table
    }()

    /// Distance − 1 → code: entries 0..<256 for distances up to 256, then one entry per 128
    /// distances (every code above 256 spans a multiple of 128), as zlib does.
    static let distanceCodes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        for code in 0..<30 {
            let first = distanceBase[code] - 1, last = first + (1 << distanceExtra[code]) - 1
            for d in first...last {
                if d < 256 { table[d] = UInt8(code) } else { table[256 + (d >> 7)] = UInt8(code) }
            }
        }
        return table
    }()

    @inline(__always)
    static func distanceCode(_ distance: Int) -> Int {
        distanceCodes.withUnsafeBufferPointer { distanceCode(distance, $0) }
    }

    /// `distanceCode` with the table in hand (a hot loop's).
    @inline(__always)
    static func distanceCode(_ distance: Int, _ table: UnsafeBufferPointer<UInt8>) -> Int {
        let d = distance - 1
        return Int(d < 256 ? table[d] : table[256 + (d >> 7)])
    }
}

/// Huffman code lengths (limited) and canonical codes.
enum Huffman {
    /// Code lengths for `frequencies`, none longer than `limit`; every symbol with a nonzero
    /// frequency gets a code. Over-long trees are rebuilt from halved frequencies.
    static func lengths(_ frequencies: [Int], limit: Int) -> [Int] {
        var freq = frequencies
        while true {
            let lengths = unlimited(freq)
            if (lengths.max() ?? 0) <= limit { return lengths }
            freq = freq.map { $0 == 0 ? 0 : max(1, $0 / 2) }
        }
    }

    /// Plain Huffman lengths: leaves sorted once (weight, then symbol), merged with a queue of
    /// inner nodes (the two-queue method), so ties break the same way every time.
    private static func unlimited(_ freq: [Int]) -> [Int] {
        var lengths = [Int](repeating: 0, count: freq.count)
        // Scratch on the stack: a block builds three trees, and a build deflates thousands of files.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: freq.count) { keys in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * max(1, 2 * freq.count - 1)) { nodes in
            // Sorted as (weight, symbol) pairs packed in one integer: the same order as comparing
            // the two, without a closure reading both arrays per comparison.
            var leafCount = 0
            for (s, f) in freq.enumerated() where f > 0 {
                keys[leafCount] = UInt64(f) << 16 | UInt64(s)
                leafCount += 1
            }
            if leafCount == 1 { lengths[Int(keys[0] & 0xFFFF)] = 1 }
            if leafCount < 2 { return }
            var leaves = UnsafeMutableBufferPointer(rebasing: keys[0..<leafCount])
            leaves.sort()
            // Nodes 0..<leafCount are the leaves; inner nodes follow in creation order.
            let nodeCount = 2 * leafCount - 1
            let weight = UnsafeMutableBufferPointer(rebasing: nodes[0..<nodeCount])
            let parent = UnsafeMutableBufferPointer(rebasing: nodes[nodeCount..<2 * nodeCount])
            let depth = UnsafeMutableBufferPointer(rebasing: nodes[2 * nodeCount..<3 * nodeCount])
            for k in 0..<leafCount { weight[k] = Int(keys[k] >> 16) }
            var nextLeaf = 0, nextInner = leafCount, made = leafCount
            @inline(__always) func takeSmallest() -> Int {
                if nextLeaf < leafCount && (nextInner >= made || weight[nextLeaf] <= weight[nextInner]) {
                    nextLeaf += 1
                    return nextLeaf - 1
                }
                nextInner += 1
                return nextInner - 1
            }
            for _ in 0..<(leafCount - 1) {
                let a = takeSmallest(), b = takeSmallest()
                weight[made] = weight[a] + weight[b]
                parent[a] = made
                parent[b] = made
                made += 1
            }
            // Depths from the root (the last node) down: parents come after their children.
            depth[nodeCount - 1] = 0
            for node in stride(from: nodeCount - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
            for k in 0..<leafCount { lengths[Int(keys[k] & 0xFFFF)] = depth[k] }
        }
        }
        return lengths
    }

    /// Canonical codes (RFC 1951 §3.2.2), bit-reversed for the LSB-first bit stream.
    static func codes(_ lengths: [Int]) -> [UInt32] {
        let maxLength = lengths.max() ?? 0
        var count = [Int](repeating: 0, count: maxLength + 1)
        for l in lengths where l > 0 { count[l] += 1 }
        var next = [Int](repeating: 0, count: maxLength + 2)
        var code = 0
        if maxLength >= 1 {
            for bits in 1...maxLength {
                code = (code + count[bits - 1]) << 1
                next[bits] = code
            }
        }
        var codes = [UInt32](repeating: 0, count: lengths.count)
        for (s, l) in lengths.enumerated() where l > 0 {
            var c = next[l], reversed: UInt32 = 0
            next[l] += 1
            for _ in 0..<l { reversed = reversed << 1 | UInt32(c & 1); c >>= 1 }
            codes[s] = reversed
        }
        return codes
    }
}

/// An LSB-first bit stream into memory of its own, written through a raw pointer (an
/// `Array.append` per byte costs more than the Huffman coding itself).
struct BitWriter {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var buffer: UInt64 = 0
    private var used = 0

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    /// At least `bytes` more room (the bit buffer's 8 bytes included).
    @inline(__always)
    private mutating func reserve(_ bytes: Int) {
        guard count + bytes + 8 > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + bytes + 64))
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = max(capacity * 2, count + bytes + 64)
    }

    /// `count` ≤ 32 bits of `value`; the caller reserved room.
    @inline(__always)
    private mutating func put(_ value: UInt32, _ bits: Int) {
        buffer |= UInt64(value) << UInt64(used)
        used += bits
        if used >= 32 {
            storage[count] = UInt8(truncatingIfNeeded: buffer)
            storage[count + 1] = UInt8(truncatingIfNeeded: buffer >> 8)
            storage[count + 2] = UInt8(truncatingIfNeeded: buffer >> 16)
            storage[count + 3] = UInt8(truncatingIfNeeded: buffer >> 24)
            count += 4
            buffer >>= 32
            used -= 32
        }
    }

    mutating func write(_ value: UInt32, _ bits: Int) {
        reserve(8)
        put(value, bits)
    }

    /// Pads to a byte boundary.
    private mutating func align() {
        reserve(8)
        while used > 0 {
            storage[count] = UInt8(truncatingIfNeeded: buffer)
            count += 1
            buffer >>= 8
            used = max(0, used - 8)
        }
        buffer = 0
    }

    mutating func finish() -> [UInt8] {
        align()
        let out = Array(UnsafeBufferPointer(start: storage, count: count))
        storage.deallocate()
        capacity = 0
        count = 0
        return out
    }

    /// One block for `input` (whose LZ77 symbols are `block`): dynamic Huffman, or stored when
    /// that is no larger. Both Huffman trees are made complete (at least two codes each), which
    /// every inflater accepts.
    mutating func writeBlock(_ block: SymbolBlock, input: UnsafeBufferPointer<UInt8>, final: Bool) {
        var litFreq = block.literalFrequencies
        var distFreq = block.distanceFrequencies
        litFreq[256] = 1
        if litFreq.filter({ $0 > 0 }).count < 2 { litFreq[0] = max(litFreq[0], 1) }
        if distFreq[0] == 0 { distFreq[0] = 1 }
        if distFreq[1] == 0 { distFreq[1] = 1 }
        let litLengths = Huffman.lengths(litFreq, limit: 15)
        let distLengths = Huffman.lengths(distFreq, limit: 15)
        var hlit = 286
        while hlit > 257 && litLengths[hlit - 1] == 0 { hlit -= 1 }
        var hdist = 30
        while hdist > 1 && distLengths[hdist - 1] == 0 { hdist -= 1 }

        // Code lengths of both trees, run-length coded with 16/17/18.
        let all = Array(litLengths[0..<hlit]) + Array(distLengths[0..<hdist])
        var runs: [(symbol: Int, extra: Int)] = []
        var i = 0
        while i < all.count {
            let l = all[i]
            var run = 1
            while i + run < all.count && all[i + run] == l { run += 1 }
            if l == 0 && run >= 3 {
                let take = min(run, 138)
                runs.append(take >= 11 ? (18, take - 11) : (17, take - 3))
                i += take
            } else if l != 0 && run >= 4 {
                runs.append((l, 0))
                let take = min(run - 1, 6)
                runs.append((16, take - 3))
                i += 1 + take
            } else {
                runs.append((l, 0))
                i += 1
            }
        }
        var clFreq = [Int](repeating: 0, count: 19)
        for r in runs { clFreq[r.symbol] += 1 }
        if clFreq.filter({ $0 > 0 }).count < 2 { clFreq[clFreq[0] == 0 ? 0 : 1] += 1 }
        let clLengths = Huffman.lengths(clFreq, limit: 7)
        let clCodes = Huffman.codes(clLengths)
        var hclen = 19
        while hclen > 4 && clLengths[DeflateTables.codeLengthOrder[hclen - 1]] == 0 { hclen -= 1 }

        // The block's size both ways, in bits; stored blocks hold at most 65,535 bytes each.
        // Extra bits of the code-length symbols 16, 17, 18.
        let extra = [Int](repeating: 0, count: 16) + [2, 3, 7]
        var dynamicBits = 3 + 14 + 3 * hclen + runs.reduce(0) { $0 + clLengths[$1.symbol] + extra[$1.symbol] }
        for s in 0..<286 where block.literalFrequencies[s] > 0 {
            dynamicBits += block.literalFrequencies[s] * (litLengths[s] + (s >= 257 ? DeflateTables.lengthExtra[s - 257] : 0))
        }
        for d in 0..<30 where block.distanceFrequencies[d] > 0 {
            dynamicBits += block.distanceFrequencies[d] * (distLengths[d] + DeflateTables.distanceExtra[d])
        }
        dynamicBits += litLengths[256]
        let storedBlocks = max(1, (input.count + 65_534) / 65_535)
        let storedBits = storedBlocks * (3 + 7 + 32) + 8 * input.count
        if storedBits <= dynamicBits {
            writeStored(input, final: final)
            return
        }

        let litCodes = Huffman.codes(litLengths), distCodes = Huffman.codes(distLengths)
        write(final ? 1 : 0, 1)
        write(2, 2)
        write(UInt32(hlit - 257), 5)
        write(UInt32(hdist - 1), 5)
        write(UInt32(hclen - 4), 4)
        for k in 0..<hclen { write(UInt32(clLengths[DeflateTables.codeLengthOrder[k]]), 3) }
        for r in runs {
            write(clCodes[r.symbol], clLengths[r.symbol])
            if extra[r.symbol] > 0 { write(UInt32(r.extra), extra[r.symbol]) }
        }
        // Each symbol writes at most 15 + 5 + 15 + 13 bits: 8 bytes of room per symbol. The bit
        // state is kept in locals for the loop: through `self` inside the closures below, every
        // put loaded and stored it again.
        reserve(8 * block.symbols.count + 8)
        var buffer = self.buffer, used = self.used, count = self.count
        let storage = self.storage
        @inline(__always) func put(_ value: UInt32, _ bits: Int) {
            buffer |= UInt64(value) << UInt64(used)
            used += bits
            if used >= 32 {
                UnsafeMutableRawPointer(storage + count).storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
                count += 4
                buffer >>= 32
                used -= 32
            }
        }
        litLengths.withUnsafeBufferPointer { litLengths in
        litCodes.withUnsafeBufferPointer { litCodes in
        distLengths.withUnsafeBufferPointer { distLengths in
        distCodes.withUnsafeBufferPointer { distCodes in
        block.symbols.withUnsafeBufferPointer { symbols in
        DeflateTables.lengthCode.withUnsafeBufferPointer { lengthCode in
        DeflateTables.lengthBase.withUnsafeBufferPointer { lengthBase in
        DeflateTables.lengthExtra.withUnsafeBufferPointer { lengthExtra in
        DeflateTables.distanceCodes.withUnsafeBufferPointer { distanceCodes in
        DeflateTables.distanceBase.withUnsafeBufferPointer { distanceBase in
        DeflateTables.distanceExtra.withUnsafeBufferPointer { distanceExtra in
            for symbol in symbols {
                if symbol < 256 {
                    put(litCodes[Int(symbol)], litLengths[Int(symbol)])
                    continue
                }
                let length = Int(symbol >> 16), distance = Int(symbol & 0xFFFF)
                let lc = Int(lengthCode[length])
                put(litCodes[257 + lc], litLengths[257 + lc])
                if lengthExtra[lc] > 0 {
                    put(UInt32(length - lengthBase[lc]), lengthExtra[lc])
                }
                let dc = DeflateTables.distanceCode(distance, distanceCodes)
                put(distCodes[dc], distLengths[dc])
                if distanceExtra[dc] > 0 {
                    put(UInt32(distance - distanceBase[dc]), distanceExtra[dc])
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        (self.buffer, self.used, self.count) = (buffer, used, count)
        write(litCodes[256], litLengths[256])
    }

    /// Stored blocks (RFC 1951 §3.2.4) holding `input` as it is.
    private mutating func writeStored(_ input: UnsafeBufferPointer<UInt8>, final: Bool) {
        var start = 0
        repeat {
            let end = min(input.count, start + 65_535)
            write(final && end == input.count ? 1 : 0, 1)
            write(0, 2)
            align()
            let length = UInt16(end - start)
            reserve(4 + end - start)
            for v in [length, ~length] {
                storage[count] = UInt8(truncatingIfNeeded: v)
                storage[count + 1] = UInt8(truncatingIfNeeded: v >> 8)
                count += 2
            }
            if end > start { (storage + count).update(from: input.baseAddress! + start, count: end - start) }
            count += end - start
            start = end
        } while start < input.count
    }
}
