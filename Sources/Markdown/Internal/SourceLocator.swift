/// Finds where the bytes of a text run really are in the source.
///
/// cmark's inline positions are exact only on the first line of a block. On continuation lines it
/// reports `block start column + offset in the stripped line`, losing the container prefix (`> `,
/// list indentation) and the leading spaces; after link reference definitions the lines are off too
/// (see `BlockOrigin.lineShift`). cmark also merges escapes and entities into text (`\[` becomes `[`),
/// so a bracket in the literal may not be a bracket in the source. Aligning the literal with the source
/// line answers both: the exact column and whether each byte was written literally.
///
/// Lives only for one parse: it borrows the source bytes.
final class SourceLocator {
    private let source: Bytes
    /// Byte offset where each line starts (index 0 = line 1); built on first use.
    private var lineStarts: [Int] = []

    init(_ source: Bytes) {
        self.source = source
    }

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

    /// 1-based column in Unicode scalars of an absolute byte offset on `line`.
    func characterColumn(line: Int, byteOffset: Int) -> Int {
        guard let range = lineRange(line) else { return 1 }
        let end = min(max(byteOffset, range.lowerBound), range.upperBound)
        var scalars = 0
        for index in range.lowerBound..<end where source[index] & 0xC0 != 0x80 { scalars += 1 }
        return scalars + 1
    }

    /// Where every byte of `run` comes from. Falls back to cmark's estimate when alignment fails,
    /// so a surprise in cmark gives a slightly wrong column, never a crash.
    func locate(_ run: TextRun) -> RunLocation {
        var location = RunLocation(count: run.bytes.count, firstLine: run.firstPiece.line + run.origin.lineShift)
        for index in 0...run.laterPieces.count {
            let piece = index == 0 ? run.firstPiece : run.laterPieces[index - 1]
            let pieceStart = piece.offset
            let pieceEnd = index < run.laterPieces.count ? run.laterPieces[index].offset : run.bytes.count
            let line = piece.line + run.origin.lineShift
            if index > 0 { location.laterPieceLines.append((offset: pieceStart, line: line)) }
            let literal = Bytes(rebasing: run.bytes[pieceStart..<pieceEnd])
            guard let range = lineRange(line) else { continue }
            let candidates = startCandidates(piece: piece, origin: run.origin, line: range)
            let aligned = candidates.contains {
                align(literal, at: $0, lineEnd: range.upperBound, base: pieceStart, into: &location)
            }
            if !aligned, let estimate = candidates.first {
                for offset in 0..<literal.count {
                    location.record(pieceStart + offset, source: min(estimate + offset, range.upperBound), written: true)
                }
            }
        }
        return location
    }

    // MARK: Private

    private func buildLineTableIfNeeded() {
        guard lineStarts.isEmpty else { return }
        lineStarts.append(0)
        var index = 0
        while index < source.count {
            let byte = source[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < source.count, source[index] == UInt8(ascii: "\n") { index += 1 }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { lineStarts.append(index) }
        }
    }

    /// Possible byte offsets of the piece's first byte, best guess first.
    private func startCandidates(piece: TextPiece, origin: BlockOrigin, line: Range<Int>) -> [Int] {
        if origin.lineShift == 0, piece.line == origin.line {
            return [line.lowerBound + piece.column - 1]
        }
        // A continuation line: skip the container prefix and indentation. A `>` can also start the
        // text itself (after deep indentation), so each `>` is a fallback start.
        var contentStart = line.lowerBound
        var quoteMarks: [Int] = []
        while contentStart < line.upperBound {
            let byte = source[contentStart]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ">") else { break }
            if byte == UInt8(ascii: ">") { quoteMarks.append(contentStart) }
            contentStart += 1
        }
        let delta = max(0, piece.column - origin.column)
        return [contentStart + delta] + quoteMarks.reversed().map { $0 + delta }
    }

