import Foundation
import FrontMatter

/// The one rule for who holds a company (PRODUCT.md, "Continuity rules"): its `owner`, or the
/// owner's `successor` once the owner has left, and on down the chain. Pages, reports, checks and
/// `densho new visit` all ask here, so no two places can disagree about who holds what.
public enum HolderRule {
    /// What the rule needs to know of a person.
    public struct Link: Sendable {
        public let left: CalendarDate?
        public let successor: String?
        public init(left: CalendarDate?, successor: String?) {
            self.left = left
            self.successor = successor
        }
    }

    /// The owner and everyone the company passed to by `date`, owner first, holder last. Someone
    /// has left from their `left` day on. The chain stops at a person who has not left, has no
    /// successor, an unknown successor, or one already in the chain (a loop).
    public static func chain(from owner: String, on date: CalendarDate, person: (String) -> Link?) -> [String] {
        var chain = [owner]
        var seen: Set<String> = [owner]
        while let link = person(chain[chain.count - 1]), let left = link.left, left <= date,
              let successor = link.successor, person(successor) != nil, seen.insert(successor).inserted {
            chain.append(successor)
        }
        return chain
    }
}

/// Who holds each company on the build's day, computed once per build.
public struct Holders: Sendable {
    /// Company slug → its chain (owner first, holder last). Companies without an owner are absent.
    public let chains: [String: [String]]
    /// Person id → the companies they hold, in model order.
    public let companiesByHolder: [String: [Company]]
    /// Person id → the companies whose chain passes through them (held now or handed on).
    public let companiesByChainMember: [String: [Company]]

    init(_ model: SiteModel, peopleByID: [String: Person], today: CalendarDate) {
        var chains: [String: [String]] = [:]
        var byHolder: [String: [Company]] = [:]
        var byMember: [String: [Company]] = [:]
        let lookup: (String) -> HolderRule.Link? = { id in
            peopleByID[id].map { HolderRule.Link(left: $0.left, successor: $0.successor?.value) }
        }
        for company in model.companies {
            guard let owner = company.owner?.value else { continue }
            let chain = HolderRule.chain(from: owner, on: today, person: lookup)
            chains[company.page.slug] = chain
            byHolder[chain[chain.count - 1], default: []].append(company)
            for member in Set(chain) { byMember[member, default: []].append(company) }
        }
        self.chains = chains
        companiesByHolder = byHolder
        companiesByChainMember = byMember
    }

    /// The person id who holds `company` now, nil when it names no owner.
    public func holder(of company: Company) -> String? { chains[company.page.slug]?.last }

    /// The owner the company was taken over from, when the holder is not the owner.
    public func inheritedFrom(_ company: Company) -> String? {
        guard let chain = chains[company.page.slug], chain.count > 1 else { return nil }
        return chain[0]
    }
}

extension PublishedSite {
    public func holder(of company: Company) -> Person? { holders.holder(of: company).flatMap { peopleByID[$0] } }

    /// Companies a person holds now (by the holder rule, not only those naming them as owner).
    public func companiesHeld(by person: Person) -> [Company] { holders.companiesByHolder[person.page.slug] ?? [] }

    /// The companies a person who left (or will leave) hands over: every company whose chain passes
    /// through them. For someone still here with an announced `left`, what they hold now.
    public func handoverCompanies(of person: Person) -> [Company] {
        holders.companiesByChainMember[person.page.slug] ?? []
    }
}

extension PublishedSite {
    /// People who left (or will) and whose companies `person` now holds: whose packets they read.
    public func inheritedPackets(of person: Person) -> [Person] {
        var ids = Set<String>()
        for company in companiesHeld(by: person) {
            for member in holders.chains[company.page.slug] ?? [] where member != person.page.slug { ids.insert(member) }
        }
        return model.people.filter { ids.contains($0.page.slug) && $0.left != nil }
    }
}
