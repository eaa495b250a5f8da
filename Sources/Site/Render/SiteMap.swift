import Foundation
import Mustache

/// The route table: every kind of file a build writes from the content (the theme's static files
/// and the search index aside). Rendering (`PageRenderer`), the site-wide navigation, `--public`
/// and the quick rebuild's "what may change" (`QuickRebuild`) all read it.
///
/// How to add a page (or any other file, e.g. `reports/kpi-2026.csv`):
/// 1. Write what it shows: a `PageContext` method that returns its template data (start from
///    `frame(title:kind:_:)` so it has the shared frame), or, for a file that is not HTML, one that
///    returns its bytes.
/// 2. Add a template `themes/default/templates/<name>.mustache` and list every name it uses in
///    `docs/theme.md` (`ThemeContractTests` fails until you do). A non-HTML file needs no template.
/// 3. Add a `Route` below and put it in `routes`: `.one` for a single file, `Route(name:…pages:)`
///    for one file per something (per company, per year…). Say who it is for (`audience`: a
///    `--public` build writes only `.everyone` routes and the lists of kinds it publishes) and, if
///    it lists or quotes visits, what of a visit's text it shows (`quick`) and which of its files
///    show a visit's front matter (`visitFields`), or a quick rebuild after a visit edit will leave
///    it stale (`QuickRebuildTests` compares every byte with a full build).
/// 4. To link it from every page, add it to `navigation` with a `nav_…` UI string in i18n/*.yml.
enum SiteMap {
    /// Every route, in the order their files are handed to the renderer (which runs them on all cores).
    static let routes: [Route] = [
        company, visit, playbook, person, handover, partner,
        home, companyList, visitList, visitYear, peopleList, partnerList, handbook, handbookPrint, radar,
        topicList, topic, search, notFound, reports, fiscalYear, reportFiles, handoverPrint,
    ]

    /// The site-wide navigation, in the order it appears on every page (only routes with a `nav` label).
    static let navigation: [Route] = [home, companyList, visitList, radar, topicList, partnerList, peopleList, reports, handbook, search]

    // MARK: Content pages: one per note, at the note's own address (`PageInfo.outputPath`).

    /// A company page lists its visits (kind, staff, themes, digest), open promises, referral
    /// threads and who visited it in the last year.
    static let company = Route(name: "company", audience: .everyone,
                               quick: .visitDigests { edit, input in input.companyPage(of: edit.visit) },
                               visitFields: .showing([.kind, .staff, .themes, .referrals]) { edit, input in
                                   input.companyPage(of: edit.after)
                               }) { input in
        input.site.model.companies.map { c in RoutePage(c.page.outputPath, template: "company") { $0.company(c) } }
    }
    static let visit = Route(name: "visit", audience: .everyone) { input in
        input.site.model.visits.map { v in RoutePage(v.page.outputPath, template: "visit") { $0.visit(v) } }
    }
    static let playbook = Route(name: "playbook", audience: .everyone) { input in
        input.site.model.playbooks.map { p in RoutePage(p.page.outputPath, template: "playbook") { $0.playbook(p) } }
    }
    /// A person page lists their visits (kind, staff, themes, digest) and their promise ledger: what
    /// they owe (a promise's owner defaults to the visit's first staff member) and the open promises
    /// of the companies they hold; and of those companies, the ones one person alone visited and
    /// the ones their successor has not met yet. A staff edit moves visits, promises and those
    /// flags between any of them: every page; a kind or theme edit shows only on the pages that
    /// list the visit, its staff's; a text edit there and, when the company's open promises
    /// changed, on the pages of who owes them before and after and who holds the company.
    static let person = Route(name: "person", audience: .everyone, quick: .visitDigests { edit, input in
        var people = Set(edit.digestChanged ? edit.visit.staff.map(\.value) : [])
        if edit.promisesChanged {
            people.formUnion(edit.promiseOwners)
            if let holder = input.site.holders.chains[edit.visit.company.value]?.last { people.insert(holder) }
        }
        return people.compactMap { input.site.peopleByID[$0]?.page.outputPath }
    }, visitFields: .showing([.kind, .staff, .themes]) { edit, input in
        let people = edit.changed(.staff) ? input.site.model.people.map(\.page.slug)
            : Set((edit.before.staff + edit.after.staff).map(\.value)).sorted()
        return people.compactMap { input.site.peopleByID[$0]?.page.outputPath }
    }) { input in
        input.site.model.people.map { p in RoutePage(p.page.outputPath, template: "person") { $0.person(p) } }
    }
    /// A partner page lists the referrals it received.
    static let partner = Route(name: "partner", audience: .everyone, visitFields: .showing([.referrals]) { edit, input in
        Set((edit.before.referrals + edit.after.referrals).map(\.to.value)).compactMap { input.site.partnersByID[$0]?.page.outputPath }
    }) { input in
        input.site.model.partners.map { p in RoutePage(p.page.outputPath, template: "partner") { $0.partner(p) } }
    }

