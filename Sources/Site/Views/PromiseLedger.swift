import Foundation
import FrontMatter

extension PublishedSite {
    /// A person's promise ledger: what they owe (promises naming them, or made on their visits with
    /// no other owner named) and the open promises of every company they hold, which follow the
    /// company to its holder after a rotation. Overdue first (most overdue first), then by due
    /// date, then oldest visit first.
    public func openPromises(of person: Person) -> [OpenPromise] {
        let id = person.page.slug
        var seen = Set<String>()
        var result: [OpenPromise] = []
        func add(_ promise: OpenPromise) {
            if seen.insert(promise.visit.page.slug + "\u{0}" + promise.text).inserted { result.append(promise) }
        }
        for company in companiesHeld(by: person) { openPromises(of: company).forEach(add) }
        // Companies they visited but do not hold: only what they owe there.
        var visited: [String] = []
        var visitedSet = Set<String>()
        for visit in visitsByPerson[id] ?? [] where visitedSet.insert(visit.company.value).inserted { visited.append(visit.company.value) }
        for slug in visited {
            guard let company = companiesBySlug[slug] else { continue }
            for promise in openPromises(of: company) where promise.owner == id { add(promise) }
        }
        // Promises that name them on visits they were not on (someone wrote @id for them).
        for promise in promisesByOwner[id] ?? [] { add(promise) }
        return PromiseLedger.ordered(result, today: today)
    }

    /// Every open promise that is past its due date, most overdue first.
    public func overduePromises() -> [OpenPromise] {
        var all: [OpenPromise] = []
        for company in model.companies { all += openPromises(of: company).filter { $0.isOverdue(today: today) } }
        return PromiseLedger.ordered(all, today: today)
    }

    /// Open promises by their owner, so a ledger finds promises written on other people's visits.
    static func promisesByOwner(_ byCompany: [String: [OpenPromise]]) -> [String: [OpenPromise]] {
        var owed: [String: [OpenPromise]] = [:]
        for slug in byCompany.keys.sorted() {
            for promise in byCompany[slug] ?? [] { if let owner = promise.owner { owed[owner, default: []].append(promise) } }
        }
        return owed
    }
}

enum PromiseLedger {
    /// Overdue first (the longest overdue first), then promises with a due date (soonest first),
    /// then the rest by the visit they were made on, oldest first.
    static func ordered(_ promises: [OpenPromise], today: CalendarDate) -> [OpenPromise] {
        promises.sorted { a, b in
            let ka = key(a, today), kb = key(b, today)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return ka.1 < kb.1 }
            return (a.visit.date, a.visit.page.slug, a.text) < (b.visit.date, b.visit.page.slug, b.text)
        }
    }

    private static func key(_ p: OpenPromise, _ today: CalendarDate) -> (Int, Int) {
        guard let due = p.due else { return (2, 0) }
        return (p.isOverdue(today: today) ? 0 : 1, due.daysSinceEpoch)
    }

    /// Days past due (positive), nil when not overdue.
    static func daysOverdue(_ p: OpenPromise, today: CalendarDate) -> Int? {
        guard let due = p.due, due < today else { return nil }
        return today.daysSinceEpoch - due.daysSinceEpoch
    }
}
