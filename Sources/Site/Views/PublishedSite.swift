import Foundation
import FrontMatter
import Markdown

/// The site as this build publishes it (after `--public`): its pages and the relations between
/// them, computed once per build in linear time, so every page and view can look things up without
/// scanning the whole model again. (Not the search index: that is `Search`'s.)
public struct PublishedSite: Sendable {
    public internal(set) var model: SiteModel
    public internal(set) var links: LinkGraph
    public let today: CalendarDate

    public internal(set) var pagesByID: [PageID: PageInfo]
    public let companiesBySlug: [String: Company]
    public let peopleByID: [String: Person]
    public let partnersByID: [String: Partner]
    /// Visits of each company, newest first.
    public internal(set) var visitsByCompany: [String: [Visit]]
    /// Visits each person took part in, newest first.
    public internal(set) var visitsByPerson: [String: [Visit]]
    public let companiesByOwner: [String: [Company]]
    /// Who holds each company today (see `HolderRule`).
    public let holders: Holders
    /// Referrals each partner received, with the visit that recorded them, newest first.
    public internal(set) var referralsByPartner: [String: [(visit: Visit, referral: Referral)]]
    var visitDigests: [PageID: VisitDigest]
    /// Open promises of each company (see `openPromises(of:)`).
    var promisesByCompany: [String: [OpenPromise]]
    /// Open promises by who owes them (see `openPromises(of:)` for a person).
    var promisesByOwner: [String: [OpenPromise]]
    /// Referral threads of each company that has any (see `referralThreads(of:)`).
    var referralThreadsByCompany: [String: [ReferralThread]]
    /// `TopicPages.path(for:)` of every theme a page names: pages link their themes by the
    /// thousand, and checking a Japanese name against the slug rules each time costs more than the page.
    var topicPaths: [String: String]
    /// What the reports made of this site, for a quick rebuild to keep (see `ReportCache`): each
    /// fiscal year's figures, and continuity.json's printed items of each company.
    var keptYears = KeptValues<Int, FiscalYear>()
    var keptCompanyItems = KeptValues<String, (entry: String, promises: [String], referrals: [String])>()

