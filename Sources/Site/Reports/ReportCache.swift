import Foundation

/// What the reports made in the last build and a session's quick rebuild can reuse: each fiscal
/// year's figures, and continuity.json's items of each company (its entry, its open promises, its
/// referrals) as printed. continuity.json is 2 MB at 10,000 visits and every year's figures read
/// every visit; after an edit of one visit only its company's items and (when its kind, themes or
/// referrals changed) some years are made again (`carry`).
///
/// Each `PublishedSite` keeps its own (`keptYears`, `keptCompanyItems`): a full build starts
/// empty, a quick rebuild carries the previous build's over, without what the edits can change.
/// In a debug build every reused value is checked against a fresh one, so a rule here that keeps
/// what an edit changed fails the tests.
enum ReportCache {
    /// continuity.json's items of one company, each printed at its place in the file.
    typealias CompanyItems = (entry: String, promises: [String], referrals: [String])

    /// Hands `index` (the site after `edits`, a quick rebuild) what `previous` made that they
    /// cannot change. A year's figures count the kinds and themes of its visits and the referrals of
    /// every year (an outcome counts in the year it was first reached); a company's items show
    /// only its own visits (dates, staff), promises and referrals.
    static func carry(from previous: PublishedSite, to index: inout PublishedSite, over edits: [VisitEdit]) {
        let start = index.model.config.fiscalYearStart
        var companies = Set<String>()
        var years = Set<Int>()
        var everyYear = false
        for edit in edits {
            companies.insert(edit.before.company.value)
            companies.insert(edit.after.company.value)
            if edit.changed(.referrals) {
                everyYear = true
            } else if edit.changed(.kind) || edit.changed(.themes) {
                years.insert(FiscalYear.year(of: edit.before.date, start: start))
                years.insert(FiscalYear.year(of: edit.after.date, start: start))
            }
        }
        index.keptYears = previous.keptYears.carried { everyYear || years.contains($0) }
        index.keptCompanyItems = previous.keptCompanyItems.carried { companies.contains($0) }
    }

    static func fiscalYear(_ year: Int, of index: PublishedSite) -> FiscalYear {
        if let kept = index.keptYears[year] {
            assert(ContinuityReport.item(index.fiscalYear(year)).rendered() == ContinuityReport.item(kept).rendered(),
                   "fiscal year \(year) kept by the report cache differs from a fresh one")
            return kept
        }
        let made = index.fiscalYear(year)
        index.keptYears[year] = made
        return made
    }

    static func companyItems(_ slug: String, of index: PublishedSite, _ make: () -> CompanyItems) -> CompanyItems {
        if let kept = index.keptCompanyItems[slug] {
            assert({ let fresh = make(); return fresh.entry == kept.entry && fresh.promises == kept.promises && fresh.referrals == kept.referrals }(),
                   "continuity.json's items of \(slug) kept by the report cache differ from fresh ones")
            return kept
        }
        let made = make()
        index.keptCompanyItems[slug] = made
        return made
    }
}

extension PublishedSite {
    /// `fiscalYear(_:)`, made once per build (and kept by a quick rebuild that cannot change it).
    func reportedFiscalYear(_ year: Int) -> FiscalYear { ReportCache.fiscalYear(year, of: self) }

    /// `fiscalYears()`, each made once per build.
    func reportedFiscalYears() -> [FiscalYear] { fiscalYearNumbers().map(reportedFiscalYear) }
}
