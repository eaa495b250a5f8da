/// How a note is turned into HTML.
///
/// The defaults are the safe ones for densho: raw HTML is omitted and dangerous URLs are blanked,
/// because notes are written by many people and published as one site.
public struct MarkdownOptions: Sendable, Equatable {
    /// Let raw HTML through and keep every URL as written (what the CommonMark spec expects).
    public var unsafeHTML: Bool
    /// Give every heading an `id` derived from its text, so sections can be linked to.
    public var headingIDs: Bool
    /// Recognise densho's additions: `[[wiki links]]` and `- [ ]` task-list items.
    public var extensions: Bool

    public init(unsafeHTML: Bool = false, headingIDs: Bool = true, extensions: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.headingIDs = headingIDs
        self.extensions = extensions
    }
}
