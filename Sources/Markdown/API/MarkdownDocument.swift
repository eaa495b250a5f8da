/// One parsed note: its HTML (with wiki links left open until the site resolves them) and the data
/// densho needs from it, gathered in a single walk over cmark's tree.
///
/// The cmark tree is freed before `init` returns; what stays is the rendered HTML template, the plain
/// text, and small arrays, so a hundred thousand documents can be held at once. A value type with no
/// shared state: safe to create and render from several threads.
public struct MarkdownDocument: Sendable {
    /// Everything lives in one immutable object: a document is copied with every page value that
    /// holds it (lists, indexes, closures), and one reference costs one retain instead of nine.
    private let storage: Storage

    private final class Storage: @unchecked Sendable {
        let options: MarkdownOptions
        let headings: [Heading]
        let wikiLinks: [WikiLink]
        let taskItems: [TaskItem]
        let contentHash: Int
        /// The HTML template and the plain text, in memory of their own: `releaseHTML` and
        /// `releasePlainText` empty them, and as `var`s of this shared object every read would
        /// pay a dynamic exclusivity check.
        let texts: UnsafeMutablePointer<Texts>
        let wikiLinkOffsets: [Int]
        let wikiLinkPlainRanges: [Range<Int>]
        let localLinks: [LocalLink]
        let localLinkRanges: [Range<Int>]
        let sectionSpans: [SectionSpan]

        init(_ built: BuiltDocument, options: MarkdownOptions) {
            self.options = options
            texts = .allocate(capacity: 1)
            texts.initialize(to: Texts(template: String(decoding: built.template, as: UTF8.self),
                                       plainText: String(decoding: built.plain, as: UTF8.self)))
            self.wikiLinkOffsets = built.wikiLinkOffsets
            self.wikiLinks = built.wikiLinks
            self.wikiLinkPlainRanges = built.wikiLinkPlainRanges
            self.localLinks = built.localLinks
            self.localLinkRanges = built.localLinkRanges
            self.headings = built.headings
            self.taskItems = built.taskItems
            self.sectionSpans = built.sections
            var hasher = Hasher()
            built.template.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(built.wikiLinkOffsets)
            for link in built.wikiLinks { hasher.combine(link) }
            hasher.combine(options.unsafeHTML)
            self.contentHash = hasher.finalize()
        }

        deinit {
            texts.deinitialize(count: 1)
            texts.deallocate()
        }
    }

    private struct Texts {
        var template: String
        var plainText: String
        var htmlReleased = false
        var plainReleased = false
    }

    public var options: MarkdownOptions { storage.options }
    /// Every heading at any depth, in document order.
    public var headings: [Heading] { storage.headings }
    /// Every wiki link, in document order (empty when `extensions` is off).
    public var wikiLinks: [WikiLink] { storage.wikiLinks }
    /// Every link and image to a relative path, in document order (empty when `extensions` is off).
    public var localLinks: [LocalLink] { storage.localLinks }
    /// Every task item, in document order (empty when `extensions` is off).
    public var taskItems: [TaskItem] { storage.taskItems }
    /// The whole document as plain text, one line per block, for search and snippets.
    public var plainText: String {
        precondition(!storage.texts.pointee.plainReleased, "reading a document whose plain text was released")
        return storage.texts.pointee.plainText
    }

    /// Changes whenever the rendered HTML template or its wiki links change: lets a site that keeps
    /// documents between builds tell, without rendering, whether a page's body can have changed.
    /// Stable within one process only.
    public var contentHash: Int { storage.contentHash }

    /// The rendered HTML with each wiki link left out; `wikiLinkOffsets[i]` is where link `i` goes.
    private var template: String { storage.texts.pointee.template }
    private var wikiLinkOffsets: [Int] { storage.wikiLinkOffsets }
    private var wikiLinkPlainRanges: [Range<Int>] { storage.wikiLinkPlainRanges }
    private var sectionSpans: [SectionSpan] { storage.sectionSpans }

    public init(parsing source: String, options: MarkdownOptions = MarkdownOptions()) {
        var source = source
        let built = source.withUTF8 { bytes -> BuiltDocument in
            let first = Self.build(bytes, options: options, splitLinks: [])
            guard !first.splitLinks.isEmpty else { return first }
            // Wiki links cmark split across inline nodes: parse once more with their insides made
            // inert. Should that parse not find each of them whole, the first walk stands.
            let patched = SplitWikiLinks.patched(bytes, first.splitLinks)
            let second = patched.withUnsafeBufferPointer {
                Self.build($0, options: options, splitLinks: first.splitLinks)
            }
            return second.foundSplitLinks == first.splitLinks.count ? second : first
        }
        storage = Storage(built, options: options)
    }

