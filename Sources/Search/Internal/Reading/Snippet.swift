/// The text shown under a result: a window of one field around the best match.
///
/// Field: the first of body, headings…, meta with an occurrence of a term (else the first
/// non-empty one). Anchor: the earliest occurrence in it (else 0). Window: 100 scalars starting
/// 30 before the anchor, moved left if the field ends first; "…" marks a cut. Highlights: every
/// occurrence inside the window, overlapping/touching ranges merged, as UTF-16 offsets.
enum Snippet {
    static let width = 100
    static let lead = 30

    static func make(fields: [String], terms: [QueryTerm]) -> (text: String, highlights: [Range<Int>]) {
        var chosen: [Unicode.Scalar] = []
        var occurrences: [Range<Int>] = []
        var firstNonEmpty: [Unicode.Scalar]? = nil
        for field in fields {
            let source = Array(field.unicodeScalars)
            if source.isEmpty { continue }
            if firstNonEmpty == nil { firstNonEmpty = source }
            let found = self.occurrences(of: terms, in: source)
            if !found.isEmpty {
                chosen = source
                occurrences = found
                break
            }
        }
        if occurrences.isEmpty { chosen = firstNonEmpty ?? [] }
        guard !chosen.isEmpty else { return ("", []) }

        let anchor = occurrences.map(\.lowerBound).min() ?? 0
        let end = min(chosen.count, max(0, anchor - lead) + width)
        let start = max(0, end - width)

        var text = String.UnicodeScalarView()
        var utf16Offset: [Int] = []  // offset in the snippet of each window scalar, plus the end
        var offset = 0
        if start > 0 {
            text.append("…")
            offset = 1
        }
        for s in chosen[start..<end] {
            utf16Offset.append(offset)
            text.append(s)
            offset += s.utf16.count
        }
        utf16Offset.append(offset)
        if end < chosen.count { text.append("…") }

        var ranges: [Range<Int>] = []
        for r in occurrences.sorted(by: { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound < $1.upperBound })
        where r.lowerBound >= start && r.upperBound <= end {
            let mapped = utf16Offset[r.lowerBound - start]..<utf16Offset[r.upperBound - start]
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