    // MARK: Gathered pages.

    /// A packet per person who left: of each company whose holder chain passes through them, the
    /// recent visits' 見立て and 振り返り, open promises, referrals in flight and whether the
    /// successor has met it (staff). An edit shows only in the packets of the visit's company.
    static let handover = Route(name: "handover", audience: .team, quick: .visitText { visit, input in input.handoverPackets(of: visit) },
                                visitFields: .showing([.staff, .referrals]) { edit, input in input.handoverPackets(of: edit.after) }) { input in
        input.site.model.people.filter { $0.left != nil }.map { p in
            RoutePage(HandoverPages.path(for: p), template: "handover") { $0.handover(p) }
        }
    }
    /// The latest visits and the radar cut short: a visit shows there only when it is among the
    /// visit index's (more than the home page lists) or the radar's without a 振り返り.
    static let home = Route.one("home", path: "index.html", template: "home", nav: "nav_home",
                                quick: .visitDigests { edit, input in
                                    edit.reflectionChanged || (edit.digestChanged && input.shows(edit.visit)) ? ["index.html"] : []
                                },
                                visitFields: .showing([.kind, .staff, .themes]) { edit, input in
                                    input.shows(edit.after) ? ["index.html"] : []
                                }) { input in
        let radar = input.radar
        return { $0.home(radar) }
    }
    static let companyList = Route.one("companies", path: "companies/index.html", template: "companies",
                                       audience: .listOf(.companies), nav: "nav_companies") { _ in { $0.companyList() } }
    /// The visit index: the count of each year (dates: never changed by a quick rebuild) and the
    /// latest `PageContext.listCap` visits.
    static let visitList = Route.one("visits", path: "visits/index.html", template: "visits",
                                     audience: .listOf(.visits), nav: "nav_visits",
                                     quick: .visitDigests { edit, input in
                                         edit.digestChanged && input.isRecent(edit.visit) ? ["visits/index.html"] : []
                                     },
                                     visitFields: .showing([.kind, .staff, .themes]) { edit, input in
                                         input.isRecent(edit.after) ? ["visits/index.html"] : []
                                     }) { _ in { $0.visitList() } }
    static let visitYear = Route(name: "visits-year", audience: .listOf(.visits),
                                 quick: .visitDigests { edit, _ in edit.digestChanged ? [VisitYearPages.path(for: edit.visit.date.year)] : [] },
                                 visitFields: .showing([.kind, .staff, .themes]) { edit, _ in [VisitYearPages.path(for: edit.after.date.year)] }) { input in
        Set(input.site.model.visits.map(\.date.year)).sorted().map { year in
            RoutePage(VisitYearPages.path(for: year), template: "visits") { $0.visitList(year: year) }
        }
    }
    static let peopleList = Route.one("people", path: "people/index.html", template: "people",
                                      audience: .listOf(.people), nav: "nav_people") { _ in { $0.peopleList() } }
    static let partnerList = Route.one("partners", path: "partners/index.html", template: "partners",
                                       audience: .listOf(.partners), nav: "nav_partners", visitFields: .every([.referrals])) { input in
        let funnel = input.funnel
        return { $0.partnerList(funnel) }
    }
    static let handbook = Route.one("handbook", path: "playbooks/index.html", template: "handbook",
                                    audience: .listOf(.playbooks), nav: "nav_handbook") { _ in { $0.handbook() } }
    static let handbookPrint = Route.one("handbook-print", path: "playbooks/print.html", template: "handbook-print",
                                         audience: .listOf(.playbooks)) { _ in { $0.handbookPrint() } }
    /// The radar lists visits without a 振り返り (the oldest: kind, staff, themes, digest), overdue promises
    /// (their owners: staff), stalled referrals, companies one person alone visited and successors
    /// who have not met a company yet (staff). Overdue and never-visited companies follow dates and
    /// companies, which a quick rebuild never changes.
    static let radar = Route.one("radar", path: "radar.html", template: "radar", audience: .team, nav: "nav_radar",
                                 quick: .visitDigests { edit, input in
                                     edit.promisesChanged || edit.reflectionChanged
                                         || (edit.digestChanged && input.lacksReflection(edit.visit)) ? ["radar.html"] : []
                                 },
                                 visitFields: .showing([.kind, .staff, .themes, .referrals]) { edit, input in
                                     edit.changed(.staff) || edit.changed(.referrals) || input.lacksReflection(edit.after) ? ["radar.html"] : []
                                 }) { input in
        let radar = input.radar
        return { $0.radarPage(radar) }
    }
    static let topicList = Route.one("themes", path: "themes/index.html", template: "themes", nav: "nav_themes",
                                     visitFields: .every([.themes])) { input in
        let topics = input.topics
        return { $0.topicIndex(topics) }
    }
    static let topic = Route(name: "theme", audience: .everyone,
                             quick: .visitDigests { edit, _ in
                                 edit.digestChanged ? Set(edit.visit.page.topicNames).map(TopicPages.path(for:)) : []
                             },
                             visitFields: .showing([.kind, .staff, .themes]) { edit, _ in
                                 Set(edit.before.page.topicNames + edit.after.page.topicNames).map(TopicPages.path(for:))
                             }) { input in
        input.topics.map { topic in RoutePage(TopicPages.path(for: topic.name), template: "theme") { $0.topicPage(topic.name) } }
    }
    static let search = Route.one("search", path: "search.html", template: "search", nav: "nav_search") { _ in { $0.searchPage() } }
    static let notFound = Route.one("404", path: "404.html", template: "404") { _ in { $0.notFound() } }

