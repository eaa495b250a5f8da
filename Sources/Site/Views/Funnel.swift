import Foundation

/// Referral counts per partner and status. A referral is counted once, at its latest status,
/// so a company walked from introduced to contracted is one contract, not two entries.
public struct Funnel: Sendable {
    public static let stages: [ReferralStatus] = [.proposed, .introduced, .in_progress, .contracted, .productized]

    public struct Row: Sendable {
        public let partner: String
        /// How many referrals reached at least each stage (cumulative, so the funnel narrows).
        public let reached: [ReferralStatus: Int]
        public let declinedOrClosed: Int
        public let total: Int
    }

    public let rows: [Row]
    public let totals: Row

    init(_ index: PublishedSite) {
        var latest: [String: [String: ReferralStatus]] = [:]   // partner → company → latest status
        for visit in index.model.visits {   // oldest first, so later visits overwrite
            for referral in visit.referrals { latest[referral.to.value, default: [:]][visit.company.value] = referral.status }
        }
        func row(_ partner: String, _ statuses: [ReferralStatus]) -> Row {
            var reached: [ReferralStatus: Int] = [:]
            var stopped = 0
            for status in statuses {
                guard let depth = Funnel.stages.firstIndex(of: status) else { stopped += 1; continue }
                for stage in Funnel.stages[...depth] { reached[stage, default: 0] += 1 }
            }
            return Row(partner: partner, reached: reached, declinedOrClosed: stopped, total: statuses.count)
        }
        rows = index.model.partners.map { row($0.page.slug, Array((latest[$0.page.slug] ?? [:]).values)) }
        totals = row("", latest.values.flatMap { $0.values })
    }
}
