/// The text shown under a result: a window of one field around the best match, in the note's
/// own words.
///
/// Field: the first of body, headings…, meta with an occurrence of a term (else the first
/// non-empty one). Anchor: the earliest occurrence in it (else 0). Window: 100 scalars of the
/// searched form starting 30 before the anchor, moved left if the field ends first; "…" marks a
/// cut. The window and every occurrence inside it are then taken back to the text as written
/// (the field's `Restore`s: `（ＩｏＴ）` stays `（ＩｏＴ）`); highlights, overlapping/touching
/// ranges merged, are UTF-16 offsets of that text.
enum Snippet {
    static let width = 100
    static let lead = 30

    struct Field {
        /// The searched form (NFKC, whitespace collapsed, case kept).
        let text: String
        let restores: [Restore]
    }

    static func make(fields: [Field], terms: [QueryTerm]) -> (text: String, highlights: [Range<Int>]) {
        var chosen: Field? = nil
        var source: [Unicode.Scalar] = []
        var occurrences: [Range<Int>] = []
        var firstNonEmpty: (Field, [Unicode.Scalar])? = nil
        for field in fields {
            let scalars = Array(field.text.unicodeScalars)
            if scalars.isEmpty { continue }
            if firstNonEmpty == nil { firstNonEmpty = (field, scalars) }
            let found = self.occurrences(of: terms, in: scalars)
            if !found.isEmpty {
                (chosen, source, occurrences) = (field, scalars, found)
                break
            }
        }
        if chosen == nil, let (field, scalars) = firstNonEmpty { (chosen, source) = (field, scalars) }
        guard let field = chosen, !source.isEmpty else { return ("", []) }

        let anchor = occurrences.map(\.lowerBound).min() ?? 0
        let end = min(source.count, max(0, anchor - lead) + width)
        let start = max(0, end - width)

        let written = WrittenText(stored: source, restores: field.restores)
        let (from, to) = written.range(start, end)
        var text = String.UnicodeScalarView()
        var utf16Offset: [Int] = []  // offset in the snippet of each written scalar of the window, plus the end
        var offset = 0
        if start > 0 {
            text.append("…")
            offset = 1
        }
        for s in written.scalars[from..<to] {
            utf16Offset.append(offset)
            text.append(s)
            offset += s.utf16.count
        }
        utf16Offset.append(offset)
        if end < source.count { text.append("…") }

        var ranges: [Range<Int>] = []
        for r in occurrences.sorted(by: { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound < $1.upperBound })
        where r.lowerBound >= start && r.upperBound <= end {
            let (a, b) = written.range(r.lowerBound, r.upperBound)
            let mapped = utf16Offset[a - from]..<utf16Offset[b - from]
            if let last = ranges.last, mapped.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, mapped.upperBound)
            } else {
                ranges.append(mapped)
            }
        }
        return (String(text), ranges)
    }

    /// Term occurrences as ranges of `source` scalar indices.
    static func occurrences(of terms: [QueryTerm], in source: [Unicode.Scalar]) -> [Range<Int>] {
        if terms.isEmpty { return [] }
        // Lowercase scalar by scalar, remembering which source scalar each one came from.
        var normal: [UInt32] = []
        var origin: [Int] = []
        for (i, s) in source.enumerated() {
            SearchNormalizer.appendLowercase(s.value, to: &normal)
            while origin.count < normal.count { origin.append(i) }
        }
        var found: [Range<Int>] = []
        func add(_ a: Int, _ b: Int) { found.append(origin[a]..<(origin[b - 1] + 1)) }
        for term in terms {
            let t = term.scalars
            switch term.kind {
            case .substring:
                guard t.count <= normal.count else { continue }
                for a in 0...(normal.count - t.count) where normal[a] == t[0] {
                    if normal[a..<(a + t.count)].elementsEqual(t) { add(a, a + t.count) }
                }
            case .word(let prefix):
                var i = 0
                while i < normal.count {
                    guard SearchCharacters.isWord(normal[i]) else { i += 1; continue }
                    let start = i
                    while i < normal.count, SearchCharacters.isWord(normal[i]) { i += 1 }
                    let word = normal[start..<i]
                    if prefix ? word.starts(with: t) : word.elementsEqual(t) { add(start, start + t.count) }
                }
            }
        }
        return found
    }
}

/// A field as written, with the way back from its searched form: searched scalar `i` came from
/// written scalars `starts[i] ..< ends[i]` (a whole restored stretch for each of its scalars).
struct WrittenText {
    private(set) var scalars: [Unicode.Scalar] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(stored: [Unicode.Scalar], restores: [Restore]) {
        var next = restores.sorted { $0.start < $1.start }.makeIterator()
        var pending = next.next()
        var i = 0
        while i < stored.count {
            while let r = pending, r.start < i { _ = r; pending = next.next() }
            if let r = pending, r.start == i, r.start + r.length <= stored.count {
                let from = scalars.count
                for v in r.original { if let u = Unicode.Scalar(v) { scalars.append(u) } }
                for _ in 0..<r.length { starts.append(from); ends.append(scalars.count) }
                i += r.length
                pending = next.next()
                continue
            }
            starts.append(scalars.count)
            scalars.append(stored[i])
            ends.append(scalars.count)
            i += 1
        }
    }

    /// The written range of searched scalars `a ..< b` (`a < b`).
    func range(_ a: Int, _ b: Int) -> (Int, Int) { (starts[a], ends[b - 1]) }
}
