import Foundation

/// The kinds of page a densho project holds, named by their content folder (`companies/`…).
/// Not to be confused with a Markdown section (`MarkdownSection`) or a note's sections (`NoteFormat`).
public enum PageKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case companies, visits, playbooks, people, partners

    public static func < (a: PageKind, b: PageKind) -> Bool { a.order < b.order }
    private var order: Int { PageKind.allCases.firstIndex(of: self) ?? 0 }

    /// Singular form used for `densho new KIND` and search types.
    public var singular: String {
        switch self {
        case .companies: return "company"
        case .visits: return "visit"
        case .playbooks: return "playbook"
        case .people: return "person"
        case .partners: return "partner"
        }
    }
}
