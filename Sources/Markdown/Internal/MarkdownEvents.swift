/// Bytes borrowed from the parser for the duration of one event. Never store them.
typealias Bytes = UnsafeBufferPointer<UInt8>

/// One text node's place in the run and in the source, as cmark reports it.
struct TextPiece {
    /// Offset of the node's first byte inside `TextRun.bytes`.
    var offset: Int
    var line: Int
    /// cmark's start column (bytes, 1-based). Exact on a block's first line only; see `SourceLocator`.
    var column: Int
}

/// Where the leaf block that holds a text run starts, for mapping cmark columns back to the source.
struct BlockOrigin {
    var line: Int = 1
    var column: Int = 1
    /// Lines swallowed by link reference definitions at the start of a paragraph: cmark keeps the
    /// paragraph's start line there, so every inline line number is that many lines too small.
    var lineShift: Int = 0
    /// For blocks where cmark's end line is unreliable (setext headings) the shift is not known;
    /// `SourceLocator` tries each shift up to this one.
    var maximumLineShift: Int = 0
}

/// Consecutive sibling text nodes, joined: cmark may split `[[x]]` into `[`, `[x`, `]]`.
struct TextRun {
    var bytes: Bytes
    var firstPiece: TextPiece
    /// Pieces after the first; empty (and unallocated) in the common one-node case.
    var laterPieces: [TextPiece] = []
    var origin: BlockOrigin
    /// Where `~~` opens or closes a strikethrough, in ascending offsets (usually empty).
    var strikes: [StrikeMark] = []
    /// In a table cell a `\|` is a wiki link's bar (`[[id\|label]]`), since a bare `|` ends the cell.
    var inTableCell = false
}

/// The walk over cmark's tree, as plain Swift values. Implemented by `DocumentBuilder`; the C pointers
/// stay in `CmarkBridge`.
protocol MarkdownEventHandler {
    mutating func enterBlockQuote()
    mutating func exitBlockQuote()
    mutating func enterList(ordered: Bool, start: Int, hasTasks: Bool)
    mutating func exitList(ordered: Bool)
    /// `task` is nil for an ordinary item, else whether the box is checked.
    mutating func enterItem(task: Bool?, line: Int)
    mutating func exitItem()
    mutating func enterHeading(level: Int, line: Int, topLevel: Bool)
    mutating func exitHeading(level: Int)
    mutating func enterParagraph(tight: Bool)
    mutating func exitParagraph(tight: Bool)
    mutating func codeBlock(info: Bytes, literal: Bytes)
    mutating func htmlBlock(literal: Bytes)
    mutating func thematicBreak()
    /// A pipe table: rows of cells, each cell's inlines sent between `enterTableCell` and `exitTableCell`.
    mutating func enterTable(alignments: [TableAlignment])
    mutating func enterTableRow(header: Bool)
    mutating func enterTableCell(header: Bool, alignment: TableAlignment)
    mutating func exitTableCell(header: Bool)
    mutating func exitTableRow(header: Bool)
    mutating func exitTable()
    mutating func text(_ run: TextRun)
    mutating func softBreak()
    mutating func lineBreak()
    mutating func code(literal: Bytes)
    mutating func htmlInline(literal: Bytes)
    mutating func enterEmphasis(strong: Bool)
    mutating func exitEmphasis(strong: Bool)
    /// `line`/`column`: cmark's start of the link (byte column), for locating local links.
    mutating func enterLink(url: Bytes, title: Bytes, line: Int, column: Int)
    mutating func exitLink()
    mutating func enterImage(url: Bytes, line: Int, column: Int)
    mutating func exitImage(title: Bytes)
}
