import Foundation
import Mustache

/// The internal reports (PRODUCT.md, "Reports"): a page per fiscal year and an index of them,
/// the Excel CSV per year, the calendar and continuity.json. None is written by `--public`.
enum ReportPages {
    static let index = "reports/index.html"
    static func path(for year: Int) -> String { "reports/fy-\(year).html" }

    /// Every file that is not a page, as path and bytes.
    static func files(_ index: SiteIndex, theme: Theme) -> [(path: String, data: Data)] {
        let label: (String) -> String = { theme.string($0) }
        var files = index.fiscalYears().map { (KPIFile.path($0.year), KPIFile.data($0, index: index, label: label)) }
        files.append((CalendarFile.path, CalendarFile.data(index, label: label)))
        files.append((ContinuityReport.path, ContinuityReport.data(index)))
        return files
    }

    static func write(_ index: SiteIndex, theme: Theme, into output: SiteOutput) throws {
        for file in files(index, theme: theme) { try output.write(file.path, file.data) }
    }
}

extension PageRenderer {
    /// The fiscal-year pages, for internal builds only.
    func reportJobs() -> [Job] {
        guard views.reports else { return [] }
        let years = index.fiscalYears()
        var jobs = [Job(path: ReportPages.index, template: "reports") { $0.reportsIndex(years) }]
        for year in years { jobs.append(Job(path: ReportPages.path(for: year.year), template: "fiscal-year") { $0.fiscalYearPage(year) }) }
        return jobs
    }
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
                .object(["partner": link(section: .partners, slug: entry.partner),
                         "statuses": .array(entry.statuses.map { .object(["status": .string(label("status_\($0.status.rawValue)")),
                                                                        "statusKey": .string($0.status.rawValue), "count": .int($0.count)]) })])
            }),
        ])
    }
}
