import Foundation
import FrontMatter

/// One fiscal year's figures (年度実績). A fiscal year is named by the calendar year it starts in:
/// with `fiscal_year_start: 4`, 2025年度 runs from 2025-04-01 to 2026-03-31.
public struct FiscalYear: Sendable {
    public let year: Int
    public let from: CalendarDate
    public let to: CalendarDate
    /// Visits dated in the year (延べ) and the distinct companies they were for (実数).
    public let visits: Int
    public let companiesVisited: Int
    /// Every kind, zero included, in `VisitKind` order.
    public let byKind: [(kind: VisitKind, count: Int)]
    /// Visits per theme, by count (most first), then name.
    public let byTheme: [(theme: String, count: Int)]
    /// Each referral (company → partner) touched in the year, once, at its latest status in the year.
    public let referralsByPartner: [(partner: String, statuses: [(status: ReferralStatus, count: Int)])]
    /// Referrals that first reached contracted (or beyond) / productized in the year.
    public let contracts: Int
    public let productizations: Int
    /// As of the year's last day (or today, for the year still running): active companies past
    /// their cadence, and active companies with no visit yet.
    public let asOf: CalendarDate
    public let overdueAtEnd: Int
    public let neverVisitedAtEnd: Int

    /// The fiscal year `date` falls in.
    public static func year(of date: CalendarDate, start: Int) -> Int { date.month >= start ? date.year : date.year - 1 }

    static func bounds(_ year: Int, start: Int) -> (from: CalendarDate, to: CalendarDate) {
        let from = CalendarDate(year: year, month: start, day: 1)!
        let next = CalendarDate(year: year + 1, month: start, day: 1)!
        return (from, CalendarDate(daysSinceEpoch: next.daysSinceEpoch - 1))
    }
}

extension PublishedSite {
    /// Every fiscal year from the one of the first visit to the one of today, oldest first.
    public func fiscalYears() -> [FiscalYear] { fiscalYearNumbers().map { fiscalYear($0) } }

    /// The years `fiscalYears` has, without their figures.
    func fiscalYearNumbers() -> [Int] {
        let start = model.config.fiscalYearStart
        let current = FiscalYear.year(of: today, start: start)
        let first = model.visits.first.map { FiscalYear.year(of: $0.date, start: start) } ?? current
        guard first <= current else { return [] }
        return Array(first...current)
    }

    /// The fiscal years whose figures an edit of a visit's front matter may change: the visit's
    /// own (kinds, themes and referrals in the year), and every year when its referrals changed
    /// (an outcome counts in the year of the first visit that reached it, which may be another).
    func fiscalYearsShowing(_ edit: VisitEdit) -> [Int] {
        edit.referralsChanged ? fiscalYearNumbers() : [FiscalYear.year(of: edit.after.date, start: model.config.fiscalYearStart)]
    }

    /// The position of the first visit on or after `day` (the count when there is none).
    private func firstVisit(from day: CalendarDate) -> Int {
        var (low, high) = (0, model.visits.count)
        while low < high {
            let middle = (low + high) / 2
            if model.visits[middle].date < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    public func fiscalYear(_ year: Int) -> FiscalYear {
        let start = model.config.fiscalYearStart
        let (from, to) = FiscalYear.bounds(year, start: start)
        // Visits are in date order: the year's are one run of them, found by halving (no copies).
        let visits = model.visits[firstVisit(from: from)..<firstVisit(from: to.adding(days: 1))]
        var kinds: [VisitKind: Int] = [:]
        var topics: [String: Int] = [:]
        var latest: [String: [String: ReferralStatus]] = [:]   // partner → company → status
        for visit in visits {   // oldest first: a later entry replaces an earlier one
            kinds[visit.kind, default: 0] += 1
            for topic in Set(visit.page.topicNames) { topics[topic, default: 0] += 1 }
            for referral in visit.referrals { latest[referral.to.value, default: [:]][visit.company.value] = referral.status }
        }
        var contracts = 0
        var productizations = 0
        // Only the companies with referrals (most have none), and only those this build publishes.
        for (company, threads) in referralThreadsByCompany where companiesBySlug[company] != nil {
            for thread in threads {
                let contracted = thread.steps.first { $0.referral.status == .contracted || $0.referral.status == .productized }
                if let day = contracted?.visit.date, day >= from, day <= to { contracts += 1 }
                let productized = thread.steps.first { $0.referral.status == .productized }
                if let day = productized?.visit.date, day >= from, day <= to { productizations += 1 }
            }
        }
        let asOf = min(to, today)
        var overdue = 0
        var never = 0
        for company in model.companies where company.status == .active {
            if let since = company.since, since > asOf { continue }
            guard let last = (visitsByCompany[company.page.slug] ?? []).first(where: { $0.date <= asOf }) else { never += 1; continue }
            if asOf.daysSinceEpoch - last.date.daysSinceEpoch > cadence(of: company) { overdue += 1 }
        }
        return FiscalYear(
            year: year, from: from, to: to, visits: visits.count,
            companiesVisited: Set(visits.map(\.company.value)).count,
            byKind: VisitKind.allCases.map { ($0, kinds[$0] ?? 0) },
            byTheme: topics.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) },
            referralsByPartner: latest.keys.sorted().map { partner in
                var counts: [ReferralStatus: Int] = [:]
                for status in latest[partner]!.values { counts[status, default: 0] += 1 }
                return (partner, ReferralStatus.allCases.compactMap { s in counts[s].map { (s, $0) } })
            },
            contracts: contracts, productizations: productizations,
            asOf: asOf, overdueAtEnd: overdue, neverVisitedAtEnd: never)
    }
}
