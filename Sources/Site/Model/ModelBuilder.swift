import Messages
import Foundation
import FrontMatter
import Markdown

/// Turns parsed sources into the typed, validated SiteModel. Every problem becomes a diagnostic;
/// a page with a broken required field is left out so later steps never see half-built pages.
struct ModelBuilder {
    let config: SiteConfig
    private(set) var diagnostics = DiagnosticList()

    /// Pages whose file exists but could not be read (its error is already reported): a reference
    /// to one is not "unknown" — one YAML slip in a company must not add an error per visit.
    var unreadable: Set<PageID> = []

    init(config: SiteConfig) { self.config = config }

    mutating func build(_ sources: [ParsedSource]) -> SiteModel {
        var model = SiteModel(config: config, companies: [], visits: [], playbooks: [], people: [], partners: [])
        for source in sources {
            let (page, fields) = ModelBuilder.page(source)
            var reader = fields
            var read = true
            switch source.file.kind {
            case .companies: if let c = readCompany(page, &reader) { model.companies.append(c) } else { read = false }
            case .visits: if let v = readVisit(page, &reader) { model.visits.append(v) } else { read = false }
            case .playbooks: if let p = readPlaybook(page, &reader) { model.playbooks.append(p) } else { read = false }
            case .people: if let p = readPerson(page, &reader) { model.people.append(p) } else { read = false }
            case .partners: if let p = readPartner(page, &reader) { model.partners.append(p) } else { read = false }
            }
            if !read { unreadable.insert(page.id) }
            reader.warnUnknownKeys()
            diagnostics.append(contentsOf: reader.diagnostics)
        }
        model.companies.sort { $0.page.slug < $1.page.slug }
        model.people.sort { $0.page.slug < $1.page.slug }
        model.partners.sort { $0.page.slug < $1.page.slug }
        model.playbooks.sort { ($0.order, $0.page.slug) < ($1.order, $1.page.slug) }
        model.visits.sort { ($0.date, $0.page.slug) < ($1.date, $1.page.slug) }
        ModelBuilder.nameVisits(&model)
        ReferenceChecker(model: model, unreadable: unreadable).check(into: &diagnostics)
        return model
    }

    /// The fields every kind of page has, and the reader left for the kind's own fields.
    private static func page(_ source: ParsedSource) -> (PageInfo, FieldReader) {
        var reader = FieldReader(source.frontMatter, path: source.file.displayPath, missingAt: SourceLocation(line: 1, column: 1))
        let visibilityDefault: Visibility = source.file.kind == .playbooks ? .public : .internal
        let visibility: Visibility = reader.enumeration("visibility", default: visibilityDefault) ?? visibilityDefault
        let topics = reader.list("themes", limit: PageLimits.topics)
        let draftLine = reader.bool("draft") == true ? source.frontMatter["draft"].map(\.location.line) : nil
        let page = PageInfo(kind: source.file.kind, slug: source.file.slug, displayPath: source.file.displayPath,
                            title: source.file.slug, visibility: visibility, topics: topics,
                            markdown: source.markdown, bodyFirstLine: source.bodyFirstLine, draftLine: draftLine)
        return (page, reader)
    }

    /// One visit note read again on its own, against the pages of `model` (a session's quick
    /// rebuild after its front matter changed): the visit `build` would put in the model, named as
    /// `nameVisits` names it, and in `diagnostics` every problem `build` would report of its front
    /// matter and references. Nil when it is not a visit `build` would keep.
    mutating func visit(_ source: ParsedSource, against model: SiteModel) -> Visit? {
        guard source.file.kind == .visits else { return nil }
        var (page, reader) = ModelBuilder.page(source)
        let read = readVisit(page, &reader)
        reader.warnUnknownKeys()
        diagnostics.append(contentsOf: reader.diagnostics)
        guard var visit = read else { return nil }
        page.title = ModelBuilder.title(of: visit, companyName: model.companies.first { $0.page.slug == visit.company.value }?.name)
        visit.page = page
        ReferenceChecker(model: model).check(visit, into: &diagnostics)
        return visit
    }

