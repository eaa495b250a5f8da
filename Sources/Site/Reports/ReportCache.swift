import Foundation

/// What the reports computed in the last build and a session's quick rebuild can reuse: each
/// fiscal year's figures, and continuity.json's items of each company (its entry, its open
/// promises, its referrals) as printed. continuity.json is 2 MB at 10,000 visits and every year's
/// figures read every visit; after an edit of one visit only its company's items and (when its
/// kind, themes or referrals changed) some years are made again (`carried(over:)`).
///
/// Each `PublishedSite` has its own cache: a full build starts with an empty one, a quick rebuild
/// carries the previous build's over, without what the edits can change. Filled while pages are
/// made (on all cores), so every access takes the lock. In a debug build every reused value is
/// checked against a fresh one, so a rule here that keeps what an edit changed fails the tests.
final class ReportCache: @unchecked Sendable {
    /// continuity.json's items of one company, each printed at its place in the file.
    struct CompanyItems {
        let entry: String
        let promises: [String]
        let referrals: [String]
    }

    private let lock = NSLock()
    private var years: [Int: FiscalYear]
    private var companies: [String: CompanyItems]

    init() {
        years = [:]
        companies = [:]
    }

    private init(years: [Int: FiscalYear], companies: [String: CompanyItems]) {
        self.years = years
        self.companies = companies
    }

    /// A cache for the site after `edits` (a quick rebuild): what they cannot change. A year's
    /// figures count the kinds and themes of its visits and the referrals of every year (an
    /// outcome counts in the year it was first reached); a company's items show only its own
    /// visits (dates, staff), promises and referrals.
    func carried(over edits: [VisitEdit], fiscalYearStart start: Int) -> ReportCache {
        lock.lock()
        defer { lock.unlock() }
        var years = self.years
        var companies = self.companies
        for edit in edits {
            companies[edit.before.company.value] = nil
            companies[edit.after.company.value] = nil
            if edit.changed(.referrals) {
                years = [:]
            } else if edit.changed(.kind) || edit.changed(.themes) {
                years[FiscalYear.year(of: edit.before.date, start: start)] = nil
                years[FiscalYear.year(of: edit.after.date, start: start)] = nil
            }
        }
        return ReportCache(years: years, companies: companies)
    }

    func fiscalYear(_ year: Int, _ make: () -> FiscalYear) -> FiscalYear {
        lock.lock()
        let kept = years[year]
        lock.unlock()
        if let kept {
            assert(ContinuityReport.item(make()).rendered() == ContinuityReport.item(kept).rendered(),
                   "fiscal year \(year) kept by the report cache differs from a fresh one")
            return kept
        }
        let made = make()
        lock.lock()
        years[year] = made
        lock.unlock()
        return made
    }

    func companyItems(_ slug: String, _ make: () -> CompanyItems) -> CompanyItems {
        lock.lock()
        let kept = companies[slug]
        lock.unlock()
        if let kept {
            assert({ let fresh = make(); return fresh.entry == kept.entry && fresh.promises == kept.promises && fresh.referrals == kept.referrals }(),
                   "continuity.json's items of \(slug) kept by the report cache differ from fresh ones")
            return kept
        }
        let made = make()
        lock.lock()
        companies[slug] = made
        lock.unlock()
        return made
    }
}

extension PublishedSite {
    /// `fiscalYear(_:)`, made once per build (and kept by a quick rebuild that cannot change it).
    func reportedFiscalYear(_ year: Int) -> FiscalYear {
        reportCache.fiscalYear(year) { fiscalYear(year) }
    }

    /// `fiscalYears()`, each made once per build.
    func reportedFiscalYears() -> [FiscalYear] { fiscalYearNumbers().map(reportedFiscalYear) }
}
