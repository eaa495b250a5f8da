import CCmark
import Foundation

/// With `CmarkBridge+Tables.swift`, the only code that sees cmark's C pointers. It parses, walks the tree with cmark's own iterator
/// (iterative, so 10,000 nested blockquotes cost no stack), hands plain Swift values to a handler,
/// and frees the tree before returning. Nothing here outlives the call.
enum CmarkBridge {
    static func walk<Handler: MarkdownEventHandler>(
        _ source: Bytes, locator: SourceLocator, extensions: Bool, handler: inout Handler
    ) {
        guard let root = parse(source, options: CMARK_OPT_DEFAULT) else { return }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var walker = TreeWalker(root: root, locator: locator, extensions: extensions)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if walker.visit(node, entering: event == CMARK_EVENT_ENTER, handler: &handler) == .skipChildren {
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
            }
        }
    }

    /// cmark's own HTML renderer: the reference our renderer must match and the speed floor.
    static func referenceHTML(_ source: Bytes, unsafe: Bool) -> String {
        let options = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let root = parse(source, options: options) else { return "" }
        defer { cmark_node_free(root) }
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    static func parse(_ source: Bytes, options: Int32) -> OpaquePointer? {
        guard let base = source.baseAddress, source.count > 0 else {
            return cmark_parse_document("", 0, options)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: source.count) {
            cmark_parse_document($0, source.count, options)
        }
    }
}

/// Turns cmark nodes into handler events. Keeps no stack: every question about the tree's shape
/// (tight list? top level? task item?) is answered by looking at parent/child pointers.
struct TreeWalker {
    enum Visit { case children, skipChildren }

    let root: OpaquePointer
    let locator: SourceLocator
    let extensions: Bool
    /// Set when this walker walks the cells of a pipe table (see `CmarkBridge+Tables.swift`).
    var table: TableCells?
    var cellIndex = -1
    private var origin = BlockOrigin()
    private var originBlock: OpaquePointer?
    private var originShiftKnown = true
    private var joined: [UInt8] = []
    /// The `~~` pairs of the leaf block `strikeBlock`, per text node; found when a text of it first holds `~~`.
    private var strikeBlock: OpaquePointer?
    private var strikeMarks: [OpaquePointer: [StrikeMark]] = [:]

    init(root: OpaquePointer, locator: SourceLocator, extensions: Bool) {
        self.root = root
        self.locator = locator
        self.extensions = extensions
    }