    private static func build(_ bytes: Bytes, options: MarkdownOptions, splitLinks: [SplitWikiLink]) -> BuiltDocument {
        let locator = SourceLocator(bytes)
        var builder = DocumentBuilder(options: options, locator: locator, expectedSize: bytes.count, splitLinks: splitLinks)
        CmarkBridge.walk(bytes, locator: locator, extensions: options.extensions, handler: &builder)
        return builder.finish()
    }

    /// The index of `link` in `wikiLinks`: lets callers keep per-link data in arrays instead of
    /// dictionaries keyed by links (hashing their Japanese text costs more than this search).
    /// Links are gathered in source order, so their (line, column) ascend: a binary search finds
    /// one in a note with 100,000 links as fast as in a small one. The scan after it only runs if
    /// that order were ever broken, and keeps the answer right.
    public func wikiLinkIndex(of link: WikiLink) -> Int? {
        let links = storage.wikiLinks
        var low = 0, high = links.count
        while low < high {
            let middle = (low + high) / 2
            let probe = links[middle]
            if (probe.line, probe.column) < (link.line, link.column) { low = middle + 1 } else { high = middle }
        }
        if low < links.count, links[low] == link { return low }
        return links.firstIndex(of: link)
    }

    /// The document split at top-level `##` headings. Content before the first one is a section
    /// with a nil heading, present only when there is some.
    public var sections: [MarkdownSection] {
        sectionSpans.map { span in
            MarkdownSection(heading: span.headingIndex.map { headings[$0] },
                            plainText: plainSlice(span.plain))
        }
    }


    /// The plain text with each label-less wiki link shown as `name(link)` says (the page's title
    /// rather than its slug), for snippets and search. Links with a label keep their label.
    public func plainText(_ name: (WikiLink) -> String?) -> String {
        resolvedPlain(0..<plainText.utf8.count, name)
    }

    /// One section's plain text, wiki links named as in `plainText(_:)`.
    public func plainText(section index: Int, _ name: (WikiLink) -> String?) -> String {
        guard sectionSpans.indices.contains(index) else { return "" }
        return resolvedPlain(sectionSpans[index].plain, name)
    }

    /// Frees the HTML template: a one-shot build that has written every page needs it no more,
    /// and at 100,000 notes it is the largest thing held while the search index is built. Every
    /// copy of this document shares it. Rendering afterwards is a programming error and stops.
    /// Not safe to call while another thread reads this document.
    public func releaseHTML() {
        storage.texts.pointee.template = ""
        storage.texts.pointee.htmlReleased = true
    }

    /// Frees the plain text once nothing will read it again (see `releaseHTML`): a one-shot
    /// build's last reader is the page's search document.
    public func releasePlainText() {
        storage.texts.pointee.plainText = ""
        storage.texts.pointee.plainReleased = true
    }

    /// The whole document as HTML, each wiki link rendered as `resolve` decides.
    /// `localURL` may point a local link elsewhere (an attachment's place in the site); nil keeps it.
    public func html(_ resolve: (WikiLink) -> WikiLinkRendering, localURL: ((LocalLink) -> String?)? = nil) -> String {
        render(0..<template.utf8.count, resolve, localURL)
    }

    /// One section's blocks (its heading excluded) as HTML; empty for an index out of range.
    public func html(section index: Int, _ resolve: (WikiLink) -> WikiLinkRendering,
                     localURL: ((LocalLink) -> String?)? = nil) -> String {
        guard sectionSpans.indices.contains(index) else { return "" }
        return render(sectionSpans[index].html, resolve, localURL)
    }

    /// cmark's own `cmark_render_html` on the same source: the conformance reference and the speed
    /// floor our renderer is measured against.
    public static func cmarkReferenceHTML(_ source: String, unsafe: Bool) -> String {
        var source = source
        return source.withUTF8 { CmarkBridge.referenceHTML($0, unsafe: unsafe) }
    }

    // MARK: Private

