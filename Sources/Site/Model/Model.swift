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
    public let section: Section
    public let slug: String
    public let displayPath: String
    public internal(set) var title: String
    public let visibility: Visibility
    public let themes: [Located<String>]
    public let markdown: MarkdownDocument
    public let bodyFirstLine: Int

    public var id: PageID { PageID(section: section, slug: slug) }
    /// Path of the page's HTML file inside the site, also its URL relative to the site root.
    public var outputPath: String { id.outputPath(visitYear: section == .visits ? String(slug.prefix(4)) : nil) }
    public var themeNames: [String] { themes.map(\.value) }
}

public struct PageID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let section: Section
    public let slug: String
    public var description: String { "\(section.rawValue)/\(slug)" }
    public static func < (a: PageID, b: PageID) -> Bool { (a.section, a.slug) < (b.section, b.slug) }

    func outputPath(visitYear: String?) -> String {
        if let year = visitYear { return "visits/\(year)/\(slug).html" }
        return "\(section.rawValue)/\(slug).html"
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
    public let since: YAMLDate?
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
    public let date: YAMLDate
    public let company: Located<String>
    public let staff: [Located<String>]
    public let kind: VisitKind
    public let referrals: [Referral]
    public let nextVisit: YAMLDate?
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
    public let joined: YAMLDate?
    public let left: YAMLDate?
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

    /// How many pages there are, without copying them all as `allPages` does.
    public var pageCount: Int { companies.count + visits.count + playbooks.count + people.count + partners.count }

    public var allPages: [PageInfo] {
        companies.map(\.page) + visits.map(\.page) + playbooks.map(\.page) + people.map(\.page) + partners.map(\.page)
    }
}
