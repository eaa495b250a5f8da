/// Finds where the bytes of a text run really are in the source.
///
/// cmark's inline positions are exact only on the first line of a block. On continuation lines it
/// reports `block start column + offset from where it started adding the line` (after the container
/// prefix and indentation, or before the indentation on a lazy line); after link reference
/// definitions and backslash hard breaks its line numbers lag; a half-used `**` keeps the column of
/// the whole run. cmark also merges escapes and entities into text (`\[` becomes `[`), so a bracket
/// in the literal may not be a bracket in the source.
///
/// Aligning the literal with the source answers both questions: the exact position and whether each
/// byte was written literally. cmark's numbers give the first guess; when the literal does not align
/// there, a bounded forward search from the end of the previous text of the same block finds it.
///
/// Lives only for one parse: it borrows the source bytes.
final class SourceLocator {
    let source: Bytes
    /// Byte offset where each line starts (index 0 = line 1); built on first use.
    private var lineStarts: [Int] = []
    /// Per continuation line, the content start that aligned (see `contentStartCandidates`).
    private var contentStarts: [Int: Int] = [:]
    /// Per block (by start line) with an uncertain line shift, the shift that aligned.
    private var shiftsByBlock: [Int: Int] = [:]
    /// Text is located in document order: the end of the last located piece, and its block.
    private var cursor = 0
    private var cursorBlock = BlockOrigin(line: 0)
    /// How far past the cursor a search may look, so hostile input cannot make it quadratic.
    private let searchWindow = 4096
    private let maximumPrefixBacktrack = 64
    /// After this many searches that found nothing in one block, trust cmark's numbers instead.
    private let maximumFailedSearches = 8
    private var failedSearches = 0
    private var lastCounted: (lineStart: Int, offset: Int, scalars: Int)?

    init(_ source: Bytes) {
        self.source = source
    }

    // MARK: Lines

