/// A `[[target]]` or `[[target|label]]` link as written in a note.
public struct WikiLink: Hashable, Sendable {
    /// What the link points at (a slug, a path like `companies/x`, or a page title), trimmed.
    public let target: String
    /// The text the author chose to show, trimmed; nil when absent or blank.
    public let label: String?
    /// 1-based line of the first `[` in the source given to `MarkdownDocument(parsing:)`.
    public let line: Int
    /// 1-based column of the first `[`, counted in Unicode scalars (a Japanese character is one column).
    public let column: Int

    public init(target: String, label: String?, line: Int, column: Int) {
        self.target = target
        self.label = label
        self.line = line
        self.column = column
    }

    /// The text a reader sees when nothing better is known: the label, else the target.
    public var displayText: String { label ?? target }
}

public struct Heading: Sendable, Equatable {
    public let level: Int
    /// Plain text of the heading (wiki links contribute their label, else their target).
    public let text: String
    /// The `id` attribute (unique within the document); computed even when `headingIDs` is off.
    public let id: String
    public let line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A `- [ ] …` / `- [x] …` list item: an open or kept promise.
public struct TaskItem: Sendable, Equatable {
    /// Plain text of the item's first paragraph, without the box.
    public let text: String
    public let checked: Bool
    public let line: Int
    /// Plain text of the nearest preceding top-level `##` heading, nil before the first one.
    public let section: String?

    public init(text: String, checked: Bool, line: Int, section: String?) {
        self.text = text
        self.checked = checked
        self.line = line
        self.section = section
    }
}

/// A part of the document between two top-level `##` headings.
public struct MarkdownSection: Sendable {
    /// The `##` heading that opens the section; nil for the content before the first one.
    public let heading: Heading?
    /// Plain text of the section's blocks, heading excluded, one line per block.
    public let plainText: String

    public init(heading: Heading?, plainText: String) {
        self.heading = heading
        self.plainText = plainText
    }
}

/// What the site decided a wiki link should become.
public enum WikiLinkRendering: Sendable, Equatable {
    /// A working link. The link's own label wins over `label` when the author wrote one.
    case link(href: String, label: String)
    /// Text without a link, e.g. the target exists but is not public.
    case text(label: String)
    /// The target resolves to nothing.
    case broken(label: String)
}

/// A link or image whose destination is a relative path (`photo.jpg`, `資料/提案書.pdf`): possibly a
/// file that travels with the note. Links with a scheme, `/`, `#` or `?` first are not local.
public struct LocalLink: Sendable, Equatable {
    /// The destination as written (backslash escapes and entities resolved, percent-escapes kept).
    public let url: String
    public let isImage: Bool
    /// 1-based line and column (in Unicode scalars) of the link, as cmark places it.
    public let line: Int
    public let column: Int

    public init(url: String, isImage: Bool, line: Int, column: Int) {
        self.url = url
        self.isImage = isImage
        self.line = line
        self.column = column
    }

    /// The path without `?query` or `#fragment`, percent-escapes decoded: the file it names.
    public var path: String {
        let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let written = String(url[..<end])
        return written.removingPercentEncodingIfValid
    }

    static func isLocal(_ url: Bytes) -> Bool {
        guard let first = url.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#"),
              first != UInt8(ascii: "?") else { return false }
        // A scheme is letters, digits, `+ - .` before the first `:` (and before any `/`).
        for byte in url {
            if byte == UInt8(ascii: ":") { return false }
            let isSchemeByte = (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !isSchemeByte { return true }
        }
        return true
    }
}

private extension String {
    /// `%E5%B7%A5` → `工`; text that is not valid percent-encoding stays as written.
    var removingPercentEncodingIfValid: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
