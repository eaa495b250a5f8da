/// How a table column is aligned, from the colons of the delimiter row (`:--`, `:-:`, `--:`).
enum TableAlignment: Equatable {
    case none, left, center, right
}

/// One source line of a paragraph: its number and its bytes after any container prefix (`> `, a
/// list item's indentation).
struct ParagraphLine {
    var number: Int
    var bytes: Bytes
    /// 1-based byte column in the source line where `bytes` starts.
    var column: Int
}

/// A GitHub-style pipe table, recognised in the source lines of a paragraph that cmark parsed (cmark
/// itself has no table extension). Only the cells' layout is known here; their inline Markdown is
/// parsed afterwards, all cells of one table in one cmark document (`cellSource`).
struct PipeTable {
    struct Cell {
        /// The cell's text, trimmed, with `\|` turned into `|` (GitHub does this even in code spans).
        var text: [UInt8]
        var line: Int
        /// 1-based byte column of the cell's first byte in its source line.
        var column: Int
    }

    let alignments: [TableAlignment]
    /// `rows[0]` is the header; every row has exactly `alignments.count` cells (padded or cut).
    let rows: [[Cell]]

    /// A table this big is hostile input, not a note: padding short rows of a wide table would make
    /// the output quadratic in the input, so it stays a paragraph.
    static let maximumCells = 50_000
    static let maximumColumns = 128

    /// nil unless the lines are a header row, a delimiter row with as many cells, and body rows.
    /// Cheap to reject: the first line must hold a `|`, the second only `|:-` and blanks.
    ///
    /// A table typed with an IME may use full-width bars and dashes (`｜ー｜ー｜`): when its delimiter
    /// row does, `｜` separates the cells of every row (a `｜` in an ASCII table stays text).
    static func recognize(_ lines: [ParagraphLine]) -> PipeTable? {
        guard lines.count >= 2, hasBar(lines[0].bytes) || hasBar(lines[1].bytes) else { return nil }
        let wide = contains(lines[1].bytes, fullWidthBar)
        guard let alignments = delimiterRow(wide ? narrowed(lines[1].bytes) : Array(lines[1].bytes)),
              alignments.count <= maximumColumns else { return nil }
        let header = cells(of: lines[0], wide: wide)
        guard header.count == alignments.count,
              (lines.count - 1) * alignments.count <= maximumCells else { return nil }
        var rows = [header]
        for line in lines.dropFirst(2) {
            var row = cells(of: line, wide: wide)
            if row.count > alignments.count { row.removeLast(row.count - alignments.count) }
            let end = line.column + line.bytes.count
            while row.count < alignments.count { row.append(Cell(text: [], line: line.number, column: end)) }
            rows.append(row)
        }
        return PipeTable(alignments: alignments, rows: rows)
    }

    /// Every cell as its own paragraph, `\ ` first so that nothing in a cell can start a block
    /// (`# x`, `- x`, `> x`, a link definition) while emphasis still sees the cell's start as the
    /// start of a line. Paragraph `k` (source line `2k + 1`) is cell `k` in row order.
    var cellSource: [UInt8] {
        var source: [UInt8] = []
        for row in rows {
            for cell in row {
                source.append(contentsOf: Self.cellPrefix)
                source.append(contentsOf: cell.text)
                source.append(contentsOf: [UInt8(ascii: "\n"), UInt8(ascii: "\n")])
            }
        }
        return source
    }

