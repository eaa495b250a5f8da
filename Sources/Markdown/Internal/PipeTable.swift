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
    static func recognize(_ lines: [ParagraphLine]) -> PipeTable? {
        guard lines.count >= 2, lines[0].bytes.contains(UInt8(ascii: "|")) || lines[1].bytes.contains(UInt8(ascii: "|")),
              let alignments = delimiterRow(lines[1].bytes),
              alignments.count <= maximumColumns else { return nil }
        let header = cells(of: lines[0])
        guard header.count == alignments.count,
              (lines.count - 1) * alignments.count <= maximumCells else { return nil }
        var rows = [header]
        for line in lines.dropFirst(2) {
            var row = cells(of: line)
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

    /// The alignments, or nil unless every cell is `-`s with optional colons at either end.
    private static func delimiterRow(_ bytes: Bytes) -> [TableAlignment]? {
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

    private static func cells(of line: ParagraphLine) -> [Cell] {
        split(line.bytes).map { text, offset in
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
    private static func split(_ bytes: Bytes) -> [(text: ArraySlice<UInt8>, offset: Int)] {
        let row = Array(bytes)
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