    private func readCompany(_ page: PageInfo, _ r: inout FieldReader) -> Company? {
        let name = r.string("name", required: true)
        let contacts: [Contact] = r.records("contacts") { c in
            guard let name = c.string("name", required: true) else { return nil }
            var contact = Contact(name: name, role: c.string("role"), note: c.string("note"))
            contact.phone = c.string("phone")
            contact.email = c.string("email")
            if let email = contact.email, !Contact.looksLikeEmail(email) {
                c.warning(at: "email", Message(email.contains("＠") ? .contactEmailFullWidthAt : .contactEmailMalformed, email))
            }
            contact.since = c.date("since")
            contact.until = c.date("until")
            if let since = contact.since, let until = contact.until, until < since {
                c.error(at: "until", Message(.contactUntilBeforeSince, until.description, since.description))
            }
            return contact
        }
        let company = Company(
            page: page, name: name ?? page.slug, kana: r.string("kana"), industry: r.string("industry"),
            location: r.string("location"), employees: r.int("employees", range: 0...10_000_000),
            founded: r.int("founded", range: 1000...9999), owner: r.located("owner"), since: r.date("since"),
            cadenceDays: r.int("cadence_days", range: 1...3650),
            status: r.enumeration("status", default: CompanyStatus.active) ?? .active, contacts: contacts)
        guard name != nil else { return nil }
        var result = company
        result.page.title = company.name
        return result
    }

    private mutating func readVisit(_ page: PageInfo, _ r: inout FieldReader) -> Visit? {
        let date = r.date("date", required: true)
        let company = r.located("company", required: true)
        let staff = r.list("staff", limit: PageLimits.staff)
        let kind = r.enumeration("kind", default: VisitKind.visit) ?? .visit
        let referrals: [Referral] = r.records("referrals") { e in
            let to = e.located("to", required: true)
            // An invalid status is already an error; the referral is kept so its partner is still checked.
            let status: ReferralStatus? = e.enumeration("status", default: nil)
            let note = e.string("note")
            guard let to else { return nil }
            return Referral(to: to, status: status ?? .proposed, note: note)
        }
        let nextVisit = r.date("next_visit")
        guard let date, let company else { return nil }
        // The file name carries the date so notes sort in any file browser; the two must agree.
        let expectedPrefix = date.description
        if !page.slug.hasPrefix(expectedPrefix) {
            diagnostics.error(page.displayPath, 1, 1, Message(.visitFileNameDate, expectedPrefix, String(date.year)))
        } else if !page.displayPath.contains("/visits/\(date.year)/") && !page.displayPath.hasPrefix("visits/\(date.year)/") {
            diagnostics.error(page.displayPath, 1, 1, Message(.visitYearMismatch, String(date.year)))
        }
        return Visit(page: page, date: date, company: company, staff: staff, kind: kind, referrals: referrals, nextVisit: nextVisit)
    }

    private func readPlaybook(_ page: PageInfo, _ r: inout FieldReader) -> Playbook? {
        guard let title = r.string("title", required: true) else { return nil }
        var playbook = Playbook(page: page, order: r.int("order") ?? 1000)
        playbook.page.title = title
        return playbook
    }

    private func readPerson(_ page: PageInfo, _ r: inout FieldReader) -> Person? {
        let name = r.string("name", required: true)
        var person = Person(page: page, name: name ?? page.slug, role: r.string("role"), org: r.string("org"),
                            joined: r.date("joined"), left: r.date("left"), successor: r.located("successor"))
        guard name != nil else { return nil }
        person.page.title = person.name
        return person
    }

    private func readPartner(_ page: PageInfo, _ r: inout FieldReader) -> Partner? {
        guard let name = r.string("name", required: true) else { return nil }
        var partner = Partner(page: page, name: name, kind: r.string("kind"))
        partner.page.title = name
        return partner
    }

    /// A visit's title is its date and company, which is how people refer to a visit.
    static func nameVisits(_ model: inout SiteModel) {
        let names = Dictionary(model.companies.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        for index in model.visits.indices {
            model.visits[index].page.title = title(of: model.visits[index], companyName: names[model.visits[index].company.value])
        }
    }

    static func title(of visit: Visit, companyName: String?) -> String { "\(visit.date) \(companyName ?? visit.company.value)" }
}
