import FrontMatter
import Seeded
/// The people, companies, partners and playbooks of a generated corpus, drawn before any note is
/// written so that every link and id in the notes resolves.
struct CorpusCast {
    struct Person { let id: String; let name: String; let role: String; let org: String; let joined: Int; var left: Int?; var successor: String? }
    struct Company { let slug: String; let name: String; let kana: String; let industry: String; let district: String
                     let owner: String; let since: Int; let themes: [String]; let contacts: [(name: String, role: String)]
                     let employees: Int; let founded: Int; let status: String }
    struct Partner { let id: String; let name: String; let kind: String }
    struct Playbook { let slug: String; let title: String; let order: Int; let themes: [String] }

    var people: [Person] = []
    var companies: [Company] = []
    var partners: [Partner] = []
    var playbooks: [Playbook] = []

    /// Proportions of a real team: about eight visits per company over the years, one staff
    /// member per ~250 visits, a dozen partners, a handbook that grows slowly.
    init(visits: Int, random r: inout SeededRandom) {
        let peopleCount = max(8, visits / 250)
        let companyCount = max(10, visits / 8)
        let partnerCount = min(Vocabulary.partnerKinds.count, 6 + visits / 2000) + visits / 20000
        let playbookCount = 10 + visits / 2000

        for i in 0..<peopleCount {
            let (surname, romaji) = r.pick(Vocabulary.surnames)
            let joined = CalendarDay.days(2005 + r.int(0...15), r.int(1...12), 1)
            people.append(Person(id: "\(romaji)-\(i + 1)", name: "\(surname) \(r.pick(Vocabulary.givenNames))",
                                 role: r.pick(Vocabulary.staffRoles), org: r.pick(Vocabulary.orgs), joined: joined))
        }
        // About one in ten has rotated out; most name a successor, some do not (the radar shows them).
        for i in people.indices where i > 0 && r.chance(0.1) {
            people[i].left = CalendarDay.days(2024 + r.int(0...2), 3, 31)
            if r.chance(0.8) { people[i].successor = people[r.int(0...(i - 1))].id }
        }

        var usedNames = Set<String>()
        for i in 0..<companyCount {
            let stem = r.pick(Vocabulary.nameStems)
            let trade = r.pick(Vocabulary.trades)
            let district = r.pick(Vocabulary.districts)
            var name = "\(r.pick(Vocabulary.legalForms))\(stem.0)\(trade.0)"
            if usedNames.contains(name) { name += "（\(district)）" }
            if usedNames.contains(name) { name += "\(i + 1)" }
            usedNames.insert(name)
            let contacts = (0..<r.int(1...3)).map { _ in
                (name: "\(r.pick(Vocabulary.surnames).0) \(r.pick(Vocabulary.givenNames))", role: r.pick(Vocabulary.contactRoles))
            }
            companies.append(Company(
                slug: "\(stem.2)-\(trade.2)-\(i + 1)", name: name, kana: stem.1 + trade.1, industry: trade.3,
                district: district, owner: r.pick(people).id, since: CalendarDay.days(2012 + r.int(0...12), r.int(1...12), 1),
                themes: r.pick(Vocabulary.themes, count: r.int(1...3)), contacts: contacts,
                employees: r.int(3...300), founded: r.int(1948...2022),
                status: r.chance(0.9) ? "active" : r.pick(["dormant", "closed"])))
        }

        for i in 0..<partnerCount {
            if i < Vocabulary.partnerKinds.count {
                let p = Vocabulary.partnerKinds[i]
                partners.append(Partner(id: p.0, name: p.1, kind: p.2))
            } else {
                partners.append(Partner(id: "partner-\(i + 1)", name: "連携支援機関 第\(i + 1)号（\(r.pick(Vocabulary.districts))）", kind: "other"))
            }
        }

        let titles = ["初回訪問のてびき", "見立ての書き方", "紹介のしかた", "引き継ぎのてびき", "振り返りの書き方",
                      "開放特許マッチングの進め方", "海外展開の相談を受けたら", "資金繰りの相談を受けたら",
                      "事業承継の話の切り出し方", "エスカレーションの基準"]
        for i in 0..<playbookCount {
            let title = i < titles.count ? titles[i] : "現場のてびき 第\(i + 1)章 \(r.pick(Vocabulary.themes))"
            playbooks.append(Playbook(slug: "tebiki-\(i + 1)", title: title, order: (i + 1) * 10,
                                      themes: r.pick(Vocabulary.themes, count: r.int(1...2))))
        }
    }
}

/// Days since 1970-01-01 for the generator's arithmetic, by the same calendar code densho reads dates with.
enum CalendarDay {
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        CalendarDate(year: y, month: m, day: d)?.daysSinceEpoch ?? 0
    }

    static func string(_ days: Int) -> String { CalendarDate(daysSinceEpoch: days).description }
}
