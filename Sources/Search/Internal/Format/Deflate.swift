/// Raw DEFLATE (RFC 1951) for the index files: written here, read back by `Inflate` and, in the
/// browser, by `DecompressionStream('deflate-raw')`. Greedy LZ77 over a 32 KB window with hash
/// chains, one dynamic-Huffman block per 64 K symbols. Deterministic: same bytes in, same out.
enum Deflate {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        let symbols = LZ77.symbols(input)
        if symbols.isEmpty {
            bits.writeBlock(ArraySlice(symbols), final: true)
        } else {
            var start = 0
            while start < symbols.count {
                let end = min(symbols.count, start + 65_536)
                bits.writeBlock(symbols[start..<end], final: end == symbols.count)
                start = end
            }
        }
        return bits.finish()
    }
}

/// One LZ77 symbol: a literal byte (`distance == 0`) or a match (`length`, `distance`).
struct LZSymbol {
    var length: UInt16
    var distance: UInt16
}

enum LZ77 {
    static let window = 32_768
    static let maxChain = 24
    static let niceLength = 128

    static func symbols(_ input: [UInt8]) -> [LZSymbol] {
        let n = input.count
        var out: [LZSymbol] = []
        out.reserveCapacity(n / 2)
        let hashBits = 15
        var head = [Int32](repeating: -1, count: 1 << hashBits)
        var prev = [Int32](repeating: -1, count: window)
        input.withUnsafeBufferPointer { s in
            @inline(__always) func hash(_ i: Int) -> Int {
                let v = UInt32(s[i]) << 16 | UInt32(s[i + 1]) << 8 | UInt32(s[i + 2])
                return Int((v &* 2_654_435_761) >> UInt32(32 - hashBits))
            }
            @inline(__always) func insert(_ i: Int) {
                guard i + 2 < n else { return }
                let h = hash(i)
                prev[i & (window - 1)] = head[h]
                head[h] = Int32(i)
            }
            var i = 0
            while i < n {
                var bestLength = 0, bestDistance = 0
                if i + 2 < n {
                    var candidate = Int(head[hash(i)])
                    var chain = maxChain
                    let limit = min(258, n - i)
                    while candidate >= 0 && i - candidate <= window - 1 && chain > 0 {
                        if s[candidate + bestLength] == s[i + bestLength] || bestLength == 0 {
                            var l = 0
                            while l < limit && s[candidate + l] == s[i + l] { l += 1 }
                            if l > bestLength {
                                bestLength = l
                                bestDistance = i - candidate
                                if l >= niceLength || l == limit { break }
                            }
                        }
                        let next = Int(prev[candidate & (window - 1)])
                        if next >= candidate { break }
                        candidate = next
                        chain -= 1
                    }
                }
                if bestLength >= 3 {
                    out.append(LZSymbol(length: UInt16(bestLength), distance: UInt16(bestDistance)))
                    for k in 0..<bestLength { insert(i + k) }
                    i += bestLength
                } else {
                    out.append(LZSymbol(length: UInt16(s[i]), distance: 0))
                    insert(i)
                    i += 1
                }
            }
        }
        return out
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

    @inline(__always)
    static func distanceCode(_ d: Int) -> Int {
        var lo = 0, hi = 29
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if distanceBase[mid] <= d { lo = mid } else { hi = mid - 1 }
        }
        return lo
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
        let leaves = freq.indices.filter { freq[$0] > 0 }.sorted { freq[$0] != freq[$1] ? freq[$0] < freq[$1] : $0 < $1 }
        if leaves.count == 1 { lengths[leaves[0]] = 1 }
        if leaves.count < 2 { return lengths }
        // Nodes 0..<leaves.count are the leaves; inner nodes follow in creation order.
        var weight = leaves.map { freq[$0] }
        var parent = [Int](repeating: -1, count: leaves.count)
        var nextLeaf = 0, nextInner = leaves.count
        func takeSmallest() -> Int {
            if nextLeaf < leaves.count && (nextInner >= weight.count || weight[nextLeaf] <= weight[nextInner]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInner += 1
            return nextInner - 1
        }
        for _ in 0..<(leaves.count - 1) {
            let a = takeSmallest(), b = takeSmallest()
            weight.append(weight[a] + weight[b])
            parent.append(-1)
            parent[a] = weight.count - 1
            parent[b] = weight.count - 1
        }
        // Depths from the root (the last node) down: parents come after their children.
        var depth = [Int](repeating: 0, count: weight.count)
        for node in stride(from: weight.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        for (k, s) in leaves.enumerated() { lengths[s] = depth[k] }
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

struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var used = 0

    @inline(__always)
    mutating func write(_ value: UInt32, _ count: Int) {
        buffer |= UInt64(value) << UInt64(used)
        used += count
        while used >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            used -= 8
        }
    }

    mutating func finish() -> [UInt8] {
        if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        used = 0
        return bytes
    }

    /// One dynamic-Huffman block. Both trees are made complete (at least two codes each), which
    /// every inflater accepts.
    mutating func writeBlock(_ symbols: ArraySlice<LZSymbol>, final: Bool) {
        var litFreq = [Int](repeating: 0, count: 286)
        var distFreq = [Int](repeating: 0, count: 30)
        for s in symbols {
            if s.distance == 0 {
                litFreq[Int(s.length)] += 1
            } else {
                litFreq[257 + Int(DeflateTables.lengthCode[Int(s.length)])] += 1
                distFreq[DeflateTables.distanceCode(Int(s.distance))] += 1
            }
        }
        litFreq[256] = 1
        if litFreq.filter({ $0 > 0 }).count < 2 { litFreq[0] = max(litFreq[0], 1) }
        if distFreq[0] == 0 { distFreq[0] = 1 }
        if distFreq[1] == 0 { distFreq[1] = 1 }
        let litLengths = Huffman.lengths(litFreq, limit: 15)
        let distLengths = Huffman.lengths(distFreq, limit: 15)
        let litCodes = Huffman.codes(litLengths), distCodes = Huffman.codes(distLengths)
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

        write(final ? 1 : 0, 1)
        write(2, 2)
        write(UInt32(hlit - 257), 5)
        write(UInt32(hdist - 1), 5)
        write(UInt32(hclen - 4), 4)
        for k in 0..<hclen { write(UInt32(clLengths[DeflateTables.codeLengthOrder[k]]), 3) }
        for r in runs {
            write(clCodes[r.symbol], clLengths[r.symbol])
            switch r.symbol {
            case 16: write(UInt32(r.extra), 2)
            case 17: write(UInt32(r.extra), 3)
            case 18: write(UInt32(r.extra), 7)
            default: break
            }
        }
        for s in symbols {
            if s.distance == 0 {
                write(litCodes[Int(s.length)], litLengths[Int(s.length)])
                continue
            }
            let lc = Int(DeflateTables.lengthCode[Int(s.length)])
            write(litCodes[257 + lc], litLengths[257 + lc])
            if DeflateTables.lengthExtra[lc] > 0 {
                write(UInt32(Int(s.length) - DeflateTables.lengthBase[lc]), DeflateTables.lengthExtra[lc])
            }
            let dc = DeflateTables.distanceCode(Int(s.distance))
            write(distCodes[dc], distLengths[dc])
            if DeflateTables.distanceExtra[dc] > 0 {
                write(UInt32(Int(s.distance) - DeflateTables.distanceBase[dc]), DeflateTables.distanceExtra[dc])
            }
        }
        write(litCodes[256], litLengths[256])
    }
}