    // MARK: Reports (PRODUCT.md, "Reports"): the team's only.

    /// The fiscal years' figures: visits by kind and theme in the year the visit is in; referral
    /// outcomes in the year of the first visit that reached them, which a referral edit may move.
    static let reports = Route.one("reports", path: ReportPages.index, template: "reports", audience: .team, nav: "nav_reports",
                                   visitFields: .showing([.referrals]) { _, _ in [ReportPages.index] }) { _ in
        { $0.reportsIndex($0.index.reportedFiscalYears()) }
    }
    /// A year's figures are made when its files are, not when they are listed: a quick rebuild
    /// lists every file and makes only those that may change (each year reads every visit).
    static let fiscalYear = Route(name: "fiscal-year", audience: .team, visitFields: .showing([.kind, .themes, .referrals]) { edit, input in
        input.site.fiscalYearsShowing(edit).map(ReportPages.path(for:))
    }) { input in
        input.site.fiscalYearNumbers().map { year in
            RoutePage(ReportPages.path(for: year), template: "fiscal-year") { $0.fiscalYearPage($0.index.reportedFiscalYear(year)) }
        }
    }
    /// The Excel CSV per fiscal year (a year's figures: kinds, themes, referrals), the calendar
    /// (each company's next visit, open promises with a due date and who owes them) and
    /// continuity.json (staff of the last year, open promises, referrals, the years' figures).
    static let reportFiles = Route(name: "report files", audience: .team, quick: .visitDigests { edit, _ in
        edit.promisesChanged ? [CalendarFile.path, ContinuityReport.path] : []
    }, visitFields: .showing([.kind, .staff, .themes, .referrals, .nextVisit]) { edit, input in
        var paths: [String] = []
        if edit.changed(.kind) || edit.changed(.themes) || edit.changed(.referrals) {
            paths += input.site.fiscalYearsShowing(edit).map(KPIFile.path)
        }
        if edit.changed(.staff) || edit.changed(.nextVisit) { paths.append(CalendarFile.path) }
        if edit.changed(.staff) || edit.changed(.kind) || edit.changed(.themes) || edit.changed(.referrals) { paths.append(ContinuityReport.path) }
        return paths
    }) { input in
        input.site.fiscalYearNumbers().map { year in
            RoutePage(KPIFile.path(year)) { KPIFile.data($0.index.reportedFiscalYear(year), index: $0.index, label: $0.label) }
        } + [
            RoutePage(CalendarFile.path) { CalendarFile.data($0.index, label: $0.label) },
            RoutePage(ContinuityReport.path) { ContinuityReport.data($0.index) },
        ]
    }
    /// The print footer of handover packets.
    static let handoverPrint = Route(name: "handover print", audience: .team) { _ in
        [RoutePage(HandoverPrint.path) { HandoverPrint.data(today: $0.index.today, label: $0.label) }]
    }
}

