import CCmark

/// The cells of one pipe table, in row order, as the walker of its cell document sees them.
struct TableCells {
    struct Place {
        var line: Int
        var column: Int
        var header: Bool
        var alignment: TableAlignment
        var firstInRow: Bool
        var lastInRow: Bool
    }

    var places: [Place]

    init(_ table: PipeTable) {
        places = []
        for (rowIndex, row) in table.rows.enumerated() {
            for (index, cell) in row.enumerated() {
                places.append(Place(line: cell.line, column: cell.column, header: rowIndex == 0,
                                    alignment: table.alignments[index], firstInRow: index == 0,
                                    lastInRow: index == row.count - 1))
            }
        }
    }
}

/// Pipe tables. cmark reads a table as one paragraph; when its source lines are a table, the
/// paragraph's own inlines are skipped and the cells are parsed again, all in one cmark document
/// (`PipeTable.cellSource`), walked by a second walker whose positions map back to the note.
extension TreeWalker {
    /// Sends the table's events and returns true when `paragraph` is a pipe table.
    mutating func emitTable<Handler: MarkdownEventHandler>(_ paragraph: OpaquePointer, handler: inout Handler) -> Bool {
        guard Self.mayBeTable(paragraph), let table = PipeTable.recognize(paragraphLines(paragraph)) else { return false }
        let source = table.cellSource
        handler.enterTable(alignments: table.alignments)
        source.withUnsafeBufferPointer { bytes in
            guard let cells = CmarkBridge.parse(bytes, options: CMARK_OPT_DEFAULT) else { return }
            defer { cmark_node_free(cells) }
            guard let iterator = cmark_iter_new(cells) else { return }
            defer { cmark_iter_free(iterator) }
            var walker = TreeWalker(root: cells, locator: locator, extensions: extensions)
            walker.table = TableCells(table)
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                walker.visit(node, entering: event == CMARK_EVENT_ENTER, handler: &handler)
            }
        }
        handler.exitTable()
        return true
    }

    /// In a cell document every paragraph is one cell.
    mutating func visitCell<Handler: MarkdownEventHandler>(_ paragraph: OpaquePointer, entering: Bool, handler: inout Handler) {
        guard let places = table?.places else { return }
        if entering {
            cellIndex += 1
            guard places.indices.contains(cellIndex) else { return }
            let place = places[cellIndex]
            if place.firstInRow { handler.enterTableRow(header: place.header) }
            handler.enterTableCell(header: place.header, alignment: place.alignment)
            beginBlock(paragraph)
        } else {
            guard places.indices.contains(cellIndex) else { return }
            let place = places[cellIndex]
            handler.exitTableCell(header: place.header)
            if place.lastInRow { handler.exitTableRow(header: place.header) }
        }
    }

    // MARK: Positions

    /// The source line of `node`: in a cell document, the line of the node's cell.
    func startLine(_ node: OpaquePointer) -> Int {
        let line = Int(cmark_node_get_start_line(node))
        guard let places = table?.places else { return line }
        let index = (line - 1) / 2
        return places.indices.contains(index) ? places[index].line : line
    }

    /// The source byte column of `node`: in a cell document, counted from the cell's first byte.
    func startColumn(_ node: OpaquePointer) -> Int {
        let column = Int(cmark_node_get_start_column(node))
        guard let places = table?.places else { return column }
        let index = (Int(cmark_node_get_start_line(node)) - 1) / 2
        guard places.indices.contains(index) else { return column }
        return places[index].column + column - 1 - PipeTable.cellPrefix.count
    }

    /// How many bytes of `text` are the `\ ` that `cellSource` put before the cell: the first text
    /// of a cell paragraph starts with them.
    func droppedCellPrefix(_ text: OpaquePointer) -> Int {
        guard table != nil, cmark_node_previous(text) == nil, let parent = cmark_node_parent(text),
              cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH else { return 0 }
        return PipeTable.cellPrefix.count
    }

    /// `run` without its first `count` bytes; pieces and marks move with the text.
    static func dropping(_ count: Int, from run: TextRun) -> TextRun {
        let count = min(count, run.bytes.count)
        var pieces = [run.firstPiece] + run.laterPieces
        pieces = pieces.enumerated().compactMap { index, piece in
            let end = index + 1 < pieces.count ? pieces[index + 1].offset : run.bytes.count
            guard end > count || (index == pieces.count - 1) else { return nil }
            var moved = piece
            let skipped = max(0, count - piece.offset)
            moved.offset = max(0, piece.offset - count)
            moved.column += skipped
            return moved
        }
        var dropped = run
        dropped.bytes = Bytes(rebasing: run.bytes[count...])
        dropped.firstPiece = pieces[0]
        dropped.laterPieces = Array(pieces.dropFirst())
        dropped.strikes = run.strikes.filter { $0.offset >= count }.map { StrikeMark(offset: $0.offset - count, opens: $0.opens) }
        return dropped
    }

    /// Cheap first look, before any source line is read: a table's first or second line holds a
    /// `|` in its text (cmark keeps `|` as text), and spans at least two lines.
    private static func mayBeTable(_ paragraph: OpaquePointer) -> Bool {
        guard cmark_node_get_end_line(paragraph) > cmark_node_get_start_line(paragraph) else { return false }
        var breaks = 0
        var child = cmark_node_first_child(paragraph)
        while let node = child, breaks < 2 {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if PipeTable.hasBar(literal(node)) { return true }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                breaks += 1
            default:
                break
            }
            child = cmark_node_next(node)
        }
        return false
    }

    // MARK: Source lines

    /// The paragraph's lines as written, each without the container prefix (`> `, indentation)
    /// that the first line's start column shows.
    private func paragraphLines(_ paragraph: OpaquePointer) -> [ParagraphLine] {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        let prefix = max(0, Int(cmark_node_get_start_column(paragraph)) - 1)
        guard let firstRange = locator.lineRange(first),
              firstRange.count > prefix,
              PipeTable.hasBar(Bytes(rebasing: locator.source[firstRange.lowerBound + prefix..<firstRange.upperBound]))
                || last > first && locator.lineRange(first + 1).map({ PipeTable.hasBar(Bytes(rebasing: locator.source[$0])) }) == true
        else { return [] }
        var lines: [ParagraphLine] = []
        for number in first...max(first, last) {
            guard let range = locator.lineRange(number) else { break }
            var start = range.lowerBound
            if number == first {
                start += prefix
            } else {
                while start < range.upperBound, start - range.lowerBound < prefix,
                      [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(locator.source[start]) { start += 1 }
            }
            lines.append(ParagraphLine(number: number, bytes: Bytes(rebasing: locator.source[start..<range.upperBound]),
                                       column: start - range.lowerBound + 1))
        }
        return lines
    }
}
