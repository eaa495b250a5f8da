/// A `##` section's place in the rendered template and in the plain text.
struct SectionSpan: Sendable {
    var headingIndex: Int?
    var html: Range<Int>
    var plain: Range<Int>
}

/// Everything one walk produces; `MarkdownDocument` keeps it.
struct BuiltDocument {
    var template: [UInt8]
    var wikiLinkOffsets: [Int]
    var wikiLinks: [WikiLink]
    var wikiLinkPlainRanges: [Range<Int>]
    var localLinks: [LocalLink]
    /// Where each local link's escaped URL sits in the template, so the site can point it elsewhere.
    var localLinkRanges: [Range<Int>]
    var plain: [UInt8]
    var headings: [Heading]
    var taskItems: [TaskItem]
    var sections: [SectionSpan]
    /// First walk: the wiki links cmark split across inline nodes (see `SplitWikiLink`).
    var splitLinks: [SplitWikiLink]
    /// Second walk: how many of the links it was given it found whole, as one text run each.
    var foundSplitLinks: Int
}

/// Renders HTML exactly like cmark's renderer (so the CommonMark spec passes) plus densho's
/// additions, and gathers headings, wiki links, task items, plain text and sections in the same walk.
///
/// Wiki links are not rendered here: their place in the HTML is remembered as a byte offset, and
/// `MarkdownDocument.html(_:)` splices in whatever the site resolves them to.
struct DocumentBuilder: MarkdownEventHandler {
    private let options: MarkdownOptions
    private let locator: SourceLocator
    private var html: [UInt8] = []
    private var plain = PlainTextCollector()
    private var wikiLinkOffsets: [Int] = []
    private var wikiLinks: [WikiLink] = []
    /// Where each wiki link's text sits in the plain text, so the site can put the page's title there.
    private var wikiLinkPlainRanges: [Range<Int>] = []
    private var headings: [Heading] = []
    private var localLinks: [LocalLink] = []
    private var localLinkRanges: [Range<Int>] = []
    private var taskItems: [TaskItem] = []
    private var sections: [SectionSpan] = []
    private var headingIDs = HeadingIDAllocator()
    /// First walk: a `[[` left open at the end of a text run (its source offset), and the split
    /// links closed so far. Anything but text, emphasis and raw HTML before the `]]` drops it.
    private var openSplitLink: (offset: Int, inTableCell: Bool)?
    private var splitLinks: [SplitWikiLink] = []
    /// Second walk: the first walk's split links by the offset of their `[[`.
    private let knownSplitLinks: [Int: SplitWikiLink]
    private var foundSplitLinks = 0

    /// Inside an image everything renders as alt text (cmark's "plain" mode).
    private var imageDepth = 0
    /// Inside a link a wiki link would nest `<a>` in `<a>`, so it stays text.
    private var linkDepth = 0
    private var headingIDInsertion = 0
    private var headingLine = 0
    private var headingIsSectionStart = false
    private var pendingTaskBox: (checked: Bool, line: Int)?
    private var taskBeingRead: (checked: Bool, line: Int)?
    private var sectionTitle: String?
    /// `<del>`s opened in the current leaf block and not yet closed.
    private var openStrikes = 0
    private var tableBodyOpen = false
    private var openSection = SectionSpan(headingIndex: nil, html: 0..<0, plain: 0..<0)

    init(options: MarkdownOptions, locator: SourceLocator, expectedSize: Int, splitLinks: [SplitWikiLink] = []) {
        self.options = options
        self.locator = locator
        var known: [Int: SplitWikiLink] = [:]
        for link in splitLinks { known[link.range.lowerBound] = link }
        knownSplitLinks = known
        html.reserveCapacity(expectedSize + expectedSize / 4 + 64)
    }

    mutating func finish() -> BuiltDocument {
        closeSection()
        var plainBytes = plain.text
        if plainBytes.last == UInt8(ascii: "\n") { plainBytes.removeLast() }
        return BuiltDocument(template: html, wikiLinkOffsets: wikiLinkOffsets, wikiLinks: wikiLinks,
                             wikiLinkPlainRanges: wikiLinkPlainRanges, localLinks: localLinks,
                             localLinkRanges: localLinkRanges, plain: plainBytes, headings: headings, taskItems: taskItems, sections: sections,
                             splitLinks: splitLinks, foundSplitLinks: foundSplitLinks)
    }

    // MARK: Blocks

    mutating func enterBlockQuote() {
        html.ensureNewline()
        html.append("<blockquote>\n")
    }

    mutating func exitBlockQuote() {
        html.ensureNewline()
        html.append("</blockquote>\n")
    }

