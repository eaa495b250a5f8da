import Foundation
import FrontMatter

/// Where new notes go and what they may be called.
enum NoteNaming {
    /// visits/<yyyy>/<date>-<company>.md, then -2, -3 … for more notes of the same day.
    static func visitCandidates(date: CalendarDate, company: String) -> some Sequence<String> {
        let base = "visits/\(date.year)/\(date)-\(company)"
        return (1...9_999).lazy.map { $0 == 1 ? "\(base).md" : "\(base)-\($0).md" }
    }

    static func checkNewSlug(_ slug: String, kind: String, existing: [String]) throws {
        if let problem = SlugRules.problem(with: slug) {
            throw AuthoringError("'\(slug)' cannot be a \(kind) id: \(problem)")
        }
        let key = NoteFormat.foldedSlug(slug)
        if let clash = existing.first(where: { NoteFormat.foldedSlug($0) == key }) {
            throw AuthoringError(clash == slug
                ? "a \(kind) '\(slug)' already exists; densho never overwrites a note"
                : "a \(kind) '\(clash)' already exists and differs from '\(slug)' only in letter case or Unicode form")
        }
    }
}