    private func render(_ range: Range<Int>, _ resolve: (WikiLink) -> WikiLinkRendering,
                        _ localURL: ((LocalLink) -> String?)?) -> String {
        precondition(!storage.texts.pointee.htmlReleased, "rendering a document whose HTML was released")
        let template = self.template
        let utf8 = template.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var linkIndex = firstLink(atOrAfter: range.lowerBound)
        let ranges = storage.localLinkRanges
        var localIndex = localURL == nil ? ranges.count : (ranges.firstIndex { $0.lowerBound >= range.lowerBound } ?? ranges.count)
        func nextWiki() -> Int? {
            linkIndex < wikiLinkOffsets.count && wikiLinkOffsets[linkIndex] <= range.upperBound ? wikiLinkOffsets[linkIndex] : nil
        }
        func nextLocal() -> Range<Int>? {
            localIndex < ranges.count && ranges[localIndex].upperBound <= range.upperBound ? ranges[localIndex] : nil
        }
        if nextWiki() == nil, nextLocal() == nil {
            return String(template[index(range.lowerBound)..<index(range.upperBound)])
        }
        var output = ""
        output.reserveCapacity(range.count + 96 * (wikiLinks.count - linkIndex))
        var cursor = range.lowerBound
        while true {
            let wiki = nextWiki(), local = nextLocal()
            if let offset = wiki, local.map({ offset <= $0.lowerBound }) ?? true {
                output += template[index(cursor)..<index(offset)]
                WikiLinkHTML.append(wikiLinks[linkIndex], rendering: resolve(wikiLinks[linkIndex]),
                                    safeURLs: !options.unsafeHTML, to: &output)
                cursor = offset
                linkIndex += 1
            } else if let local, let localURL {
                output += template[index(cursor)..<index(local.lowerBound)]
                if let replacement = localURL(storage.localLinks[localIndex]) {
                    var escaped: [UInt8] = []
                    var text = replacement
                    text.withUTF8 { escaped.appendEscapedHref($0) }
                    output += String(decoding: escaped, as: UTF8.self)
                } else {
                    output += template[index(local.lowerBound)..<index(local.upperBound)]
                }
                cursor = local.upperBound
                localIndex += 1
            } else {
                break
            }
        }
        output += template[index(cursor)..<index(range.upperBound)]
        return output
    }

    /// Binary search: a section's links start somewhere in the middle of the list.
    private func firstLink(atOrAfter offset: Int) -> Int {
        var low = 0, high = wikiLinkOffsets.count
        while low < high {
            let middle = (low + high) / 2
            if wikiLinkOffsets[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func resolvedPlain(_ range: Range<Int>, _ name: (WikiLink) -> String?) -> String {
        let bytes = trimmedLines(range)
        let plainText = self.plainText
        let utf8 = plainText.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var output = ""
        var cursor = bytes.lowerBound
        for (link, span) in zip(wikiLinks, wikiLinkPlainRanges)
        where link.label == nil && span.lowerBound >= cursor && span.upperBound <= bytes.upperBound {
            guard let replacement = name(link) else { continue }
            output += plainText[index(cursor)..<index(span.lowerBound)]
            output += replacement
            cursor = span.upperBound
        }
        if cursor == bytes.lowerBound { return String(plainText[index(bytes.lowerBound)..<index(bytes.upperBound)]) }
        output += plainText[index(cursor)..<index(bytes.upperBound)]
        return output
    }

    /// `range` of the plain text without leading and trailing line breaks, found on UTF-8 bytes:
    /// walking Characters backwards costs grapheme breaking per scalar.
    private func trimmedLines(_ range: Range<Int>) -> Range<Int> {
        let utf8 = self.plainText.utf8
        var lower = min(range.lowerBound, utf8.count), upper = min(range.upperBound, utf8.count)
        while lower < upper, utf8[utf8.index(utf8.startIndex, offsetBy: lower)] == 0x0A { lower += 1 }
        while upper > lower, utf8[utf8.index(utf8.startIndex, offsetBy: upper - 1)] == 0x0A { upper -= 1 }
        return lower..<upper
    }

    private func plainSlice(_ range: Range<Int>) -> String {
        let bytes = trimmedLines(range)
        let plainText = self.plainText
        let utf8 = plainText.utf8
        return String(plainText[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)])
    }
}
/// The HTML of one resolved wiki link. Everything from the resolver is escaped here.
enum WikiLinkHTML {
    static func append(_ link: WikiLink, rendering: WikiLinkRendering, safeURLs: Bool, to output: inout String) {
        switch rendering {
        case let .link(href, label):
            output += "<a class=\"wikilink\" href=\""
            if !(safeURLs && URLSafety.isDangerous(href.utf8)) { StrictEscaping.escape(href, into: &output) }
            output += "\">"
            StrictEscaping.escape(link.label ?? label, into: &output)
            output += "</a>"
        case let .text(label):
            output += "<span class=\"wikilink\">"
            StrictEscaping.escape(link.label ?? label, into: &output)
            output += "</span>"
        case let .broken(label):
            output += "<span class=\"wikilink broken\">"
            StrictEscaping.escape(link.label ?? label, into: &output)
            output += "</span>"
        }
    }
}
