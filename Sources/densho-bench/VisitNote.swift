import Seeded
/// One visit note: front matter and the four sections (聞いたこと, 見立て, 次の一手, 振り返り),
/// 1,200–2,500 characters of body.
enum VisitNote {
    static func make(company: CorpusCast.Company, date: String, day: Int, open: inout [String],
                     cast: CorpusCast, text: NoteText, _ r: inout SeededRandom) -> String {
        let target = r.int(1200...2500)
        var staff = [company.owner]
        if r.chance(0.3) {
            let other = r.pick(cast.people).id
            if other != company.owner { staff.append(other) }
        }
        let partner: CorpusCast.Partner? = r.chance(0.35) ? r.pick(cast.partners) : nil
        let kind = r.chance(0.8) ? "visit" : r.pick(["call", "event", "matching"])
        var themes = r.pick(company.themes, count: r.int(1...2))
        if r.chance(0.2) { themes.append(r.pick(Vocabulary.themes)) }
        themes = Array(Set(themes)).sorted()

        var front = "---\ndate: \(date)\ncompany: \(company.slug)\nstaff: [\(staff.joined(separator: ", "))]\nkind: \(kind)\nthemes: [\(themes.joined(separator: ", "))]\n"
        if let partner {
            let status = r.pick(["proposed", "introduced", "introduced", "in_progress", "contracted", "productized", "declined", "closed"])
            front += "referrals:\n  - to: \(partner.id)\n    status: \(status)\n    note: \(text.task(&r))の件で紹介。\(r.pick(Vocabulary.worries))ため。\n"
        }
        if r.chance(0.4) { front += "next_visit: \(CalendarDay.string(day + r.int(20...120)))\n" }
        front += "---\n"

        var heard: [String] = (0..<4).map { _ in "- " + text.heard(&r, company: company) }
        var diagnosis: [String] = (0..<2).map { _ in text.diagnosis(&r, company: company, partner: partner) }
        var tasks: [String] = []
        var stillOpen: [String] = []
        for promise in open {
            if r.chance(0.4) { tasks.append("- [x] \(promise)") }
            else { if r.chance(0.5) { tasks.append("- [ ] \(promise)") }; stillOpen.append(promise) }
        }
        for _ in 0..<r.int(1...3) {
            let t = text.task(&r)
            if r.chance(0.3) { tasks.append("- [x] \(t)") } else { tasks.append("- [ ] \(t)"); stillOpen.append(t) }
        }
        open = Array(stillOpen.suffix(4))
        let reflection: [String] = r.chance(0.85) ? (0..<r.int(1...2)).map { _ in text.reflection(&r) } : []

        func body() -> String {
            var b = "## 聞いたこと\n\n" + heard.joined(separator: "\n") + "\n\n## 見立て\n\n" + diagnosis.joined(separator: "\n\n")
            b += "\n\n## 次の一手\n\n" + tasks.joined(separator: "\n") + "\n"
            if !reflection.isEmpty { b += "\n## 振り返り\n\n" + reflection.joined(separator: "\n\n") + "\n" }
            return b
        }
        // Grown sentence by sentence; the length is tracked rather than recounted (that was quadratic).
        var length = body().count
        while length < target {
            if r.chance(0.6) {
                heard.append("- " + text.heard(&r, company: company))
                length += heard[heard.count - 1].count + 1
            } else {
                diagnosis.append(text.diagnosis(&r, company: company, partner: partner))
                length += diagnosis[diagnosis.count - 1].count + 2
            }
        }
        return front + body()
    }
}

/// Companies, people, partners and playbooks: shorter pages around the visits.
enum EntityText {
    static func company(_ c: CorpusCast.Company, cast: CorpusCast, _ r: inout SeededRandom) -> String {
        let V = Vocabulary.self
        var s = "---\nname: \(c.name)\nkana: \(c.kana)\nindustry: \(c.industry)\nlocation: ベンチマーク市\(c.district)\n"
        s += "employees: \(c.employees)\nfounded: \(c.founded)\nowner: \(c.owner)\nsince: \(CalendarDay.string(c.since))\nstatus: \(c.status)\n"
        s += "themes: [\(c.themes.joined(separator: ", "))]\ncontacts:\n"
        for contact in c.contacts {
            s += "  - name: \(contact.name)\n    role: \(contact.role)\n    note: \(r.pick(V.strengths))に詳しい。\(r.pick(V.feelings))。\n"
        }
        s += "---\n## 沿革\n\n\(c.founded)年創業。\(c.district)で\(c.industry)を営む。\(r.pick(V.customers))との取引が長い。\(r.pick(V.periods))は\(r.pick(V.metrics))が\(r.pick(V.changes))。\n\n"
        s += "## 強み\n\n- \(r.pick(V.strengths))\n- \(r.pick(V.strengths))\n\n## 課題\n\n- \(r.pick(V.worries))\n- \(r.pick(V.worries))\n\n"
        s += "## この関係が大切な理由\n\n\(r.pick(V.strengths))を持つ会社が市内に残ることは、地域の取引の網の目を守ることになる。[[\(r.pick(cast.partners).id)]]との連携が鍵。\n"
        return s
    }

    static func person(_ p: CorpusCast.Person, cast: CorpusCast, _ r: inout SeededRandom) -> String {
        var s = "---\nname: \(p.name)\nrole: \(p.role)\norg: \(p.org)\njoined: \(CalendarDay.string(p.joined))\n"
        if let left = p.left { s += "left: \(CalendarDay.string(left))\n" }
        if let successor = p.successor { s += "successor: \(successor)\n" }
        s += "---\n\(p.org)の\(p.role)。\(r.pick(Vocabulary.strengths))を活かした支援が得意。\n\n## 得意分野\n\n- \(r.pick(Vocabulary.themes))\n- \(r.pick(Vocabulary.themes))\n"
        return s
    }

    static func partner(_ p: CorpusCast.Partner, _ r: inout SeededRandom) -> String {
        "---\nname: \(p.name)\nkind: \(p.kind)\n---\n\(p.name)は、\(r.pick(Vocabulary.worries))企業の相談を受ける支援機関。\n\n## 紹介するとき\n\n- \(r.pick(Vocabulary.actions))必要があるとき\n- \(r.pick(Vocabulary.worries))とき\n"
    }

    static func playbook(_ p: CorpusCast.Playbook, _ r: inout SeededRandom) -> String {
        var s = "---\ntitle: \(p.title)\norder: \(p.order)\nthemes: [\(p.themes.joined(separator: ", "))]\n---\n# \(p.title)\n\n"
        for n in 1...4 {
            s += "## ポイント\(n)\n\n\(r.pick(Vocabulary.lessons))。\(r.pick(Vocabulary.connectors))\(r.pick(Vocabulary.lessons))。\n\n"
            s += "1. \(r.pick(Vocabulary.actions))\n2. \(r.pick(Vocabulary.actions))\n\n"
        }
        return s
    }
}
