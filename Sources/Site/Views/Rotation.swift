import Foundation
import FrontMatter

/// The continuity risks a team lead looks for (PRODUCT.md, "Continuity rules"): companies only one
/// person knows (属人化), rotations whose successor has not met the company yet, and referrals
/// that stopped moving.
extension PublishedSite {
    /// How far back "the last 365 days" reaches, inclusive of today.
    static let singlePersonWindowDays = 365

    /// Distinct staff named on a company's visits in the last 365 days (today included), sorted.
    public func staffInLastYear(of company: Company) -> [String] {
        let from = today.daysSinceEpoch - PublishedSite.singlePersonWindowDays
        var staff = Set<String>()
        for visit in visitsByCompany[company.page.slug] ?? [] {
            let day = visit.date.daysSinceEpoch
            if day > today.daysSinceEpoch { continue }
            if day <= from { break }   // newest first: the rest are older
            for person in visit.staff { staff.insert(person.value) }
        }
        return staff.sorted()
    }

    /// An active company whose visits in the last 365 days name exactly one staff member.
    public func isSinglePerson(_ company: Company) -> Bool {
        company.status == .active && staffInLastYear(of: company).count == 1
    }

    /// Active single-person companies, in model order.
    public func singlePersonCompanies() -> [Company] { model.companies.filter(isSinglePerson) }

    /// Of the companies a person who left (or will) hands over, those their successor has not
    /// visited yet: no visit of the company lists the successor among its staff.
    public func notYetVisitedBySuccessor(of person: Person) -> [Company] {
        guard person.left != nil, let successor = person.successor?.value, peopleByID[successor] != nil else { return [] }
        return handoverCompanies(of: person).filter { company in
            !(visitsByCompany[company.page.slug] ?? []).contains { $0.staff.contains { $0.value == successor } }
        }
    }
}

/// One referral (company → partner) as it stands: its latest status and when it last moved.
public struct ReferralState: Sendable {
    public let thread: ReferralThread
    public let lastUpdate: CalendarDate
    public let daysSinceUpdate: Int
    public let stalled: Bool
}

extension PublishedSite {
    /// Every referral thread with its state; stalled: still open (proposed, introduced,
    /// in_progress) and not updated for more than `referral_stall_days`.
    public func referralStates(of company: Company) -> [ReferralState] {
        referralThreads(of: company).map(state)
    }

    func state(_ thread: ReferralThread) -> ReferralState {
        let last = thread.latestVisit.date
        let days = today.daysSinceEpoch - last.daysSinceEpoch
        return ReferralState(thread: thread, lastUpdate: last, daysSinceUpdate: days,
                             stalled: thread.latest.status.isInFlight && days > model.config.referralStallDays)
    }

    /// Stalled referrals of the whole site, longest stalled first.
    public func stalledReferrals() -> [ReferralState] {
        model.companies.flatMap { referralStates(of: $0).filter(\.stalled) }
            .sorted { ($0.daysSinceUpdate, $1.thread.company, $1.thread.partner) > ($1.daysSinceUpdate, $0.thread.company, $0.thread.partner) }
    }
}
