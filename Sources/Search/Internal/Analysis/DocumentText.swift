import Foundation

/// A document's searchable text: its fields in NFKC (whitespace runs collapsed to one space),
/// and the normalised scalars of all fields joined by "\n" — a separator that no query term
/// can contain, so no match spans two fields.
///
/// Built in one pass over Unicode scalar values: Foundation's NFKC is called only for the runs
/// of scalars that NFKC may change (full-width Latin, half-width kana, ㍿ …); plain kanji, kana
/// and ASCII never leave the fast path. The stored fields come out JSON-escaped, ready for the
/// document shard.
struct DocumentText {
    /// Stored NFKC fields as JSON string literals (quotes included): [title, headings…, body, meta].
    let jsonFields: [[UInt8]]
    /// Per field (same order), where the stored text differs from what was written, so that
    /// snippets show the note's own text.
    let restores: [[Restore]]
    /// Normalised scalar values of the joined text.
    let scalars: [UInt32]
    /// `scalars` indices where the headings and where body/meta begin; the "\n" after a field
    /// takes that field's class.
    let headingStart: Int
    let otherStart: Int

    init(_ doc: SearchDocument) { self.init(doc, cache: NFKCRunCache()) }

    /// `cache` remembers the NFKC of short runs across documents (one cache per thread).
    init(_ doc: SearchDocument, cache: NFKCRunCache) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(doc.body.utf8.count / 2 + doc.title.utf8.count + 64)
        var fields: [[UInt8]] = []
        var restores: [[Restore]] = []
        fields.reserveCapacity(doc.headings.count + 3)
        var scratch: [UInt32] = []
        func add(_ field: String) {
            if !fields.isEmpty { scalars.append(0x0A) }
            var json: [UInt8] = []
            var restore: [Restore] = []
            json.reserveCapacity(field.utf8.count + 2)
            DocumentText.clean(field, scratch: &scratch, json: &json, normalized: &scalars, restores: &restore, cache: cache)
            fields.append(json)
            restores.append(restore)
        }
        add(doc.title)
        let headingStart = scalars.count + 1
        for heading in doc.headings { add(heading) }
        let otherStart = scalars.count + 1
        add(doc.body)
        add(doc.meta)
        self.jsonFields = fields
        self.restores = restores
        self.scalars = scalars
        self.headingStart = headingStart
        self.otherStart = otherStart
    }

    @inline(__always)
    func fieldClass(_ i: Int) -> Int { i < headingStart ? 0 : (i < otherStart ? 1 : 2) }

    /// NFKC of `field`, whitespace runs collapsed to one space (a line break when the run holds
    /// one, so a heading does not run into its text) and trimmed: appended as a JSON string
    /// literal to `json`, and lowercased to `normalized` (where every run is one space); the
    /// places that NFKC changed go to `restores`.
    static func clean(_ field: String, scratch: inout [UInt32], json: inout [UInt8], normalized: inout [UInt32],
                      restores: inout [Restore], cache: NFKCRunCache? = nil) {
        // Decoded into scratch room (a field has at most as many scalars as UTF-8 bytes).
        let room = cache ?? NFKCRunCache()
        let utf8Count = field.utf8.count
        if room.input.count < utf8Count { room.input = [UInt32](repeating: 0, count: utf8Count + 1024) }
        var decoded = 0
        var stable = true
        room.input.withUnsafeMutableBufferPointer { input in
            for s in field.unicodeScalars where decoded < input.count {
                input[decoded] = s.value
                decoded += 1
                if stable && !SearchNormalizer.isNFKCStable(s) && !SearchCharacters.isSpace(s.value) { stable = false }
            }
        }
        var runs: [ChangedRun] = []
        if stable {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: room.input[0..<decoded])
        } else {
            scratch = nfkcRuns(Array(room.input[0..<decoded]), cache: cache, changed: &runs)
        }
        // Stored index of each scratch value (and of the end), for the changed runs.
        var storedAt: [Int32] = runs.isEmpty ? [] : [Int32](repeating: 0, count: scratch.count + 1)
        // Written through raw pointers into scratch room (at most 6 JSON bytes and 3 lowercase
        // scalars per scalar), then copied once: no per-scalar `append`.
        room.reserve(scratch.count)
        let track = !runs.isEmpty
        let (jsonCount, lowerCount) = scratch.withUnsafeBufferPointer { values in
            room.bytes.withUnsafeMutableBufferPointer { bytes in
                room.lower.withUnsafeMutableBufferPointer { lowerBuffer -> (Int, Int) in
                    guard let byteBase = bytes.baseAddress, let lower = lowerBuffer.baseAddress else { return (0, 0) }
                    var w = ByteWriter(byteBase)
                    var k = 0, stored = 0
                    w.put(UInt8(ascii: "\""))
                    var pendingSpace = false, pendingBreak = false
                    var any = false
                    for (i, v) in values.enumerated() {
                        if SearchCharacters.isSpace(v) {
                            if track { storedAt[i] = Int32(stored) }
                            pendingSpace = any
                            if any && SearchCharacters.isLineBreak(v) { pendingBreak = true }
                            continue
                        }
                        if pendingSpace {
                            if pendingBreak { w.put(UInt8(ascii: "\\")); w.put(UInt8(ascii: "n")) } else { w.put(0x20) }
                            lower[k] = 0x20
                            k += 1
                            stored += 1
                            pendingSpace = false
                            pendingBreak = false
                        }
                        if track { storedAt[i] = Int32(stored) }
                        stored += 1
                        any = true
                        w.putEscaped(v)
                        if v < 0x80 {
                            lower[k] = v >= 0x41 && v <= 0x5A ? v + 32 : v
                            k += 1
                        } else if (v >= 0x3000 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3) {
                            lower[k] = v
                            k += 1
                        } else {
                            var mapped: [UInt32] = []
                            SearchNormalizer.appendLowercase(v, to: &mapped)
                            for l in mapped.prefix(3) { lower[k] = l; k += 1 }
                        }
                    }
                    w.put(UInt8(ascii: "\""))
                    return (w.count, k)
                }
            }
        }
        json.append(contentsOf: room.bytes[0..<jsonCount])
        normalized.append(contentsOf: room.lower[0..<lowerCount])
        if track {
            var stored = 0
            for i in scratch.indices where !SearchCharacters.isSpace(scratch[i]) { stored = Int(storedAt[i]) + 1 }
            storedAt[scratch.count] = Int32(stored)
            for run in runs {
                let start = Int(storedAt[run.outStart]), end = Int(storedAt[run.outEnd])
                guard end > start else { continue }
                restores.append(Restore(start: start, length: end - start, original: Array(room.input[run.inStart..<run.inEnd])))
            }
        }
    }

    /// NFKC applied only to the runs that need it. A run of scalars outside the stable set is
    /// normalised together with the stable scalar before it (a combining mark may compose with
    /// it); the stable scalars around are starters that never compose backwards, so cutting there
    /// gives the same result as normalising the whole string. Whitespace is left as it is: NFKC
    /// maps it to whitespace, which `clean` collapses anyway.
    static func nfkcRuns(_ values: [UInt32], cache: NFKCRunCache? = nil) -> [UInt32] {
        var changed: [ChangedRun] = []
        return nfkcRuns(values, cache: cache, changed: &changed)
    }

    /// As above; `changed` gets the stretches where the output differs from the input, as small
    /// as they can be said (common ends trimmed; equal lengths paired scalar by scalar).
    static func nfkcRuns(_ values: [UInt32], cache: NFKCRunCache?, changed: inout [ChangedRun]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(values.count + 8)
        var i = 0
        while i < values.count {
            let v = values[i]
            if isStable(v) {
                out.append(v)
                i += 1
                continue
            }
            var start = i
            if start > 0 && !SearchCharacters.isSpace(values[start - 1]) {
                start -= 1
                out.removeLast()
            }
            var end = i + 1
            while end < values.count && !isStable(values[end]) { end += 1 }
            let normalized = cache.map { $0.nfkc(values[start..<end]) } ?? NFKCRunCache.foundationNFKC(values[start..<end])
            ChangedRun.add(input: values[start..<end], output: normalized, outStart: out.count, to: &changed)
            out.append(contentsOf: normalized)
            i = end
        }
        return out
    }

    @inline(__always)
    private static func isStable(_ v: UInt32) -> Bool {
        guard let u = Unicode.Scalar(v) else { return true }
        return SearchNormalizer.isNFKCStable(u) || SearchCharacters.isSpace(v)
    }
}