    mutating func enterList(ordered: Bool, start: Int, hasTasks: Bool) {
        html.ensureNewline()
        html.append(ordered ? "<ol" : "<ul")
        if hasTasks { html.append(" class=\"tasklist\"") }
        if ordered, start != 1 {
            html.append(" start=\"")
            html.append(decimal: start)
            html.append("\"")
        }
        html.append(">\n")
    }

    mutating func exitList(ordered: Bool) {
        html.append(ordered ? "</ol>\n" : "</ul>\n")
    }

    mutating func enterItem(task: Bool?, line: Int) {
        html.ensureNewline()
        if let task {
            html.append("<li class=\"task\">")
            pendingTaskBox = (task, line)
        } else {
            html.append("<li>")
        }
    }

    mutating func exitItem() {
        pendingTaskBox = nil
        html.append("</li>\n")
    }

    mutating func enterHeading(level: Int, line: Int, topLevel: Bool) {
        html.ensureNewline()
        headingIsSectionStart = topLevel && level == 2
        if headingIsSectionStart { closeSection() }
        html.append("<h")
        html.append(decimal: level)
        headingIDInsertion = html.count
        html.append(">")
        headingLine = line
        plain.beginHeading()
    }

    mutating func exitHeading(level: Int) {
        openSplitLink = nil
        closeStrikes()
        html.append("</h")
        html.append(decimal: level)
        html.append(">\n")
        let text = plain.endHeading()
        plain.endBlock()
        let id = headingIDs.unique(HeadingSlug.make(from: text))
        if options.headingIDs { insertHeadingID(id) }
        headings.append(Heading(level: level, text: text, id: id, line: headingLine))
        if headingIsSectionStart {
            sectionTitle = text
            openSection = SectionSpan(headingIndex: headings.count - 1, html: html.count..<html.count,
                                      plain: plain.count..<plain.count)
        }
    }

    mutating func enterParagraph(tight: Bool) {
        guard !tight else { return }
        html.ensureNewline()
        html.append("<p>")
    }

    mutating func exitParagraph(tight: Bool) {
        openSplitLink = nil
        closeStrikes()
        if !tight { html.append("</p>\n") }
        if plain.isCapturingTask, let task = taskBeingRead {
            taskItems.append(TaskItem(text: plain.endTask(), checked: task.checked, line: task.line,
                                      section: sectionTitle))
            taskBeingRead = nil
        }
        plain.endBlock()
    }

    mutating func codeBlock(info: Bytes, literal: Bytes) {
        html.ensureNewline()
        if let wordEnd = info.isEmpty ? nil : (info.firstIndex(where: Self.isCmarkSpace) ?? info.count) {
            html.append("<pre><code class=\"language-")
            html.appendEscapedHTML(Bytes(rebasing: info[0..<wordEnd]))
            html.append("\">")
        } else {
            html.append("<pre><code>")
        }
        html.appendEscapedHTML(literal)
        html.append("</code></pre>\n")
        // One line per block: the code's own line breaks become spaces.
        var flattened = Array(literal)
        for index in flattened.indices where flattened[index] == UInt8(ascii: "\n") { flattened[index] = 0x20 }
        while flattened.last == 0x20 { flattened.removeLast() }
        flattened.withUnsafeBufferPointer { plain.append($0) }
        plain.endBlock()
    }

    mutating func htmlBlock(literal: Bytes) {
        html.ensureNewline()
        if options.unsafeHTML { html.append(contentsOf: literal) } else { html.append("<!-- raw HTML omitted -->") }
        html.ensureNewline()
    }

    mutating func thematicBreak() {
        html.ensureNewline()
        html.append("<hr />\n")
    }

    mutating func enterTable(alignments: [TableAlignment]) {
        html.ensureNewline()
        html.append("<table>\n")
        tableBodyOpen = false
    }

    mutating func enterTableRow(header: Bool) {
        if header {
            html.append("<thead>\n")
        } else if !tableBodyOpen {
            html.append("<tbody>\n")
            tableBodyOpen = true
        }
        html.append("<tr>\n")
    }

    mutating func enterTableCell(header: Bool, alignment: TableAlignment) {
        html.append(header ? "<th" : "<td")
        switch alignment {
        case .none: break
        case .left: html.append(" align=\"left\"")
        case .center: html.append(" align=\"center\"")
        case .right: html.append(" align=\"right\"")
        }
        html.append(">")
    }

    /// Cells of a row share one line of plain text, a space apart, so a search never joins two cells.
    mutating func exitTableCell(header: Bool) {
        openSplitLink = nil
        closeStrikes()
        html.append(header ? "</th>\n" : "</td>\n")
        plain.separateCell()
    }

    mutating func exitTableRow(header: Bool) {
        html.append("</tr>\n")
        if header { html.append("</thead>\n") }
        plain.endBlock()
    }

