import Foundation
import Mustache

/// The internal reports (PRODUCT.md, "Reports"): a page per fiscal year and an index of them,
/// the Excel CSV per year, the calendar and continuity.json. None is written by `--public`.
enum ReportPages {
    static let index = "reports/index.html"
    static func path(for year: Int) -> String { "reports/fy-\(year).html" }
}

extension PageContext {
    func fiscalYearLabel(_ year: Int) -> String { label("fiscal_year_before") + "\(year)" + label("fiscal_year_after") }

    func reportsIndex(_ years: [FiscalYear]) -> MustacheValue {
        frame(title: label("nav_reports"), kind: "list", [
            "years": .array(years.reversed().map { year in
                .object(["label": .string(fiscalYearLabel(year.year)), "year": .int(year.year), "href": .string(href(ReportPages.path(for: year.year))),
                         "from": .string(year.from.description), "to": .string(year.to.description),
                         "visits": .int(year.visits), "companiesVisited": .int(year.companiesVisited),
                         "contracts": .int(year.contracts), "productizations": .int(year.productizations),
                         "csv": .string(href(KPIFile.path(year.year)))])
            }),
            "calendar": .string(href(CalendarFile.path)),
            "continuity": .string(href(ContinuityReport.path)),
        ])
    }

    func fiscalYearPage(_ year: FiscalYear) -> MustacheValue {
        frame(title: fiscalYearLabel(year.year), kind: "fiscal-year", [
            "year": .int(year.year), "from": .string(year.from.description), "to": .string(year.to.description),
            "running": .bool(year.to > index.today), "asOf": .string(year.asOf.description),
            "csv": .string(href(KPIFile.path(year.year))), "reportsHref": .string(href(ReportPages.index)),
            "visits": .int(year.visits), "companiesVisited": .int(year.companiesVisited),
            "contracts": .int(year.contracts), "productizations": .int(year.productizations),
            "overdueAtEnd": .int(year.overdueAtEnd), "neverVisitedAtEnd": .int(year.neverVisitedAtEnd),
            "byKind": .array(year.byKind.map { .object(["label": .string(label("kind_\($0.kind.rawValue)")), "count": .int($0.count)]) }),
            "byTheme": .array(year.byTheme.map { .object(["theme": .string($0.theme), "count": .int($0.count)]) }),
            "referrals": .array(year.referralsByPartner.map { entry in
                .object(["partner": link(.partners, slug: entry.partner),
                         "statuses": .array(entry.statuses.map { .object(["status": .string(label("status_\($0.status.rawValue)")),
                                                                        "statusKey": .string($0.status.rawValue), "count": .int($0.count)]) })])
            }),
        ])
    }
}
