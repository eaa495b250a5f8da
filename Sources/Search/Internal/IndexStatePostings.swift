/// Replacing one document's entry inside an encoded posting list (docs/search-index.md):
/// document postings `gap, info` or positional postings `head, [count − 2], v0, d1 …`.
/// Entries are gap-coded, so only the replaced entry and the gap of the one after it change;
/// everything before and after is copied as it is.
enum PostingPatch {
    /// The list with document `doc`'s entry replaced by `entry(gap)` (or removed when `entry`
    /// is nil); nil when the list stays byte for byte the same.
    static func replace(_ list: ArraySlice<UInt8>, doc: Int, positional: Bool,
                        entry: ((_ gap: Int) -> [UInt8])?) -> [UInt8]? {
        list.withUnsafeBufferPointer { buf in
            VLQ.digitValue.withUnsafeBufferPointer { digits in
                var reader = Reader(buf: buf, digits: digits)
                let n = buf.count
                var previous = -1
                var start = n, end = n
                var found = false
                var next: (doc: Int, multi: Int, headEnd: Int)?
                while reader.at < n {
                    let entryStart = reader.at
                    let first = reader.read()
                    let d = previous + (positional ? first >> 1 : first) + 1
                    if d < doc {
                        reader.skipRest(first: first, positional: positional)
                        previous = d
                        continue
                    }
                    start = entryStart
                    if d == doc {
                        found = true
                        reader.skipRest(first: first, positional: positional)
                        end = reader.at
                        if reader.at < n {
                            let head = reader.read()
                            next = (doc + (positional ? head >> 1 : head) + 1, positional ? head & 1 : 0, reader.at)
                        }
                    } else {
                        end = entryStart
                        next = (d, positional ? first & 1 : 0, reader.at)
                    }
                    break
                }
                let replacement = entry?(doc - previous - 1)
                if found, let replacement, replacement.elementsEqual(buf[start..<end]) { return nil }
                if !found && replacement == nil { return nil }
                var out: [UInt8] = []
                out.reserveCapacity(n + (replacement?.count ?? 0) + 8)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[0..<start]))
                if let replacement { out.append(contentsOf: replacement) }
                if let next {
                    let gap = next.doc - (replacement == nil ? previous : doc) - 1
                    VLQ.append(positional ? gap * 2 + next.multi : gap, to: &out)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[next.headEnd..<n]))
                }
                return out
            }
        }
    }

    /// A document-postings entry: `gap, info`.
    static func documentEntry(gap: Int, info: Int) -> [UInt8] {
        var out: [UInt8] = []
        VLQ.append(gap, to: &out)
        VLQ.append(info, to: &out)
        return out
    }

    /// A positional entry: `head, [count − 2], v0, d1 …` (as `PositionPostingBuilder.add`).
    static func positionEntry(gap: Int, values: ArraySlice<Int32>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 + 4)
        VLQ.append(gap * 2 + (values.count > 1 ? 1 : 0), to: &out)
        if values.count > 1 { VLQ.append(values.count - 2, to: &out) }
        var previous = -1
        for v in values {
            VLQ.append(Int(v) - previous - 1, to: &out)
            previous = Int(v)
        }
        return out
    }

    /// The document-level form (`gap, info` of the first occurrence) of a positional list, as
    /// the writer puts it in the g shards for frequent bigrams.
    static func documentLevel(_ list: ArraySlice<UInt8>) -> [UInt8] {
        list.withUnsafeBufferPointer { buf in
            VLQ.digitValue.withUnsafeBufferPointer { digits in
                var reader = Reader(buf: buf, digits: digits)
                var out: [UInt8] = []
                out.reserveCapacity(buf.count * 2 / 3 + 16)
                while reader.at < buf.count {
                    let head = reader.read()
                    let count = head & 1 == 1 ? reader.read() + 2 : 1
                    let v = reader.read()
                    for _ in 1..<count { reader.skip() }
                    VLQ.append(head >> 1, to: &out)
                    VLQ.append(OccurrenceInfo.make(position: v / 3, fieldClass: v % 3), to: &out)
                }
                return out
            }
        }
    }

    /// Reads VLQ numbers of a list the writer produced (so always well formed).
    private struct Reader {
        let buf: UnsafeBufferPointer<UInt8>
        let digits: UnsafeBufferPointer<UInt8>
        var at = 0

        @inline(__always)
        mutating func read() -> Int {
            var value = 0, shift = 0
            while at < buf.count {
                let digit = Int(digits[Int(buf[at])])
                at += 1
                value |= (digit & 31) << shift
                if digit & 32 == 0 { break }
                shift += 5
            }
            return value
        }

        @inline(__always)
        mutating func skip() {
            while at < buf.count {
                let digit = digits[Int(buf[at])]
                at += 1
                if digit & 32 == 0 { return }
            }
        }

        /// Skips what follows an entry's first number.
        @inline(__always)
        mutating func skipRest(first: Int, positional: Bool) {
            guard positional else { skip(); return }
            let count = first & 1 == 1 ? read() + 2 : 1
            for _ in 0..<count { skip() }
        }
    }
}