    mutating func exitTable() {
        if tableBodyOpen { html.append("</tbody>\n") }
        html.append("</table>\n")
        tableBodyOpen = false
    }

    // MARK: Inlines

    mutating func text(_ run: TextRun) {
        var start = 0
        if imageDepth == 0, let box = pendingTaskBox {
            pendingTaskBox = nil
            taskBeingRead = box
            plain.beginTask()
            html.append(box.checked ? "<input type=\"checkbox\" disabled checked> " : "<input type=\"checkbox\" disabled> ")
            start = min(TaskBox.length, run.bytes.count)
        }
        let body = Bytes(rebasing: run.bytes[start...])
        let scans = imageDepth == 0 && linkDepth == 0 && options.extensions
        let mayLink = scans && (openSplitLink != nil || WikiLinkScanner.mayContainLink(body))
        guard mayLink || !run.strikes.isEmpty else {
            emitText(run, start..<run.bytes.count)
            return
        }
        var run = run
        let location = locator.locate(run)
        // cmark merges an escaped `\~` into the text around it: only tildes written as such strike.
        run.strikes.removeAll { !location.isWritten($0.offset) || !location.isWritten($0.offset + 1) }
        guard mayLink else {
            emitText(run, start..<run.bytes.count)
            return
        }
        let isWritten: (Int) -> Bool = { [run] index in
            location.isWritten(index) || (run.inTableCell && run.bytes[index] == UInt8(ascii: "|"))
        }
        let scanStart = noteSplitLinks(run, from: start, location, isWritten)
        var cursor = start
        for match in WikiLinkScanner.scan(run.bytes, from: scanStart, isWritten: isWritten) {
            emitText(run, cursor..<match.open)
            let openOffset = location.sourceOffset(match.open)
            let position = locator.position(ofOffset: openOffset)
            var (target, label) = (match.target, match.label)
            if let split = knownSplitLinks[openOffset], split.range.upperBound == location.sourceOffset(match.end - 1) + 1 {
                (target, label) = (split.target, split.label)
                foundSplitLinks += 1
            }
            let link = WikiLink(target: target, label: label, line: position.line, column: position.column)
            wikiLinkOffsets.append(html.count)
            wikiLinks.append(link)
            plain.append(link.displayText)
            wikiLinkPlainRanges.append((plain.count - link.displayText.utf8.count)..<plain.count)
            cursor = match.end
        }
        emitText(run, cursor..<run.bytes.count)
    }

    mutating func softBreak() {
        openSplitLink = nil
        html.append(imageDepth > 0 ? UInt8(ascii: " ") : UInt8(ascii: "\n"))
        plain.lineBreak()
    }

    mutating func lineBreak() {
        openSplitLink = nil
        if imageDepth > 0 { html.append(UInt8(ascii: " ")) } else { html.append("<br />\n") }
        plain.lineBreak()
    }

    mutating func code(literal: Bytes) {
        openSplitLink = nil
        if imageDepth == 0 { html.append("<code>") }
        html.appendEscapedHTML(literal)
        if imageDepth == 0 { html.append("</code>") }
        plain.append(literal)
    }

    mutating func htmlInline(literal: Bytes) {
        if imageDepth > 0 {
            html.appendEscapedHTML(literal) // cmark puts even raw HTML into alt text, escaped
        } else if options.unsafeHTML {
            html.append(contentsOf: literal)
        } else {
            html.append("<!-- raw HTML omitted -->")
        }
    }

    mutating func enterEmphasis(strong: Bool) {
        if imageDepth == 0 { html.append(strong ? "<strong>" : "<em>") }
    }

    mutating func exitEmphasis(strong: Bool) {
        if imageDepth == 0 { html.append(strong ? "</strong>" : "</em>") }
    }

    mutating func enterLink(url: Bytes, title: Bytes, line: Int, column: Int) {
        openSplitLink = nil
        guard imageDepth == 0 else { return }
        linkDepth += 1
        html.append("<a href=\"")
        appendURL(url, isImage: false, line: line, column: column)
        if !title.isEmpty {
            html.append("\" title=\"")
            html.appendEscapedHTML(title)
        }
        html.append("\">")
    }

    mutating func exitLink() {
        guard imageDepth == 0 else { return }
        linkDepth -= 1
        html.append("</a>")
    }

    mutating func enterImage(url: Bytes, line: Int, column: Int) {
        openSplitLink = nil
        imageDepth += 1
        guard imageDepth == 1 else { return }
        html.append("<img src=\"")
        appendURL(url, isImage: true, line: line, column: column)
        html.append("\" alt=\"")
    }

