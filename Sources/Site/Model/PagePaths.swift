import Foundation
import FrontMatter

/// Where the pages derived from the content are written (a content page's own path is
/// `PageInfo.outputPath`). A *topic* is a word of site.yml's `themes:` vocabulary that pages list
/// in their front matter's `themes:`; the Swift code says "topic" so it is never confused with the
/// theme (`Theme`, the templates a site is drawn with).
enum TopicPages {
    /// Topic names are people's words (often Japanese); they become file names only when safe.
    static func path(for topic: String) -> String {
        if SlugRules.problem(with: topic) == nil { return "themes/\(topic).html" }
        let digest = topic.unicodeScalars.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1.value)) &* 1099511628211 }
        return "themes/t-\(String(digest, radix: 16)).html"
    }
}

enum VisitYearPages {
    static func path(for year: Int) -> String { "visits/\(year)/index.html" }
}

enum HandoverPages {
    /// A history longer than this (characters of plain text) is collapsed on screen.
    static let collapseHistoryAbove = 400
    static func path(for person: Person) -> String { "people/\(person.page.slug)-handover.html" }
}
