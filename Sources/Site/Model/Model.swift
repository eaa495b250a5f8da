import Foundation
import FrontMatter
import Markdown

/// A value read from front matter, with where it was written (for diagnostics about it later).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public let line: Int
    public let column: Int
}

public enum Visibility: String, Sendable, CaseIterable { case `internal`, `public` }

/// What every page has, whatever its kind.
public struct PageInfo: Sendable {
    /// What never changes after reading lives in one shared object: pages are copied into many
    /// lists and closures, and one reference is one retain per copy instead of a dozen.
    private let core: Core
    public internal(set) var title: String

    private final class Core: Sendable {
        let id: PageID
        let displayPath: String
        let visibility: Visibility
        let topics: [Located<String>]
        let topicNames: [String]
        let markdown: MarkdownDocument
        let bodyFirstLine: Int
        let outputPath: String
        let draftLine: Int?

        init(id: PageID, displayPath: String, visibility: Visibility, topics: [Located<String>],
             markdown: MarkdownDocument, bodyFirstLine: Int, draftLine: Int?) {
            self.draftLine = draftLine
            self.id = id
            self.displayPath = displayPath
            self.visibility = visibility
            self.topics = topics
            self.topicNames = topics.map(\.value)
            self.markdown = markdown
            self.bodyFirstLine = bodyFirstLine
            self.outputPath = id.outputPath(visitYear: id.kind == .visits ? String(id.slug.prefix(4)) : nil)
        }
    }

    init(kind: PageKind, slug: String, displayPath: String, title: String, visibility: Visibility,
         topics: [Located<String>], markdown: MarkdownDocument, bodyFirstLine: Int, draftLine: Int? = nil) {
        core = Core(id: PageID(kind: kind, slug: slug), displayPath: displayPath, visibility: visibility,
                    topics: topics, markdown: markdown, bodyFirstLine: bodyFirstLine, draftLine: draftLine)
        self.title = title
    }

    public var kind: PageKind { core.id.kind }
    public var slug: String { core.id.slug }
    public var displayPath: String { core.displayPath }
    public var visibility: Visibility { core.visibility }
    /// Front matter `themes:`: the page's topics (words of site.yml's vocabulary). The Swift code says
    /// "topic" so they are never confused with the theme (`Theme`, the templates the site is drawn with).
    public var topics: [Located<String>] { core.topics }
    public var markdown: MarkdownDocument { core.markdown }
    public var bodyFirstLine: Int { core.bodyFirstLine }
    /// `draft: true`: left out of every build unless drafts are asked for, and always of a public one.
    public var isDraft: Bool { core.draftLine != nil }
    /// The front-matter line that says `draft: true` (for `check`'s list of drafts).
    public var draftLine: Int? { core.draftLine }

    public var id: PageID { core.id }
    /// Path of the page's HTML file inside the site, also its URL relative to the site root.
    public var outputPath: String { core.outputPath }
    public var topicNames: [String] { core.topicNames }
}

public struct PageID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: PageKind
    public let slug: String
    public var description: String { "\(kind.rawValue)/\(slug)" }
    public static func < (a: PageID, b: PageID) -> Bool { (a.kind, a.slug) < (b.kind, b.slug) }

    func outputPath(visitYear: String?) -> String {
        if let year = visitYear { return "visits/\(year)/\(slug).html" }
        return "\(kind.rawValue)/\(slug).html"
    }
}

public enum CompanyStatus: String, Sendable, CaseIterable { case active, dormant, closed }
public enum VisitKind: String, Sendable, CaseIterable { case visit, call, event, matching }
public enum ReferralStatus: String, Sendable, CaseIterable, Comparable {
    case proposed, introduced, in_progress, contracted, productized, declined, closed
    public static func < (a: ReferralStatus, b: ReferralStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
    /// Still moving: the successor has to follow it up.
    public var isInFlight: Bool { [.proposed, .introduced, .in_progress].contains(self) }
}

public struct Contact: Sendable {
    public let name: String
    public let role: String?
    public let note: String?
    public var phone: String? = nil
    public var email: String? = nil
    /// When this person became the company's contact, and when they stopped (left the company or
    /// the role): a former contact stays on the page, marked as such, for the history.
    public var since: CalendarDate? = nil
    public var until: CalendarDate? = nil

    /// No longer the contact on `today`.
    public func isFormer(on today: CalendarDate) -> Bool { until.map { $0 < today } ?? false }

    /// One `@` with something on each side, no spaces; a full-width `＠` fails (a typing slip).
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains { $0.isWhitespace } && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}

public struct Company: Sendable {
    public var page: PageInfo
    public let name: String
    public let kana: String?
    public let industry: String?
    public let location: String?
    public let employees: Int?
    public let founded: Int?
    public let owner: Located<String>?
    public let since: CalendarDate?
    public let cadenceDays: Int?
    public let status: CompanyStatus
    public let contacts: [Contact]
}

public struct Referral: Sendable {
    public let to: Located<String>
    public let status: ReferralStatus
    public let note: String?
}

public struct Visit: Sendable {
    public var page: PageInfo
    public let date: CalendarDate
    public let company: Located<String>
    public let staff: [Located<String>]
    public let kind: VisitKind
    public let referrals: [Referral]
    public let nextVisit: CalendarDate?
}

public struct Playbook: Sendable {
    public var page: PageInfo
    public let order: Int
}

public struct Person: Sendable {
    public var page: PageInfo
    public let name: String
    public let role: String?
    public let org: String?
    public let joined: CalendarDate?
    public let left: CalendarDate?
    public let successor: Located<String>?
}

public struct Partner: Sendable {
    public var page: PageInfo
    public let name: String
    public let kind: String?
}

/// Everything the content says, validated and typed. Arrays are in a stable order
/// (visits by date, playbooks by order, the rest by slug) so output is deterministic.
public struct SiteModel: Sendable {
    public let config: SiteConfig
    public internal(set) var companies: [Company]
    public internal(set) var visits: [Visit]
    public internal(set) var playbooks: [Playbook]
    public internal(set) var people: [Person]
    public internal(set) var partners: [Partner]
    /// The files that travel with the notes (see `AttachmentIndex`); filled once the pages are read.
    public internal(set) var attachments = AttachmentIndex()

    /// How many pages there are, without copying them all as `allPages` does.
    public var pageCount: Int { companies.count + visits.count + playbooks.count + people.count + partners.count }

    public var allPages: [PageInfo] {
        var pages: [PageInfo] = []
        pages.reserveCapacity(pageCount)
        forEachPage { pages.append($0) }
        return pages
    }

    /// Every page in `allPages` order, without building the array.
    public func forEachPage(_ body: (PageInfo) throws -> Void) rethrows {
        for company in companies { try body(company.page) }
        for visit in visits { try body(visit.page) }
        for playbook in playbooks { try body(playbook.page) }
        for person in people { try body(person.page) }
        for partner in partners { try body(partner.page) }
    }
}