/// NFKC of the runs `DocumentText.nfkcRuns` cuts out, remembered: the same few full-width and
/// half-width forms recur in note after note (and with them the same runs), and Foundation's
/// NFKC costs a String bridge per call. The result is that of Foundation, so the cache changes
/// only the time. Not thread-safe: one cache per thread.
final class NFKCRunCache {
    private var runs: [[UInt32]: [UInt32]] = [:]
    /// Scratch room for `DocumentText.clean`, reused from field to field.
    var input: [UInt32] = []
    var bytes: [UInt8] = []
    var lower: [UInt32] = []

    /// Room for a field of `scalars` scalars.
    func reserve(_ scalars: Int) {
        if bytes.count < scalars * 6 + 2 { bytes = [UInt8](repeating: 0, count: scalars * 6 + 2 + 1024) }
        if lower.count < scalars * 3 + 1 { lower = [UInt32](repeating: 0, count: scalars * 3 + 1 + 512) }
    }

    /// Runs beyond this are rare (long half-width passages) and not worth keeping.
    static let longestKept = 16
    static let capacity = 50_000

    func nfkc(_ run: ArraySlice<UInt32>) -> [UInt32] {
        guard run.count <= NFKCRunCache.longestKept else { return NFKCRunCache.foundationNFKC(run) }
        let key = Array(run)
        if let known = runs[key] { return known }
        let value = NFKCRunCache.foundationNFKC(run)
        if runs.count >= NFKCRunCache.capacity { runs.removeAll(keepingCapacity: true) }
        runs[key] = value
        return value
    }

