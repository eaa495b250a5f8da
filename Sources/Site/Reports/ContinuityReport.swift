import Foundation
import FrontMatter

/// `reports/continuity.json`: the continuity rules as data, in the shape issue #12 fixes
/// (`today`, `companies`, `promises`, `referrals`, `people`, `fiscal_years`); fields beyond it
/// are additions, never renames.
///
/// Each company's items (its entry, open promises, referrals) and each year's figures are kept
/// with the site (`ReportCache`), so a quick rebuild after an edit of one visit prints again only
/// its company's items (and the years the edit can change).
enum ContinuityReport {
    static let path = "reports/continuity.json"

    static func data(_ index: PublishedSite) -> Data {
        Data(json(index).rendered().utf8)
    }

    static func json(_ index: PublishedSite) -> JSONText {
        var companies: [JSONText] = []
        var promises: [JSONText] = []
        var referrals: [JSONText] = []
        for company in index.model.companies {
            let items = ReportCache.companyItems(company.page.slug, of: index) {
                (entry: entry(company, index).renderedItem(),
                 promises: promiseItems(company, index).map { $0.renderedItem() },
                 referrals: referralItems(company, index).map { $0.renderedItem() })
            }
            companies.append(.raw(items.entry))
            promises += items.promises.map(JSONText.raw)
            referrals += items.referrals.map(JSONText.raw)
        }
        let people = index.model.people.map { person -> JSONText in
            let handover = person.left != nil ? index.handoverCompanies(of: person) : []
            return .object([
                ("id", .string(person.page.slug)), ("left", .optional(person.left?.description)),
                ("successor", .optional(person.successor?.value)),
                ("holds", .array(index.companiesHeld(by: person).map { .string($0.page.slug) })),
                ("handover", .object([
                    ("companies", .array(handover.map { .string($0.page.slug) })),
                    ("not_yet_visited_by_successor", .array(index.notYetVisitedBySuccessor(of: person).map { .string($0.page.slug) })),
                ])),
                ("single_person_companies", .array(index.companiesHeld(by: person).filter(index.isSinglePerson).map { .string($0.page.slug) })),
            ])
        }
        return .object([
            ("today", .string(index.today.description)),
            ("companies", .array(companies)), ("promises", .array(promises)), ("referrals", .array(referrals)),
            ("people", .array(people)), ("fiscal_years", .array(index.reportedFiscalYears().map(item))),
        ])
    }

    /// A company's entry: who holds it, its last visit and whether one person alone visited it.
    static func entry(_ company: Company, _ index: PublishedSite) -> JSONText {
        let staff = index.staffInLastYear(of: company)
        return .object([
            ("id", .string(company.page.slug)), ("name", .string(company.name)),
            ("holder", .optional(index.holders.holder(of: company))), ("owner", .optional(company.owner?.value)),
            ("last_visit", .optional(index.lastVisit(of: company)?.date.description)),
            ("overdue", .bool((index.daysOverdue(company) ?? 0) > 0)),
            ("staff_last_365_days", .array(staff.map { .string($0) })),
            ("single_person", .bool(company.status == .active && staff.count == 1)),   // isSinglePerson, from the staff above
            ("status", .string(company.status.rawValue)),
        ])
    }

    static func promiseItems(_ company: Company, _ index: PublishedSite) -> [JSONText] {
        index.openPromises(of: company).map { promise in
            .object([
                ("company", .string(company.page.slug)), ("visit", .string(sourcePath(promise.visit))),
                ("text", .string(promise.text)), ("owner", .optional(promise.owner)),
                ("due", .optional(promise.due?.description)), ("overdue", .bool(promise.isOverdue(today: index.today))),
            ])
        }
    }

    static func referralItems(_ company: Company, _ index: PublishedSite) -> [JSONText] {
        index.referralStates(of: company).map { state in
            .object([
                ("company", .string(company.page.slug)), ("partner", .string(state.thread.partner)),
                ("status", .string(state.thread.latest.status.rawValue)), ("last_update", .string(state.lastUpdate.description)),
                ("days_since_update", .int(state.daysSinceUpdate)), ("stalled", .bool(state.stalled)),
            ])
        }
    }

    /// One fiscal year's figures.
    static func item(_ year: FiscalYear) -> JSONText {
        .object([
            ("year", .int(year.year)), ("from", .string(year.from.description)), ("to", .string(year.to.description)),
            ("visits", .int(year.visits)), ("companies_visited", .int(year.companiesVisited)),
            ("by_kind", .object(year.byKind.map { ($0.kind.rawValue, .int($0.count)) })),
            ("referrals_by_partner", .object(year.referralsByPartner.map { entry in
                (entry.partner, .object(entry.statuses.map { ($0.status.rawValue, .int($0.count)) }))
            })),
            ("by_theme", .object(year.byTheme.map { ($0.theme, .int($0.count)) })),
            ("contracts", .int(year.contracts)), ("productizations", .int(year.productizations)),
            ("as_of", .string(year.asOf.description)),
            ("overdue_at_end", .int(year.overdueAtEnd)), ("never_visited_at_end", .int(year.neverVisitedAtEnd)),
        ])
    }

    /// The note's path inside content/, e.g. `visits/2026/2026-10-14-minato-seiki.md`.
    static func sourcePath(_ visit: Visit) -> String {
        visit.page.displayPath.split(separator: "/").suffix(3).joined(separator: "/")
    }
}