    mutating func exitImage(title: Bytes) {
        imageDepth -= 1
        guard imageDepth == 0 else { return }
        if !title.isEmpty {
            html.append("\" title=\"")
            html.appendEscapedHTML(title)
        }
        html.append("\" />")
    }

    // MARK: Helpers

    /// First walk: closes a split link left open before this run, and notes one this run leaves
    /// open. Returns where the ordinary scan starts (after a `]]` that closed a split link).
    private mutating func noteSplitLinks(_ run: TextRun, from start: Int, _ location: RunLocation,
                                         _ isWritten: (Int) -> Bool) -> Int {
        guard knownSplitLinks.isEmpty else { return start }
        var scanStart = start
        if let open = openSplitLink {
            switch WikiLinkScanner.continuation(run.bytes, from: start, isWritten: isWritten) {
            case .closed(let close):
                openSplitLink = nil
                scanStart = close + 2
                let range = open.offset..<(location.sourceOffset(close + 1) + 1)
                if let link = SplitWikiLinks.link(written: locator.source, range: range, inTableCell: open.inTableCell) {
                    splitLinks.append(link)
                }
            case .broken:
                openSplitLink = nil
            case .open:
                return run.bytes.count
            }
        }
        if let open = WikiLinkScanner.openAtEnd(run.bytes, from: scanStart, isWritten: isWritten) {
            openSplitLink = (location.sourceOffset(open), run.inTableCell)
        }
        return scanStart
    }

    private mutating func emitText(_ bytes: Bytes) {
        html.appendEscapedHTML(bytes)
        plain.append(bytes)
    }

    /// A part of a run, with its `~~` marks turned into `<del>` and `</del>` (none in alt text). A
    /// mark whose partner fell inside a wiki link cannot close anything and stays text.
    private mutating func emitText(_ run: TextRun, _ range: Range<Int>) {
        var cursor = range.lowerBound
        for mark in run.strikes where mark.offset >= cursor && mark.offset + 2 <= range.upperBound {
            guard mark.opens || openStrikes > 0 else { continue }
            emitText(Bytes(rebasing: run.bytes[cursor..<mark.offset]))
            if imageDepth == 0 { html.append(mark.opens ? "<del>" : "</del>") }
            openStrikes += mark.opens ? 1 : -1
            cursor = mark.offset + 2
        }
        emitText(Bytes(rebasing: run.bytes[cursor..<range.upperBound]))
    }

    private mutating func closeStrikes() {
        while openStrikes > 0 {
            if imageDepth == 0 { html.append("</del>") }
            openStrikes -= 1
        }
    }

    private mutating func appendURL(_ url: Bytes, isImage: Bool, line: Int, column: Int) {
        guard options.unsafeHTML || !URLSafety.isDangerous(url) else { return }
        let start = html.count
        html.appendEscapedHref(url)
        guard options.extensions, LocalLink.isLocal(url) else { return }
        let position = locator.position(line: line, byteColumn: column)
        localLinks.append(LocalLink(url: String(decoding: url, as: UTF8.self), isImage: isImage,
                                    line: position.line, column: position.column))
        localLinkRanges.append(start..<html.count)
    }

    /// The id is known only once the heading's text is read, after `<hN` was written: insert it.
    /// Only the heading's own bytes move, and wiki links inside it move with them.
    private mutating func insertHeadingID(_ id: String) {
        // Append the attribute, then rotate it into place (three reversals): no temporary buffer.
        let contentEnd = html.count
        html.append(" id=\"")
        var id = id
        id.withUTF8 { html.appendEscapedHTML($0) }
        html.append("\"")
        let inserted = html.count - contentEnd
        html[headingIDInsertion..<contentEnd].reverse()
        html[contentEnd...].reverse()
        html[headingIDInsertion...].reverse()
        var index = wikiLinkOffsets.count - 1
        while index >= 0, wikiLinkOffsets[index] >= headingIDInsertion {
            wikiLinkOffsets[index] += inserted
            index -= 1
        }
        index = localLinkRanges.count - 1
        while index >= 0, localLinkRanges[index].lowerBound >= headingIDInsertion {
            localLinkRanges[index] = (localLinkRanges[index].lowerBound + inserted)..<(localLinkRanges[index].upperBound + inserted)
            index -= 1
        }
    }

    private mutating func closeSection() {
        if openSection.headingIndex != nil || !html.isEmpty {
            openSection.html = openSection.html.lowerBound..<html.count
            openSection.plain = openSection.plain.lowerBound..<plain.count
            sections.append(openSection)
        }
        openSection = SectionSpan(headingIndex: nil, html: html.count..<html.count, plain: plain.count..<plain.count)
    }

    /// cmark's `isspace` for the first word of a code block's info string.
    private static func isCmarkSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