    @discardableResult
    mutating func visit<Handler: MarkdownEventHandler>(
        _ node: OpaquePointer, entering: Bool, handler: inout Handler
    ) -> Visit {
        if table != nil, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
            visitCell(node, entering: entering, handler: &handler)
            return .children
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE:
            entering ? handler.enterBlockQuote() : handler.exitBlockQuote()
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            if entering {
                handler.enterList(ordered: ordered, start: Int(cmark_node_get_list_start(node)),
                                  hasTasks: extensions && listHasTasks(node))
            } else {
                handler.exitList(ordered: ordered)
            }
        case CMARK_NODE_ITEM:
            if entering {
                handler.enterItem(task: extensions ? taskBox(of: node) : nil,
                                  line: Int(cmark_node_get_start_line(node)))
            } else {
                handler.exitItem()
            }
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            if entering {
                beginBlock(node)
                handler.enterHeading(level: level, line: Int(cmark_node_get_start_line(node)),
                                     topLevel: cmark_node_parent(node) == root)
            } else {
                handler.exitHeading(level: level)
            }
        case CMARK_NODE_PARAGRAPH:
            if entering, extensions, emitTable(node, handler: &handler) { return .skipChildren }
            let tight = isInTightList(node)
            if entering {
                beginBlock(node)
                handler.enterParagraph(tight: tight)
            } else {
                handler.exitParagraph(tight: tight)
            }
        case CMARK_NODE_CODE_BLOCK:
            handler.codeBlock(info: Self.bytes(cmark_node_get_fence_info(node)), literal: Self.literal(node))
        case CMARK_NODE_HTML_BLOCK:
            handler.htmlBlock(literal: Self.literal(node))
        case CMARK_NODE_THEMATIC_BREAK:
            handler.thematicBreak()
        case CMARK_NODE_TEXT:
            visitText(node, handler: &handler)
        case CMARK_NODE_SOFTBREAK:
            handler.softBreak()
        case CMARK_NODE_LINEBREAK:
            handler.lineBreak()
        case CMARK_NODE_CODE:
            handler.code(literal: Self.literal(node))
        case CMARK_NODE_HTML_INLINE:
            handler.htmlInline(literal: Self.literal(node))
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            let strong = cmark_node_get_type(node) == CMARK_NODE_STRONG
            entering ? handler.enterEmphasis(strong: strong) : handler.exitEmphasis(strong: strong)
        case CMARK_NODE_LINK:
            if entering {
                handler.enterLink(url: Self.bytes(cmark_node_get_url(node)),
                                  title: Self.bytes(cmark_node_get_title(node)), line: startLine(node), column: startColumn(node))
            } else {
                handler.exitLink()
            }
        case CMARK_NODE_IMAGE:
            if entering {
                handler.enterImage(url: Self.bytes(cmark_node_get_url(node)), line: startLine(node), column: startColumn(node))
            } else {
                handler.exitImage(title: Self.bytes(cmark_node_get_title(node)))
            }
        default:
            break // document, custom nodes: nothing to render
        }
        return .children
    }

    // MARK: Text runs

    private mutating func visitText<Handler: MarkdownEventHandler>(_ node: OpaquePointer, handler: inout Handler) {
        // A text node right after another one was already sent as part of that node's run.
        if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT { return }
        let first = TextPiece(offset: 0, line: startLine(node), column: startColumn(node))
        let dropped = droppedCellPrefix(node)
        guard let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_TEXT else {
            let bytes = Self.literal(node)
            var run = TextRun(bytes: bytes, firstPiece: first, origin: originFor(bytes), strikes: strikes(of: node, bytes),
                              inTableCell: table != nil)
            if dropped > 0 { run = Self.dropping(dropped, from: run) }
            handler.text(run)
            return
        }
        joined.removeAll(keepingCapacity: true)
        var pieces: [TextPiece] = []
        var marks = strikes(of: node, Self.literal(node))
        joined.append(contentsOf: Self.literal(node))
        var current: OpaquePointer? = next
        while let piece = current, cmark_node_get_type(piece) == CMARK_NODE_TEXT {
            pieces.append(TextPiece(offset: joined.count, line: startLine(piece), column: startColumn(piece)))
            let literal = Self.literal(piece)
            marks += strikes(of: piece, literal).map { StrikeMark(offset: $0.offset + joined.count, opens: $0.opens) }
            joined.append(contentsOf: literal)
            current = cmark_node_next(piece)
        }
        let joinedRun = joined
        joinedRun.withUnsafeBufferPointer { bytes in
            var run = TextRun(bytes: bytes, firstPiece: first, laterPieces: pieces, origin: originFor(bytes),
                              strikes: marks, inTableCell: table != nil)
            if dropped > 0 { run = Self.dropping(dropped, from: run) }
            handler.text(run)
        }
    }

    /// The `~~` pairs in `literal` (the text of `node`), found for the node's whole block at once.
    private mutating func strikes(of node: OpaquePointer, _ literal: Bytes) -> [StrikeMark] {
        guard extensions, let block = originBlock, Strikethrough.mayContain(literal) else { return [] }
        if strikeBlock != block {
            strikeBlock = block
            strikeMarks = Self.strikePairs(in: block)
        }
        return strikeMarks[node] ?? []
    }

    private static func strikePairs(in block: OpaquePointer) -> [OpaquePointer: [StrikeMark]] {
        guard let iterator = cmark_iter_new(block) else { return [:] }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        var candidates: [Strikethrough.Candidate] = []
        func edge(_ neighbour: OpaquePointer?, _ node: OpaquePointer) -> Strikethrough.Edge {
            guard let neighbour else { return cmark_node_parent(node) == block ? .space : .punctuation }
            let type = cmark_node_get_type(neighbour)
            return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ? .space : .punctuation
        }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT,
                  cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            let literal = literal(node)
            guard Strikethrough.mayContain(literal) else { continue }
            let parent = cmark_node_parent(node).map { Int(bitPattern: UnsafeRawPointer($0)) } ?? 0
            candidates += Strikethrough.candidates(in: literal, node: nodes.count, parent: parent,
                                                   before: edge(cmark_node_previous(node), node),
                                                   after: edge(cmark_node_next(node), node))
            nodes.append(node)
        }
        var byNode: [OpaquePointer: [StrikeMark]] = [:]
        for (index, marks) in Strikethrough.pair(candidates) { byNode[nodes[index]] = marks }
        return byNode
    }

    mutating func beginBlock(_ node: OpaquePointer) {
        originBlock = node
        originShiftKnown = false
        origin = BlockOrigin(line: startLine(node), column: startColumn(node), lineShift: 0)
    }

    /// Positions only matter for wiki links, so the (rare) reference-definition shift is computed
    /// only for blocks whose text could hold one.
    private mutating func originFor(_ bytes: Bytes) -> BlockOrigin {
        if !originShiftKnown, extensions, WikiLinkScanner.mayContainLink(bytes), let block = originBlock {
            originShiftKnown = true
            let spannedLines = Int(cmark_node_get_end_line(block)) - Int(cmark_node_get_start_line(block))
            let unaccounted = max(0, spannedLines - Self.countBreaks(in: block))
            if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH {
                origin.lineShift = unaccounted
            } else if spannedLines > 0 {
                // A setext heading: its end line is the underline's or the next line's, depending on
                // what follows, so the shift is only bounded; the locator settles it.
                origin.maximumLineShift = unaccounted
            }
        }
        return origin
    }

    private static func countBreaks(in block: OpaquePointer) -> Int {
        guard let iterator = cmark_iter_new(block) else { return 0 }
        defer { cmark_iter_free(iterator) }
        var breaks = 0
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { breaks += 1 }
        }
        return breaks
    }

    // MARK: Shape questions

    private func isInTightList(_ paragraph: OpaquePointer) -> Bool {
        guard let item = cmark_node_parent(paragraph), let list = cmark_node_parent(item),
              cmark_node_get_type(list) == CMARK_NODE_LIST else { return false }
        return cmark_node_get_list_tight(list) != 0
    }

    private func listHasTasks(_ list: OpaquePointer) -> Bool {
        var item = cmark_node_first_child(list)
        while let current = item {
            if taskBox(of: current) != nil { return true }
            item = cmark_node_next(current)
        }
        return false
    }

    /// nil unless the item's first paragraph starts with `[ ] `, `[x] ` or `[X] ` written literally
    /// (an escaped `\[ ]` stays text); otherwise whether the box is checked.
    private func taskBox(of item: OpaquePointer) -> Bool? {
        guard let paragraph = cmark_node_first_child(item),
              cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph),
              cmark_node_get_type(first) == CMARK_NODE_TEXT else { return nil }
        // The box is 4 bytes, possibly spread over several text nodes; gather them without allocating.
        var prefix: UInt32 = 0
        var gathered = 0
        var node: OpaquePointer? = first
        while gathered < TaskBox.length, let text = node, cmark_node_get_type(text) == CMARK_NODE_TEXT {
            for byte in Self.literal(text).prefix(TaskBox.length - gathered) {
                prefix |= UInt32(byte) << (8 * gathered)
                gathered += 1
            }
            node = cmark_node_next(text)
        }
        guard gathered == TaskBox.length, let checked = TaskBox.parse(prefix) else { return nil }
        let written = locator.bytes(line: Int(cmark_node_get_start_line(paragraph)),
                                    column: Int(cmark_node_get_start_column(paragraph)), count: TaskBox.length)
        return TaskBox.pack(written) == prefix ? checked : nil
    }

    // MARK: Borrowed bytes

    static func literal(_ node: OpaquePointer) -> Bytes {
        bytes(cmark_node_get_literal(node))
    }

    private static func bytes(_ string: UnsafePointer<CChar>?) -> Bytes {
        guard let string else { return Bytes(start: nil, count: 0) }
        return Bytes(start: UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self), count: strlen(string))
    }
}

/// The `[ ] ` / `[x] ` box at the start of a task item.
enum TaskBox {
    static let length = 4

    /// nil unless the 4 bytes (little-endian in `packed`) are a box, else whether it is checked.
    static func parse(_ packed: UInt32) -> Bool? {
        func byte(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * index)) }
        guard byte(0) == UInt8(ascii: "["), byte(2) == UInt8(ascii: "]"),
              byte(3) == UInt8(ascii: " ") || byte(3) == UInt8(ascii: "\t") else { return nil }
        switch byte(1) {
        case UInt8(ascii: " "): return false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return true
        default: return nil
        }
    }

    /// The first 4 bytes packed like `parse` expects; nil when there are fewer.
    static func pack(_ bytes: Bytes) -> UInt32? {
        guard bytes.count >= length else { return nil }
        var packed: UInt32 = 0
        for index in 0..<length { packed |= UInt32(bytes[index]) << (8 * index) }
        return packed
    }
}