    /// Walks the literal and the source side by side, undoing backslash escapes and entities.
    private func align(_ literal: Bytes, at start: Int, lineEnd: Int, base: Int, into location: inout RunLocation) -> Bool {
        var sourceIndex = start
        var literalIndex = 0
        while literalIndex < literal.count {
            guard sourceIndex < lineEnd, sourceIndex >= 0 else { return false }
            let byte = source[sourceIndex]
            let wanted = literal[literalIndex]
            if byte == UInt8(ascii: "\\"), sourceIndex + 1 < lineEnd,
               Self.isASCIIPunctuation(source[sourceIndex + 1]), source[sourceIndex + 1] == wanted {
                location.record(base + literalIndex, source: sourceIndex, written: false)
                sourceIndex += 2
                literalIndex += 1
                continue
            }
            if byte == UInt8(ascii: "&"), let length = entityLength(at: sourceIndex, lineEnd: lineEnd),
               !literal.dropFirst(literalIndex).starts(with: source[sourceIndex..<sourceIndex + length]) {
                // A decoded entity: one scalar in the literal, two for the few that decode to a pair.
                var scalars = 0
                repeat {
                    let scalarBytes = Self.scalarLength(literal[literalIndex])
                    for offset in 0..<min(scalarBytes, literal.count - literalIndex) {
                        location.record(base + literalIndex + offset, source: sourceIndex, written: false)
                    }
                    literalIndex += scalarBytes
                    scalars += 1
                } while scalars < 2 && literalIndex < literal.count && literal[literalIndex] >= 0x80
                    && (sourceIndex + length >= lineEnd || literal[literalIndex] != source[sourceIndex + length])
                sourceIndex += length
                continue
            }
            guard byte == wanted else { return false }
            location.record(base + literalIndex, source: sourceIndex, written: true)
            sourceIndex += 1
            literalIndex += 1
        }
        return true
    }

    /// Length of `&name;`, `&#123;` or `&#x1F;` at `index`, as CommonMark recognises them.
    private func entityLength(at index: Int, lineEnd: Int) -> Int? {
        var cursor = index + 1
        func count(_ limit: Int, _ accept: (UInt8) -> Bool) -> Int {
            var taken = 0
            while cursor < lineEnd, taken < limit, accept(source[cursor]) { cursor += 1; taken += 1 }
            return taken
        }
        guard cursor < lineEnd else { return nil }
        if source[cursor] == UInt8(ascii: "#") {
            cursor += 1
            if cursor < lineEnd, source[cursor] | 0x20 == UInt8(ascii: "x") {
                cursor += 1
                guard count(6, { $0.isHexDigit }) > 0 else { return nil }
            } else {
                guard count(7, { $0.isDecimalDigit }) > 0 else { return nil }
            }
        } else {
            guard source[cursor].isASCIILetter else { return nil }
            guard count(32, { $0.isASCIILetter || $0.isDecimalDigit }) >= 2 else { return nil }
        }
        guard cursor < lineEnd, source[cursor] == UInt8(ascii: ";") else { return nil }
        return cursor + 1 - index
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...: return 4
        default: return 1
        }
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}

/// Per byte of a text run: its source offset and whether it was written literally.
struct RunLocation {
    /// The source offset of each byte; bitwise-negated (`~offset`) when the byte came from an
    /// escape or entity. One array instead of two: this runs for every run holding `[[`.
    private var offsets: [Int]
    private let firstLine: Int
    var laterPieceLines: [(offset: Int, line: Int)] = []

    init(count: Int, firstLine: Int) {
        offsets = Array(repeating: 0, count: count)
        self.firstLine = firstLine
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

    func line(ofByte index: Int) -> Int {
        laterPieceLines.last { $0.offset <= index }?.line ?? firstLine
    }
}

extension UInt8 {
    var isDecimalDigit: Bool { (0x30...0x39).contains(self) }
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isHexDigit: Bool { isDecimalDigit || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}
