import Foundation
import FrontMatter
import Markdown

/// An unchecked task item that no later visit of the same company has checked off.
public struct OpenPromise: Sendable {
    public let text: String
    public let visit: Visit
    /// Who owes it: the `@person-id` written in it, else the visit's first staff member.
    public let owner: String?
    /// The due date written in it (`期限 …` or `📅 …`), if any.
    public let due: CalendarDate?

    init(text: String, visit: Visit) {
        self.text = text
        self.visit = visit
        let notation = PromiseNotation(text)
        owner = notation.owner ?? visit.staff.first?.value
        due = notation.due
    }

    /// Open and past its due date; a promise due today is not overdue yet.
    public func isOverdue(today: CalendarDate) -> Bool { due.map { $0 < today } ?? false }
}

/// The story of one referral (company → partner) across visits.
public struct ReferralThread: Sendable {
    public let company: String
    public let partner: String
    /// Oldest first.
    public let steps: [(visit: Visit, referral: Referral)]
    public var latest: Referral { steps[steps.count - 1].referral }
    public var latestVisit: Visit { steps[steps.count - 1].visit }
}

extension PublishedSite {
    /// Open promises of a company, oldest first. A promise is identified by its text: the habit is
    /// to copy `- [ ] …` into the next note and tick it there when it is done. Spaces are ignored in
    /// the comparison, since Japanese text has none that carry meaning (full- or half-width alike).
    public func openPromises(of company: Company) -> [OpenPromise] {
        promisesByCompany[company.page.slug] ?? []
    }

    /// Computed once per build for every company, on all cores: company pages, person pages and
    /// handover packets all ask, and each would otherwise normalize every task item again.
    static func openPromisesByCompany(_ visitsByCompany: [String: [Visit]]) -> [String: [OpenPromise]] {
        let slugs = Array(visitsByCompany.keys)
        let results = ConcurrentResults<[OpenPromise]>(count: slugs.count)
        DispatchQueue.concurrentPerform(iterations: slugs.count) { i in
            results.set(i, openPromises(visitsNewestFirst: visitsByCompany[slugs[i]] ?? []))
        }
        return Dictionary(uniqueKeysWithValues: zip(slugs, results.values))
    }

    static func openPromises(visitsNewestFirst visits: [Visit]) -> [OpenPromise] {
        // In order of their latest mention; a later mention (ticked or not) takes the earlier one's
        // place. Positions by key, not a search of the list: a note with 100,000 items stays linear.
        var open: [OpenPromise?] = []
        var position: [String: Int] = [:]
        for visit in visits.reversed() {
            for item in visit.page.markdown.taskItems {
                let key = Self.promiseKey(item.text)
                if let earlier = position.removeValue(forKey: key) { open[earlier] = nil }
                if !item.checked {
                    position[key] = open.count
                    open.append(OpenPromise(text: WhiteSpace.trimmed(item.text), visit: visit))
                }
            }
        }
        return open.compactMap { $0 }
    }

    static func promiseKey(_ text: String) -> String {
        fastPromiseKey(text) ?? normalizedPromiseKey(text)
    }

    /// The key by Foundation's NFKC: right for any text, and slow (a bridge to NSString and back).
    static func normalizedPromiseKey(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace })
    }

    /// The same key for text made only of scalars whose NFKC form and lower case are known without
    /// tables: ASCII, full-width ASCII (NFKC makes it ASCII), kana, common CJK punctuation and
    /// ideographs. Nil for anything else (half-width katakana, combining marks…), which goes the slow way.
    /// A test checks every scalar accepted here against `normalizedPromiseKey`.
    static func fastPromiseKey(_ text: String) -> String? {
        // Built as UTF-8 bytes: appending scalars to a String's view costs far more per scalar.
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0xFF01...0xFF5E: value -= 0xFEE0   // full-width ASCII
            case 0x3000: continue                     // ideographic space: NFKC makes it a space
            case 0x00...0x7F, 0x3001...0x3029, 0x3030...0x3035, 0x3041...0x3096, 0x309D...0x309E,
                 0x30A0...0x30FE, 0x4E00...0x9FFF: break
            default: return nil
            }
            switch value {
            case 0x09...0x0D, 0x20: continue   // white space
            case 0x41...0x5A: value += 0x20    // ASCII upper case
            default: break
            }
            // Every value here is ASCII or in the BMP outside the surrogates: one to three bytes.
            if value < 0x80 {
                key.append(UInt8(value))
            } else if value < 0x800 {
                key.append(UInt8(0xC0 | value >> 6))
                key.append(UInt8(0x80 | value & 0x3F))
            } else {
                key.append(UInt8(0xE0 | value >> 12))
                key.append(UInt8(0x80 | value >> 6 & 0x3F))
                key.append(UInt8(0x80 | value & 0x3F))
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Referrals of a company, one thread per partner, most recently touched first.
    public func referralThreads(of company: Company) -> [ReferralThread] { referralThreadsByCompany[company.page.slug] ?? [] }

    /// Computed once per build: company pages, handover packets, the radar, continuity.json and
    /// every fiscal year ask for every company's threads, and made on each call they cost more
    /// than those pages (a dictionary and a sort per company, per call).
    static func referralThreadsByCompany(_ visitsByCompany: [String: [Visit]], only companies: Set<String>? = nil) -> [String: [ReferralThread]] {
        var byCompany: [String: [ReferralThread]] = [:]
        for (company, visits) in visitsByCompany where companies?.contains(company) ?? true && visits.contains(where: { !$0.referrals.isEmpty }) {
            var threads: [String: [(visit: Visit, referral: Referral)]] = [:]
            for visit in visits.reversed() {
                for referral in visit.referrals { threads[referral.to.value, default: []].append((visit, referral)) }
            }
            byCompany[company] = threads.map { ReferralThread(company: company, partner: $0.key, steps: $0.value) }
                .sorted { ($0.latestVisit.date, $0.partner) > ($1.latestVisit.date, $1.partner) }
        }
        return byCompany
    }
}
