import Foundation
import FrontMatter
import Mustache

/// Template data for the continuity rules (issue #12): the radar's and partner page's stalled
/// referrals, single-person companies, rotation readiness and overdue promises.
extension PageContext {
    /// `frame` with more data (a page's continuity additions) besides the page's own.
    func frame(title: String, kind: String, adding extra: Context, _ page: Context) -> MustacheValue {
        frame(title: title, kind: kind, page.merging(extra) { own, _ in own })
    }

    func stalledReferral(_ state: ReferralState) -> MustacheValue {
        .object([
            "company": link(.companies, slug: state.thread.company),
            "partner": link(.partners, slug: state.thread.partner),
            "status": .string(label("status_\(state.thread.latest.status.rawValue)")),
            "statusKey": .string(state.thread.latest.status.rawValue),
            "daysSinceUpdate": .int(state.daysSinceUpdate),
            "lastUpdate": .string(day(state.lastUpdate)),
            "href": .string(href(state.thread.latestVisit.page.outputPath)),
        ])
    }

    /// The radar's continuity sections, in full (the radar page) or cut (the home page).
    func continuityRadar() -> Context {
        let overdue = index.overduePromises()
        let stalled = index.stalledReferrals()
        let single = index.singlePersonCompanies()
        let readiness = index.model.people.compactMap { person -> MustacheValue? in
            let companies = index.notYetVisitedBySuccessor(of: person)
            guard !companies.isEmpty, let successor = person.successor else { return nil }
            return .object(["person": link(person.page.id), "left": date(person.left),
                            "successor": link(.people, slug: successor.value),
                            "companies": .array(companies.map { link($0.page.id) })])
        }
        return [
            "overduePromisesList": .object(["promises": .array(overdue.map { promise($0, showCompany: true) })]),
            "overduePromiseCount": .int(overdue.count),
            "stalled": .array(stalled.map(stalledReferral)),
            "stalledCount": .int(stalled.count),
            "singlePerson": .array(single.map { company in
                .object(["company": link(company.page.id),
                         "staff": .array(index.staffInLastYear(of: company).map { link(.people, slug: $0) })])
            }),
            "singlePersonCount": .int(single.count),
            "readiness": .array(readiness),
            "readinessCount": .int(readiness.count),
        ]
    }

    func partnerStalled(_ partner: Partner) -> Context {
        // Only the companies referred to this partner: a site-wide scan per partner page would
        // grow with partners × visits.
        let slug = partner.page.slug
        let companies = Set((index.referralsByPartner[slug] ?? []).map(\.visit.company.value)).sorted()
        let stalled = companies.compactMap { index.companiesBySlug[$0] }
            .flatMap { index.referralStates(of: $0).filter { $0.stalled && $0.thread.partner == slug } }
            .sorted { ($0.daysSinceUpdate, $1.thread.company) > ($1.daysSinceUpdate, $0.thread.company) }
        return ["stalled": .array(stalled.map(stalledReferral)), "stalledCount": .int(stalled.count)]
    }

    func companyContinuity(_ company: Company) -> Context {
        [
            "singlePerson": .bool(index.isSinglePerson(company)),
            "staffLastYear": .array(index.staffInLastYear(of: company).map { link(.people, slug: $0) }),
        ]
    }

    func personContinuity(_ person: Person) -> Context {
        let notYet = index.notYetVisitedBySuccessor(of: person)
        return [
            "singlePersonCount": countIfAny(index.companiesHeld(by: person).filter(index.isSinglePerson).count),
            "notYetVisited": .array(notYet.map { link($0.page.id) }),
            "hasNotYetVisited": .bool(!notYet.isEmpty),
        ]
    }
}

/// The handover packets' print footer: the build date in the bottom margin of every printed page
/// (`@page` margin boxes take only fixed text, so this small stylesheet is written per build; the
/// page number is in the theme's own style.css). Made of the date and a UI string, never content.
enum HandoverPrint {
    static let path = "people/handover-print.css"

    static func data(today: CalendarDate, label: (String) -> String) -> Data {
        let text = "\(label("handover_packet")) · \(label("built_on")) \(today)"
        let quoted = text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"", "\\": return "\\" + String(scalar)
            case "\n", "\r", "<": return "\\" + String(scalar.value, radix: 16) + " "
            default: return String(scalar)
            }
        }.joined()
        return Data("@page { @bottom-left { content: \"\(quoted)\"; font-size: 8pt; color: #666; } }\n".utf8)
    }
}