    static func foundationNFKC(_ run: ArraySlice<UInt32>) -> [UInt32] {
        var text = String.UnicodeScalarView()
        for w in run { if let u = Unicode.Scalar(w) { text.append(u) } }
        return SearchNormalizer.foundationNFKC(String(text)).unicodeScalars.map(\.value)
    }
}

/// Stored scalars `start ..< start + length` of a field stand for `original` as written.
struct Restore: Equatable {
    let start: Int
    let length: Int
    let original: [UInt32]
}

/// Where NFKC changed the text: output `outStart..<outEnd` came from input `inStart..<inEnd`.
struct ChangedRun {
    let outStart: Int, outEnd: Int, inStart: Int, inEnd: Int

    static func add(input: ArraySlice<UInt32>, output: [UInt32], outStart: Int, to runs: inout [ChangedRun]) {
        var a = input.startIndex, b = input.endIndex, x = 0, y = output.count
        while a < b && x < y && input[a] == output[x] { a += 1; x += 1 }
        while a < b && x < y && input[b - 1] == output[y - 1] { b -= 1; y -= 1 }
        if a == b && x == y { return }
        // Nothing may vanish on one side: keep one shared scalar with it.
        if a == b || x == y {
            if b < input.endIndex { b += 1; y += 1 } else if a > input.startIndex { a -= 1; x -= 1 }
        }
        if b - a == y - x {
            for k in 0..<(b - a) where input[a + k] != output[x + k] {
                runs.append(ChangedRun(outStart: outStart + x + k, outEnd: outStart + x + k + 1, inStart: a + k, inEnd: a + k + 1))
            }
        } else {
            runs.append(ChangedRun(outStart: outStart + x, outEnd: outStart + y, inStart: a, inEnd: b))
        }
    }
}