    init(model: SiteModel, links: LinkGraph, today: CalendarDate, digestCache: VisitDigestCache? = nil) {
        self.model = model
        self.links = links
        self.today = today
        var pages: [PageID: PageInfo] = [:]
        pages.reserveCapacity(model.pageCount)
        model.forEachPage { pages[$0.id] = $0 }
        pagesByID = pages
        var paths: [String: String] = [:]
        model.forEachPage { page in
            for topic in page.topicNames where paths[topic] == nil { paths[topic] = TopicPages.path(for: topic) }
        }
        topicPaths = paths
        companiesBySlug = Dictionary(model.companies.map { ($0.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
        peopleByID = Dictionary(model.people.map { ($0.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
        partnersByID = Dictionary(model.partners.map { ($0.page.slug, $0) }, uniquingKeysWith: { a, _ in a })

        var byCompany: [String: [Visit]] = [:]
        var byPerson: [String: [Visit]] = [:]
        var byPartner: [String: [(visit: Visit, referral: Referral)]] = [:]
        for visit in model.visits.reversed() { PublishedSite.file(visit, &byCompany, &byPerson, &byPartner) }
        visitsByCompany = byCompany
        visitsByPerson = byPerson
        referralsByPartner = byPartner
        var byOwner: [String: [Company]] = [:]
        for company in model.companies { if let owner = company.owner { byOwner[owner.value, default: []].append(company) } }
        companiesByOwner = byOwner
        holders = Holders(model, peopleByID: peopleByID, today: today)
        promisesByCompany = PublishedSite.openPromisesByCompany(byCompany)
        promisesByOwner = PublishedSite.promisesByOwner(promisesByCompany)
        referralThreadsByCompany = PublishedSite.referralThreadsByCompany(byCompany)
        visitDigests = VisitDigest.all(model.visits, names: { [links, pages] page in PublishedSite.linkNames(for: page, links: links, published: pages) },
                                       unansweredPrompts: ReflectionStatus.unansweredPrompts(model.config), cache: digestCache)
    }

    /// Which lists `file` adds to: all of them, or (a patch making a few lists again, see
    /// `replacing(_:model:links:)`) only those of some companies, people and partners.
    struct Lists {
        var companies: Set<String>? = nil
        var people: Set<String>? = nil
        var partners: Set<String>? = nil
        static let all = Lists()
    }

    /// Adds `visit`, older than every visit added before, to the lists it belongs in: its company's,
    /// each person's on it, each partner's it refers to.
    static func file(_ visit: Visit, _ byCompany: inout [String: [Visit]], _ byPerson: inout [String: [Visit]],
                     _ byPartner: inout [String: [(visit: Visit, referral: Referral)]], only lists: Lists = .all) {
        if lists.companies?.contains(visit.company.value) ?? true { byCompany[visit.company.value, default: []].append(visit) }
        // Each person once per visit, even if listed twice (a set per visit costs more than this scan).
        for (position, person) in visit.staff.enumerated()
        where lists.people?.contains(person.value) ?? true && !visit.staff[..<position].contains(where: { $0.value == person.value }) {
            byPerson[person.value, default: []].append(visit)
        }
        for referral in visit.referrals where lists.partners?.contains(referral.to.value) ?? true {
            byPartner[referral.to.value, default: []].append((visit, referral))
        }
    }

    public func digest(of visit: Visit) -> VisitDigest {
        visitDigests[visit.page.id]
            ?? VisitDigest(visit.page, names: linkNames(for: visit.page), unansweredPrompts: ReflectionStatus.unansweredPrompts(model.config))
    }

    public func page(_ id: PageID) -> PageInfo? { pagesByID[id] }

    /// Where a theme's page is written (the same as `TopicPages.path(for:)`, remembered).
    func topicPath(_ name: String) -> String { topicPaths[name] ?? TopicPages.path(for: name) }

    public func cadence(of company: Company) -> Int { company.cadenceDays ?? model.config.visitCadenceDays }

    public func lastVisit(of company: Company) -> Visit? { visitsByCompany[company.page.slug]?.first }

    public func daysSinceLastVisit(of company: Company) -> Int? {
        lastVisit(of: company).map { today.daysSinceEpoch - $0.date.daysSinceEpoch }
    }

    /// Days past the cadence (positive: overdue). Only active companies that were visited at least once.
    public func daysOverdue(_ company: Company) -> Int? {
        guard company.status == .active, let days = daysSinceLastVisit(of: company) else { return nil }
        return days - cadence(of: company)
    }
}

extension PublishedSite {
    /// Names label-less wiki links by the published page's title, so plain text reads "みなと川信用金庫"
    /// where the note wrote [[shinkin]]. Unpublished targets keep what the author wrote.
    func linkNames(for page: PageInfo) -> (WikiLink) -> String? {
        PublishedSite.linkNames(for: page, links: links, published: pagesByID)
    }

    static func linkNames(for page: PageInfo, links: LinkGraph, published: [PageID: PageInfo]) -> (WikiLink) -> String? {
        let document = page.markdown
        let wikiLinks = document.wikiLinks
        guard !wikiLinks.isEmpty else { return { _ in nil } }
        let targets = links.targets[page.id] ?? []
        // By position in the document, not a dictionary keyed by links: no hashing of their text.
        let names: [String?] = wikiLinks.indices.map { index in
            guard index < targets.count, let target = targets[index] else { return nil }
            return published[target.page]?.title
        }
        return { link in document.wikiLinkIndex(of: link).flatMap { names[$0] } }
    }

    public func plainText(_ page: PageInfo) -> String {
        page.markdown.wikiLinks.isEmpty ? page.markdown.plainText : page.markdown.plainText(linkNames(for: page))
    }

    public func plainText(_ page: PageInfo, section: Int) -> String {
        page.markdown.plainText(section: section, linkNames(for: page))
    }
}
