import Messages
import Foundation

/// Checks that every id written in front matter names a page that exists, and suggests the
/// closest existing ids when it does not (a typo is the usual cause).
struct ReferenceChecker {
    let model: SiteModel
    /// Pages that exist but failed to read; their own error says why.
    var unreadable: Set<PageID> = []

    private var companies: Set<String> { Set(model.companies.map(\.page.slug)) }
    private var people: Set<String> { Set(model.people.map(\.page.slug)) }
    private var partners: Set<String> { Set(model.partners.map(\.page.slug)) }
    private static let sections = ["company": PageKind.companies, "person": .people, "partner": .partners]

    func check(into diagnostics: inout DiagnosticList) {
        let (companies, people, partners) = (self.companies, self.people, self.partners)
        for company in model.companies {
            if let owner = company.owner { require(owner, in: people, kind: "person", path: company.page.displayPath, &diagnostics) }
        }
        for visit in model.visits { check(visit, companies: companies, people: people, partners: partners, &diagnostics) }
        for person in model.people {
            if let successor = person.successor {
                require(successor, in: people, kind: "person", path: person.page.displayPath, &diagnostics)
                if successor.value == person.page.slug {
                    diagnostics.error(person.page.displayPath, successor.line, successor.column, Message(.ownSuccessor))
                }
            }
        }
    }

    /// One visit's references (a visit read again on its own, see `ModelBuilder.visit(_:against:)`).
    func check(_ visit: Visit, into diagnostics: inout DiagnosticList) {
        check(visit, companies: companies, people: people, partners: partners, &diagnostics)
    }

    private func check(_ visit: Visit, companies: Set<String>, people: Set<String>, partners: Set<String>,
                       _ diagnostics: inout DiagnosticList) {
        let path = visit.page.displayPath
        require(visit.company, in: companies, kind: "company", path: path, &diagnostics)
        for person in visit.staff { require(person, in: people, kind: "person", path: path, &diagnostics) }
        for referral in visit.referrals { require(referral.to, in: partners, kind: "partner", path: path, &diagnostics) }
    }

    private func require(_ ref: Located<String>, in ids: Set<String>, kind: String, path: String, _ diagnostics: inout DiagnosticList) {
        guard !ids.contains(ref.value) else { return }
        if let section = Self.sections[kind], unreadable.contains(PageID(kind: section, slug: ref.value)) { return }
        let close = Suggestions.closest(to: ref.value, among: ids)
        let (plain, suggesting): (MessageID, MessageID) = switch kind {
        case "company": (.unknownCompany, .unknownCompanySuggest)
        case "person": (.unknownPerson, .unknownPersonSuggest)
        default: (.unknownPartner, .unknownPartnerSuggest)
        }
        let message = close.isEmpty ? Message(plain, ref.value)
            : Message(suggesting, ref.value, close.map { "'\($0)'" }.joined(separator: ", "))
        diagnostics.error(path, ref.line, ref.column, message)
    }
}

/// Closest ids by edit distance, for "did you mean" hints.
public enum Suggestions {
    public static func closest(to word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        let scored = candidates.map { candidate -> (String, Int) in
            (candidate, distance(target, Array(candidate.lowercased())))
        }
        let threshold = max(2, target.count / 2)
        return scored.filter { $0.1 <= threshold || $0.0.hasPrefix(word) || word.hasPrefix($0.0) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