    /// What `cellSource` puts before each cell; its bytes are dropped again from the cell's text.
    static let cellPrefix: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: " ")]

    // MARK: Rows

    static let fullWidthBar: [UInt8] = [0xEF, 0xBD, 0x9C]          // ｜
    /// Full-width hyphen, katakana long vowel mark, horizontal bar, box-drawing line, full-width colon.
    private static let wideDelimiters: [([UInt8], UInt8)] = [
        ([0xEF, 0xBC, 0x8D], UInt8(ascii: "-")), ([0xE3, 0x83, 0xBC], UInt8(ascii: "-")),
        ([0xE2, 0x80, 0x95], UInt8(ascii: "-")), ([0xE2, 0x94, 0x80], UInt8(ascii: "-")),
        ([0xEF, 0xBC, 0x9A], UInt8(ascii: ":")), (fullWidthBar, UInt8(ascii: "|")),
    ]

    static func hasBar(_ bytes: Bytes) -> Bool { bytes.contains(UInt8(ascii: "|")) || contains(bytes, fullWidthBar) }

    private static func contains(_ bytes: Bytes, _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if (1..<pattern.count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
        }
        return false
    }

    /// The delimiter row with its full-width characters as their ASCII counterparts.
    private static func narrowed(_ bytes: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        outer: while index < bytes.count {
            for (wide, ascii) in wideDelimiters where index + wide.count <= bytes.count
                && (0..<wide.count).allSatisfy({ bytes[index + $0] == wide[$0] }) {
                out.append(ascii)
                index += wide.count
                continue outer
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    /// The alignments, or nil unless every cell is `-`s with optional colons at either end.
    private static func delimiterRow(_ bytes: [UInt8]) -> [TableAlignment]? {
        var alignments: [TableAlignment] = []
        for (cell, _) in split(bytes) {
            guard let first = cell.first, let last = cell.last else { return nil }
            let dashes = cell.dropFirst(first == UInt8(ascii: ":") ? 1 : 0).dropLast(last == UInt8(ascii: ":") && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (first == UInt8(ascii: ":"), last == UInt8(ascii: ":") && cell.count > 1) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// With `wide`, each `｜` becomes `|` and two spaces: the same number of bytes, so every cell
    /// keeps its column in the source.
    private static func cells(of line: ParagraphLine, wide: Bool) -> [Cell] {
        var bytes = Array(line.bytes)
        if wide {
            var index = 0
            while index + 3 <= bytes.count {
                if bytes[index] == fullWidthBar[0], bytes[index + 1] == fullWidthBar[1], bytes[index + 2] == fullWidthBar[2] {
                    bytes.replaceSubrange(index..<index + 3, with: [UInt8(ascii: "|"), 0x20, 0x20])
                    index += 3
                } else {
                    index += 1
                }
            }
        }
        return split(bytes).map { text, offset in
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(text.count)
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(after: index)
                if text[index] == UInt8(ascii: "\\"), next < text.endIndex, text[next] == UInt8(ascii: "|") {
                    index = next
                    continue
                }
                unescaped.append(text[index])
                index = next
            }
            return Cell(text: unescaped, line: line.number, column: line.column + offset)
        }
    }

    /// The trimmed cells of a row and each one's byte offset in it. An optional `|` opens and closes
    /// the row; a `|` after a backslash is part of a cell.
    private static func split(_ row: [UInt8]) -> [(text: ArraySlice<UInt8>, offset: Int)] {
        var lower = 0, upper = row.count
        while lower < upper, isBlank(row[lower]) { lower += 1 }
        while upper > lower, isBlank(row[upper - 1]) { upper -= 1 }
        guard lower < upper else { return [] }
        if row[lower] == UInt8(ascii: "|") { lower += 1 }
        if upper > lower, row[upper - 1] == UInt8(ascii: "|"), !(upper - 2 >= lower && row[upper - 2] == UInt8(ascii: "\\")) {
            upper -= 1
        }
        var cells: [(ArraySlice<UInt8>, Int)] = []
        var start = lower
        var index = lower
        while index <= upper {
            let isPipe = index < upper && row[index] == UInt8(ascii: "|") && !(index > lower && row[index - 1] == UInt8(ascii: "\\"))
            if index == upper || isPipe {
                var cellLower = start, cellUpper = index
                while cellLower < cellUpper, isBlank(row[cellLower]) { cellLower += 1 }
                while cellUpper > cellLower, isBlank(row[cellUpper - 1]) { cellUpper -= 1 }
                cells.append((row[cellLower..<cellUpper], cellLower))
                start = index + 1
            }
            index += 1
        }
        return cells
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