/// One kind of file of the site.
struct Route: Sendable {
    /// A short name for people (the template's name for most).
    let name: String
    /// The address of a route with one file; nil for one file per something.
    let path: String?
    let audience: Audience
    /// The UI string key of its entry in the site-wide navigation (see `SiteMap.navigation`).
    let nav: String?
    let quick: QuickDependency
    let visitFields: VisitFieldDependency
    /// The route's files in this build.
    let pages: @Sendable (RouteInput) -> [RoutePage]

    init(name: String, path: String? = nil, audience: Audience, nav: String? = nil, quick: QuickDependency = .frontMatter,
         visitFields: VisitFieldDependency = .none, pages: @escaping @Sendable (RouteInput) -> [RoutePage]) {
        self.name = name
        self.path = path
        self.audience = audience
        self.nav = nav
        self.quick = quick
        self.visitFields = visitFields
        self.pages = pages
    }

    /// A route with one page. `context` is called once per build and returns the page's template data builder.
    static func one(_ name: String, path: String, template: String, audience: Audience = .everyone, nav: String? = nil,
                    quick: QuickDependency = .frontMatter, visitFields: VisitFieldDependency = .none,
                    _ context: @escaping @Sendable (RouteInput) -> @Sendable (PageContext) -> MustacheValue) -> Route {
        // The data is made when the file is: a quick rebuild that leaves the page as it is
        // computes nothing for it (the radar, the funnel).
        Route(name: name, path: path, audience: audience, nav: nav, quick: quick, visitFields: visitFields) { input in
            [RoutePage(path, template: template) { page in context(input)(page) }]
        }
    }
}

/// One file a route writes.
struct RoutePage: Sendable {
    enum Output: Sendable {
        /// HTML (or any text) drawn by a theme template from the data the closure returns.
        case template(String, @Sendable (PageContext) -> MustacheValue)
        /// A file made directly (CSV, iCalendar, JSON…): the closure returns its bytes.
        case file(@Sendable (PageContext) throws -> Data)
    }

    let path: String
    let output: Output

    init(_ path: String, template: String, _ context: @escaping @Sendable (PageContext) -> MustacheValue) {
        self.path = path
        output = .template(template, context)
    }

    init(_ path: String, file: @escaping @Sendable (PageContext) throws -> Data) {
        self.path = path
        output = .file(file)
    }
}

/// What the quick rebuild (a session's rebuild after only the text of visit notes changed) must
/// look at again of a route. Every content page is looked at when it is edited or when its
/// backlinks change; this says what else a route shows of visits.
enum QuickDependency: Sendable {
    /// Only front matter of other pages (titles, dates, links): nothing more.
    case frontMatter
    /// Quotes the text of visits: after any edit, the files the closure says show the visit.
    case visitText(@Sendable (Visit, RouteInput) -> [String])
    /// Lists visits by their digest (見立て excerpt, whether a 振り返り exists) or open promises:
    /// when an edited visit's digest or its company's open promises changed, the files the
    /// closure names for that change (`DigestEdit` says which).
    case visitDigests(@Sendable (DigestEdit, RouteInput) -> [String])
}

/// One edited visit as the text routes see it (`QuickDependency.visitDigests`).
struct DigestEdit: Sendable {
    /// The visit as it is now.
    let visit: Visit
    /// Its 見立て excerpt or whether it has a 振り返り changed.
    let digestChanged: Bool
    /// Whether it has a 振り返り changed (so the radar's list and counts).
    let reflectionChanged: Bool
    /// Its company's open promises (text, visit, owner, due) changed.
    let promisesChanged: Bool
    /// Who owes its company's open promises, before and after the edit.
    let promiseOwners: Set<String>
}

/// A field of a visit's front matter that pages show. A quick rebuild never changes a visit's
/// date or company (nor so its title and address): those edits take the full way.
enum VisitField: Sendable, CaseIterable {
    case kind, staff, themes, referrals, nextVisit, visibility
}

extension VisitEdit {
    /// Whether `field` differs between before and after (in what pages show: values, in order).
    func changed(_ field: VisitField) -> Bool {
        switch field {
        case .kind: return before.kind != after.kind
        case .staff: return before.staff.map(\.value) != after.staff.map(\.value)
        case .themes: return before.page.topicNames != after.page.topicNames
        case .referrals: return referralsChanged
        case .nextVisit: return before.nextVisit != after.nextVisit
        case .visibility: return before.page.visibility != after.page.visibility
        }
    }

