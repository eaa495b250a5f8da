/// Reads raw DEFLATE (RFC 1951): stored, fixed and dynamic blocks (the reader's side of
/// `Deflate`; any conforming stream works). Returns nil for a malformed stream.
enum Inflate {
    static func decompress(_ input: [UInt8]) -> [UInt8]? {
        var state = InflateState(input)
        return state.run() ? state.out : nil
    }
}

private struct HuffmanDecoder {
    /// count[l] = codes of length l; symbols in canonical order.
    var count = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    init?(_ lengths: ArraySlice<Int>) {
        for l in lengths { count[l] += 1 }
        count[0] = 0
        var left = 1
        for l in 1...15 {
            left <<= 1
            left -= count[l]
            if left < 0 { return nil }
        }
        var offsets = [Int](repeating: 0, count: 16)
        for l in 1..<15 { offsets[l + 1] = offsets[l] + count[l] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (s, l) in zip(0..., lengths) where l != 0 {
            symbols[offsets[l]] = s
            offsets[l] += 1
        }
    }
}

private struct InflateState {
    let input: [UInt8]
    var at = 0
    var bitBuffer = 0
    var bitCount = 0
    var out: [UInt8] = []
    var failed = false

    init(_ input: [UInt8]) {
        self.input = input
        out.reserveCapacity(input.count * 4)
    }

    mutating func bits(_ n: Int) -> Int {
        while bitCount < n {
            guard at < input.count else { failed = true; return 0 }
            bitBuffer |= Int(input[at]) << bitCount
            at += 1
            bitCount += 8
        }
        let v = bitBuffer & ((1 << n) - 1)
        bitBuffer >>= n
        bitCount -= n
        return v
    }

    mutating func decode(_ h: HuffmanDecoder) -> Int {
        var code = 0, first = 0, index = 0
        for l in 1...15 {
            code |= bits(1)
            if failed { return -1 }
            let count = h.count[l]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        failed = true
        return -1
    }

    mutating func run() -> Bool {
        var last = 0
        repeat {
            last = bits(1)
            let type = bits(2)
            if failed { return false }
            switch type {
            case 0:
                bitBuffer = 0
                bitCount = 0
                guard at + 4 <= input.count else { return false }
                let len = Int(input[at]) | Int(input[at + 1]) << 8
                let nlen = Int(input[at + 2]) | Int(input[at + 3]) << 8
                at += 4
                guard len == (~nlen & 0xFFFF), at + len <= input.count else { return false }
                out.append(contentsOf: input[at..<(at + len)])
                at += len
            case 1:
                var lengths = [Int](repeating: 8, count: 288)
                for s in 144..<256 { lengths[s] = 9 }
                for s in 256..<280 { lengths[s] = 7 }
                guard let lit = HuffmanDecoder(lengths[...]),
                      let dist = HuffmanDecoder([Int](repeating: 5, count: 30)[...]),
                      codes(lit, dist) else { return false }
            case 2:
                guard dynamic() else { return false }
            default:
                return false
            }
        } while last == 0
        return !failed
    }

    mutating func dynamic() -> Bool {
        let nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4
        if failed || nlen > 286 || ndist > 30 { return false }
        var lengths = [Int](repeating: 0, count: 320)
        for k in 0..<ncode { lengths[DeflateTables.codeLengthOrder[k]] = bits(3) }
        guard let lencode = HuffmanDecoder(lengths[0..<19]) else { return false }
        var index = 0
        while index < nlen + ndist {
            let symbol = decode(lencode)
            if symbol < 0 { return false }
            if symbol < 16 {
                lengths[index] = symbol
                index += 1
                continue
            }
            var value = 0, repeatCount: Int
            switch symbol {
            case 16:
                guard index > 0 else { return false }
                value = lengths[index - 1]
                repeatCount = 3 + bits(2)
            case 17: repeatCount = 3 + bits(3)
            default: repeatCount = 11 + bits(7)
            }
            guard index + repeatCount <= nlen + ndist else { return false }
            for _ in 0..<repeatCount { lengths[index] = value; index += 1 }
        }
        guard lengths[256] > 0,
              let lit = HuffmanDecoder(lengths[0..<nlen]),
              let dist = HuffmanDecoder(lengths[nlen..<(nlen + ndist)]) else { return false }
        return codes(lit, dist)
    }

    mutating func codes(_ lit: HuffmanDecoder, _ dist: HuffmanDecoder) -> Bool {
        while true {
            let symbol = decode(lit)
            if symbol < 0 { return false }
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return true }
            let lc = symbol - 257
            guard lc < 29 else { return false }
            let length = DeflateTables.lengthBase[lc] + bits(DeflateTables.lengthExtra[lc])
            let dc = decode(dist)
            guard dc >= 0, dc < 30 else { return false }
            let distance = DeflateTables.distanceBase[dc] + bits(DeflateTables.distanceExtra[dc])
            guard !failed, distance <= out.count else { return false }
            let from = out.count - distance
            for k in 0..<length { out.append(out[from + k]) }
        }
    }
}