    /// The bytes of a line, without its terminator (`\n`, `\r\n` or `\r`, as cmark accepts).
    func lineRange(_ line: Int) -> Range<Int>? {
        buildLineTableIfNeeded()
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : source.count
        if end > start, source[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, source[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// Up to `count` source bytes at a 1-based line and byte column (fewer at the end of the line).
    func bytes(line: Int, column: Int, count: Int) -> Bytes {
        guard let range = lineRange(line), column >= 1 else { return Bytes(start: nil, count: 0) }
        let start = min(range.lowerBound + column - 1, range.upperBound)
        return Bytes(rebasing: source[start..<min(start + count, range.upperBound)])
    }

    /// 1-based line and column (in Unicode scalars) of a source byte offset.
    func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        let line = self.line(containing: offset)
        let lineStart = lineStarts[line - 1]
        let target = min(max(offset, lineStart), source.count)
        // Links come in document order: continue counting from the previous answer on the same line,
        // so many links on one huge line cost one pass over it.
        var (index, scalars) = (lineStart, 0)
        if let counted = lastCounted, counted.lineStart == lineStart, counted.offset <= target {
            (index, scalars) = (counted.offset, counted.scalars)
        }
        while index < target {
            if source[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        lastCounted = (lineStart, target, scalars)
        return (line, scalars + 1)
    }

    /// A cmark position (line, 1-based byte column) as line and scalar column.
    func position(line: Int, byteColumn: Int) -> (line: Int, column: Int) {
        guard let range = lineRange(line) else { return (line, byteColumn) }
        let offset = min(range.lowerBound + max(0, byteColumn - 1), range.upperBound)
        var scalars = 0
        for index in range.lowerBound..<offset where source[index] & 0xC0 != 0x80 { scalars += 1 }
        return (line, scalars + 1)
    }

    /// 1-based line holding a source byte offset.
    func line(containing offset: Int) -> Int {
        buildLineTableIfNeeded()
        var low = 0, high = lineStarts.count
        while low + 1 < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    // MARK: Locating text

    /// The source offset of every byte of `run`. Falls back to cmark's estimate when nothing aligns,
    /// so a surprise in cmark gives a slightly wrong column, never a crash.
    func locate(_ run: TextRun) -> RunLocation {
        if run.origin.line != cursorBlock.line {
            cursorBlock = run.origin
            cursor = lineRange(run.origin.line)?.lowerBound ?? 0
            failedSearches = 0
        }
        var location = RunLocation(count: run.bytes.count)
        for index in 0...run.laterPieces.count {
            let piece = index == 0 ? run.firstPiece : run.laterPieces[index - 1]
            let pieceEnd = index < run.laterPieces.count ? run.laterPieces[index].offset : run.bytes.count
            let literal = Bytes(rebasing: run.bytes[piece.offset..<pieceEnd])
            if let end = locateAsReported(literal, piece, run.origin, into: &location) {
                cursor = end
            } else if failedSearches < maximumFailedSearches,
                      let end = searchForward(literal, piece, run.origin, into: &location) {
                cursor = end
            } else {
                failedSearches += 1
                cursor = max(cursor, fallBack(literal, piece, run.origin, into: &location))
            }
        }
        return location
    }

    /// At cmark's line (with the block's shift, or each shift an uncertain block allows).
    private func locateAsReported(_ literal: Bytes, _ piece: TextPiece, _ origin: BlockOrigin,
                                  into location: inout RunLocation) -> Int? {
        if let end = locate(literal, piece, origin, shift: origin.lineShift, into: &location) { return end }
        guard origin.maximumLineShift > 0 else { return nil }
        let shifts = shiftsByBlock[origin.line].map { [$0] } ?? Array(0...origin.maximumLineShift)
        for shift in shifts where shift != origin.lineShift {
            if let end = locate(literal, piece, origin, shift: shift, into: &location) {
                shiftsByBlock[origin.line] = shift
                return end
            }
        }
        return nil
    }

    private func locate(_ literal: Bytes, _ piece: TextPiece, _ origin: BlockOrigin, shift: Int,
                        into location: inout RunLocation) -> Int? {
        let line = piece.line + shift
        guard let range = lineRange(line) else { return nil }
        if shift == 0, piece.line == origin.line {
            let start = range.lowerBound + piece.column - 1
            guard start >= cursor else { return nil }
            return alignAllowingUsedDelimiters(literal, at: start, lineEnd: range.upperBound,
                                               base: piece.offset, into: &location)
        }
        // Continuation line: cmark counts from where it started adding the line. Try each possible
        // start, best guess first; remember what worked for the line's other pieces.
        let delta = max(0, piece.column - origin.column)
        for start in contentStartCandidates(line: line, range: range) where start + delta >= cursor {
            if let end = alignAllowingUsedDelimiters(literal, at: start + delta, lineEnd: range.upperBound,
                                                     base: piece.offset, into: &location) {
                contentStarts[line] = start
                return end
            }
        }
        return nil
    }

    /// The first place after the previous text of this block where the literal aligns.
    private func searchForward(_ literal: Bytes, _ piece: TextPiece, _ origin: BlockOrigin,
                               into location: inout RunLocation) -> Int? {
        guard let first = literal.first else { return cursor }
        buildLineTableIfNeeded()
        let limit = min(source.count, cursor + searchWindow + literal.count)
        var line = self.line(containing: cursor)
        while let range = lineRange(line), range.lowerBound < limit {
            for start in max(cursor, range.lowerBound)..<min(range.upperBound, limit) {
                let byte = source[start]
                guard byte == first || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&")
                    || byte == UInt8(ascii: "\t") else { continue }
                if let end = align(literal, at: start, lineEnd: range.upperBound, base: piece.offset, into: &location) {
                    return end
                }
            }
            line += 1
        }
        return nil
    }

    /// cmark's own numbers, taken at face value; returns the estimated end.
    private func fallBack(_ literal: Bytes, _ piece: TextPiece, _ origin: BlockOrigin,
                          into location: inout RunLocation) -> Int {
        guard let range = lineRange(piece.line + origin.lineShift) else { return cursor }
        let estimate = min(range.lowerBound + max(0, piece.column - 1), range.upperBound)
        for offset in 0..<literal.count {
            location.record(piece.offset + offset, source: min(estimate + offset, range.upperBound), written: true)
        }
        return min(estimate + literal.count, range.upperBound)
    }

    /// Where a continuation line's content may start: the cached answer for this line, then after
    /// all prefix characters (`>`, spaces, tabs), then earlier prefix positions (a bounded number,
    /// so a hostile 1 MB indentation costs nothing per piece), then the line's start.
    private func contentStartCandidates(line: Int, range: Range<Int>) -> [Int] {
        if let known = contentStarts[line] { return [known] }
        var afterPrefix = range.lowerBound
        while afterPrefix < range.upperBound {
            let byte = source[afterPrefix]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ">") else { break }
            afterPrefix += 1
        }
        let earliest = max(range.lowerBound, afterPrefix - maximumPrefixBacktrack)
        let lineStart = earliest > range.lowerBound ? [range.lowerBound] : [] // a lazy line's start
        return [afterPrefix] + stride(from: afterPrefix - 1, through: earliest, by: -1) + lineStart
    }

    /// When a closing `**` uses only part of a delimiter run, cmark keeps the leftover text at the
    /// run's first column; the text really starts after the used `*`/`_`, so slide over them.
    private func alignAllowingUsedDelimiters(_ literal: Bytes, at start: Int, lineEnd: Int, base: Int,
                                             into location: inout RunLocation) -> Int? {
        var candidate = start
        while candidate < lineEnd, candidate >= 0 {
            if let end = align(literal, at: candidate, lineEnd: lineEnd, base: base, into: &location) { return end }
            guard source[candidate] == UInt8(ascii: "*") || source[candidate] == UInt8(ascii: "_") else { return nil }
            candidate += 1
        }
        return nil
    }

    private func buildLineTableIfNeeded() {
        guard lineStarts.isEmpty else { return }
        // Into a local array (appending to the stored one pays an exclusivity check per line), and
        // every byte above CR passed over with one comparison.
        var starts = [0]
        let source = self.source, count = source.count
        var index = 0
        while index < count {
            let byte = source[index]
            index += 1
            if byte > UInt8(ascii: "\r") { continue }
            if byte == UInt8(ascii: "\r"), index < count, source[index] == UInt8(ascii: "\n") { index += 1 }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { starts.append(index) }
        }
        lineStarts = starts
    }
}

/// Per byte of a text run: its source offset and whether it was written literally.
struct RunLocation {
    /// The source offset of each byte; bitwise-negated (`~offset`) when the byte came from an
    /// escape or entity. One array instead of two: this runs for every run holding `[[`.
    private var offsets: [Int]

    init(count: Int) {
        offsets = Array(repeating: 0, count: count)
    }

    mutating func record(_ index: Int, source: Int, written: Bool) {
        guard index < offsets.count else { return }
        offsets[index] = written ? source : ~source
    }

    func isWritten(_ index: Int) -> Bool { offsets[index] >= 0 }

    func sourceOffset(_ index: Int) -> Int {
        let stored = offsets[index]
        return stored >= 0 ? stored : ~stored
    }
}