    /// The fields that changed.
    var changedFields: Set<VisitField> { Set(VisitField.allCases.filter(changed)) }
}

/// What the quick rebuild after an edit of a visit's front matter — its kind, staff, themes,
/// referrals, next visit, visibility — must look at again of a route, besides the visit's own
/// page (`QuickRebuild`; an edit of its date or company takes the full way). A route that shows
/// any of these of a visit other than through its title and address must name them, or the quick
/// rebuild leaves its files stale (`QuickRebuildTests` compares every byte with a full build).
enum VisitFieldDependency: Sendable {
    /// Shows no visit's front matter but titles, dates and addresses.
    case none
    /// Every file of the route, when one of these fields changed.
    case every(Set<VisitField>)
    /// When one of these fields changed, the files the closure names: those that show the visit,
    /// before or after the edit, or what it changed (the closure may ask `VisitEdit.changed`).
    case showing(Set<VisitField>, @Sendable (VisitEdit, RouteInput) -> [String])
}

/// What routes are made from: the published site and the views several pages share, each computed
/// at most once per build, on first use: a quick rebuild that needs only some routes' paths
/// computes none of them, and a one-file route reads it only when its file is made (from any
/// thread: the views are made under a lock).
final class RouteInput: @unchecked Sendable {
    let site: PublishedSite
    init(_ site: PublishedSite) { self.site = site }

    private let lock = NSLock()
    private var radarMade: Radar?
    private var funnelMade: Funnel?
    private var topicsMade: [(name: String, count: Int)]?

    var radar: Radar {
        lock.lock()
        defer { lock.unlock() }
        if let radarMade { return radarMade }
        let made = Radar(site)
        radarMade = made
        return made
    }

    var funnel: Funnel {
        lock.lock()
        defer { lock.unlock() }
        if let funnelMade { return funnelMade }
        let made = Funnel(site)
        funnelMade = made
        return made
    }

    /// Topics in the site.yml order first, then any others found in the content, with page counts.
    var topics: [(name: String, count: Int)] {
        lock.lock()
        defer { lock.unlock() }
        if let topicsMade { return topicsMade }
        var counts: [String: Int] = [:]
        site.model.forEachPage { page in
            let names = page.topicNames
            for (i, topic) in names.enumerated() where !names[..<i].contains(topic) { counts[topic, default: 0] += 1 }
        }
        let vocabulary = site.model.config.topics.filter { counts[$0] != nil }
        let others = counts.keys.filter { !vocabulary.contains($0) }.sorted()
        let made = (vocabulary + others).map { ($0, counts[$0] ?? 0) }
        topicsMade = made
        return made
    }

    /// The page of the visit's company.
    func companyPage(of visit: Visit) -> [String] {
        site.companiesBySlug[visit.company.value].map { [$0.page.outputPath] } ?? []
    }

    /// The handover packets that show the visit's company: those of the people who left (or will)
    /// through whom the company's holder chain passes.
    func handoverPackets(of visit: Visit) -> [String] {
        (site.holders.chains[visit.company.value] ?? []).compactMap { id in
            site.peopleByID[id].flatMap { $0.left != nil ? HandoverPages.path(for: $0) : nil }
        }
    }

    /// Whether a list of the latest visits or of the radar's may show the visit.
    func shows(_ visit: Visit) -> Bool { isRecent(visit) || lacksReflection(visit) }

    /// Whether the visit is among those the visit index lists (the latest `PageContext.listCap`).
    func isRecent(_ visit: Visit) -> Bool {
        site.model.visits.suffix(PageContext.listCap).contains { $0.page.id == visit.page.id }
    }

    /// Whether the radar page shows the visit among those lacking a 振り返り, the oldest
    /// `PageContext.listCap` of them (`Radar.missingReflection`: older than the grace days and no
    /// 振り返り). Their count changes only with a 振り返り (`DigestEdit.reflectionChanged`).
    func lacksReflection(_ visit: Visit) -> Bool {
        let cutoff = site.today.daysSinceEpoch - Radar.reflectionGraceDays
        guard visit.date.daysSinceEpoch < cutoff, !site.digest(of: visit).hasReflection else { return false }
        var older = 0
        for other in site.model.visits {
            if other.page.id == visit.page.id { return true }
            if other.date.daysSinceEpoch < cutoff && !site.digest(of: other).hasReflection {
                older += 1
                if older >= PageContext.listCap { return false }
            }
        }
        return false
    }
}
