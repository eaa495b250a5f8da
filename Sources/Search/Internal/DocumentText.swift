import Foundation

/// Field classes, in text order; ranking weighs them title > heading > body/meta.
enum FieldClass: Int {
    case title = 0, heading = 1, other = 2
}

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
    /// Normalised scalar values of the joined text.
    let scalars: [UInt32]
    /// `scalars` indices where the headings and where body/meta begin; the "\n" after a field
    /// takes that field's class.
    let headingStart: Int
    let otherStart: Int

    init(_ doc: SearchDocument) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(doc.body.utf8.count / 2 + doc.title.utf8.count + 64)
        var fields: [[UInt8]] = []
        fields.reserveCapacity(doc.headings.count + 3)
        var scratch: [UInt32] = []
        func add(_ field: String) {
            if !fields.isEmpty { scalars.append(0x0A) }
            var json: [UInt8] = []
            json.reserveCapacity(field.utf8.count + 2)
            DocumentText.clean(field, scratch: &scratch, json: &json, normalized: &scalars)
            fields.append(json)
        }
        add(doc.title)
        let headingStart = scalars.count + 1
        for heading in doc.headings { add(heading) }
        let otherStart = scalars.count + 1
        add(doc.body)
        add(doc.meta)
        self.jsonFields = fields
        self.scalars = scalars
        self.headingStart = headingStart
        self.otherStart = otherStart
    }

    @inline(__always)
    func fieldClass(_ i: Int) -> Int { i < headingStart ? 0 : (i < otherStart ? 1 : 2) }

    /// NFKC of `field`, whitespace runs collapsed to one space and trimmed: appended as a JSON
    /// string literal to `json`, and lowercased to `normalized`.
    static func clean(_ field: String, scratch: inout [UInt32], json: inout [UInt8], normalized: inout [UInt32]) {
        scratch.removeAll(keepingCapacity: true)
        var stable = true
        for s in field.unicodeScalars {
            scratch.append(s.value)
            if stable && !SearchNormalizer.isNFKCStable(s) && !SearchCharacters.isSpace(s.value) { stable = false }
        }
        if !stable { scratch = nfkcRuns(scratch) }
        json.append(UInt8(ascii: "\""))
        var pendingSpace = false
        var any = false
        for v in scratch {
            if SearchCharacters.isSpace(v) {
                pendingSpace = any
                continue
            }
            if pendingSpace {
                json.append(0x20)
                normalized.append(0x20)
                pendingSpace = false
            }
            any = true
            JSONWriter.appendEscaped(v, to: &json)
            SearchNormalizer.appendLowercase(v, to: &normalized)
        }
        json.append(UInt8(ascii: "\""))
    }

    /// NFKC applied only to the runs that need it. A run of scalars outside the stable set is
    /// normalised together with the stable scalar before it (a combining mark may compose with
    /// it); the stable scalars around are starters that never compose backwards, so cutting there
    /// gives the same result as normalising the whole string. Whitespace is left as it is: NFKC
    /// maps it to whitespace, which `clean` collapses anyway.
    static func nfkcRuns(_ values: [UInt32]) -> [UInt32] {
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
            var run = String.UnicodeScalarView()
            for w in values[start..<end] { if let u = Unicode.Scalar(w) { run.append(u) } }
            for u in SearchNormalizer.foundationNFKC(String(run)).unicodeScalars { out.append(u.value) }
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

/// The ranking summary of one occurrence, carried in postings: field class and a coarse
/// position (16-scalar buckets, capped so it always fits two VLQ digits).
enum OccurrenceInfo {
    static let maxBucket = 340

    @inline(__always)
    static func make(position: Int, fieldClass: Int) -> Int {
        fieldClass + 3 * min(position >> 4, maxBucket)
    }
}
