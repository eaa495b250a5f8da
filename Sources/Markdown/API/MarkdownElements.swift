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
