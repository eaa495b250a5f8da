import Foundation

/// The "push" view: where nobody has gone for too long, and what was left unfinished.
public struct Radar: Sendable {
    public struct Overdue: Sendable { public let company: Company; public let daysSince: Int; public let daysOverdue: Int }
    public struct Orphan: Sendable { public let company: Company; public let owner: Person }

    /// Active companies past their cadence, most overdue first.
    public let overdue: [Overdue]
    /// Active companies with no visit at all.
    public let neverVisited: [Company]
    /// Visits older than `reflectionGraceDays` that have no 振り返り section yet, oldest first.
    public let missingReflection: [Visit]
    /// Companies whose holder (owner, or the last successor) has left or will leave, with no successor.
    public let orphaned: [Orphan]

    public static let reflectionGraceDays = 7

    init(_ index: SiteIndex) {
        var overdue: [Overdue] = []
        var never: [Company] = []
        var orphaned: [Orphan] = []
        for company in index.model.companies where company.status == .active {
            if let days = index.daysSinceLastVisit(of: company) {
                let late = days - index.cadence(of: company)
                if late > 0 { overdue.append(Overdue(company: company, daysSince: days, daysOverdue: late)) }
            } else {
                never.append(company)
            }
            // The chain ends with someone who left: nobody holds the company.
            if let holder = index.holder(of: company), holder.left != nil, holder.successor == nil {
                orphaned.append(Orphan(company: company, owner: holder))
            }
        }
        self.overdue = overdue.sorted { ($0.daysOverdue, $1.company.page.slug) > ($1.daysOverdue, $0.company.page.slug) }
        self.neverVisited = never
        self.orphaned = orphaned
        let cutoff = index.today.daysSinceEpoch - Radar.reflectionGraceDays
        self.missingReflection = index.model.visits.filter { visit in
            visit.date.daysSinceEpoch < cutoff && !index.digest(of: visit).hasReflection
        }
    }
}
