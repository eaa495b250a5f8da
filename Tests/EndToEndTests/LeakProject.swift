import Foundation

/// A generated project for the `--public` leak hunt. Every internal page carries a marker in every
/// field, in its file name and all through its body; public pages point at the internal ones in
/// every way the format allows (owner, company, staff, successor, referral partner, wiki links,
/// shared themes). After `build --public`, the marker must not be found in any byte of the output.
///
/// `variant` changes only internal content (values, how many internal visits there are), so two
/// variants must give byte-identical public sites: that catches what a marker cannot, such as a
/// count, a chart bar or a year that an internal page added.
struct LeakProject {
    /// ASCII part (survives case folding as is) and one rare kanji (catches a search bigram of it).
    static let asciiMarker = "zqxleak"
    static let kanjiMarker = "鑣"
    let variant: Int

    func marker(_ field: String) -> String { "\(LeakProject.asciiMarker)\(field)\(LeakProject.kanjiMarker)\(variant)" }

    /// Slugs hold the ASCII marker only: a file name cannot hold every character.
    static let company = "zqxleak-co"
    static let person = "zqxleak-person"
    static let leftPerson = "zqxleak-left"
    static let partner = "zqxleak-partner"
    static let playbook = "zqxleak-chapter"

    func body(_ tag: String) -> String {
        let m = { (part: String) in self.marker("\(tag)-\(part)") }
        return """
        # \(m("h1"))
        \(m("para")) **\(m("strong"))** *\(m("em"))* `\(m("code"))` [\(m("linktext"))](https://example.com/\(m("url")) "\(m("linktitle"))")
        ![\(m("alt"))](img/\(m("img")).png)

        ## 聞いたこと
        \(m("heard"))。[[companies/open-co|公開先の会社]]と[[playbooks/open-first|てびき]]。

        ## 見立て
        \(m("diagnosis"))

        ## 次の一手
        - [ ] \(m("promise-open"))
        - [x] \(m("promise-done"))

        ## 振り返り
        \(m("reflection"))

        > \(m("quote"))

        ```
        \(m("fence"))
        ```

        <div>\(m("html"))</div>

        [\(m("ref"))]: https://example.com/\(m("refurl"))
        """
    }

    func write(into project: TemporaryProject) throws {
        let m = marker
        try project.write("content/site.yml", """
        title: 公開テスト市 伴走支援ノート
        language: ja
        visit_cadence_days: 90
        themes: [知財活用, 海外展開]
        """)

        // Internal pages: every field and the body marked.
        try project.write("content/companies/\(LeakProject.company).md", """
        ---
        name: \(m("name"))
        kana: \(m("kana"))
        industry: \(m("industry"))
        location: \(m("location"))
        employees: \(40 + variant)
        founded: \(1950 + variant)
        owner: \(LeakProject.person)
        since: 201\(variant)-04-01
        cadence_days: \(30 + variant)
        status: active
        themes: [知財活用, \(m("theme"))]
        contacts:
          - name: \(m("contact-name"))
            role: \(m("contact-role"))
            note: \(m("contact-note"))
        ---
        \(body("company"))
        """)
        try project.write("content/people/\(LeakProject.person).md", """
        ---
        name: \(m("person-name"))
        role: \(m("person-role"))
        org: \(m("person-org"))
        joined: 201\(variant)-04-01
        themes: [\(m("person-theme"))]
        ---
        \(body("person"))
        """)
        try project.write("content/people/\(LeakProject.leftPerson).md", """
        ---
        name: \(m("left-name"))
        role: \(m("left-role"))
        org: \(m("left-org"))
        joined: 2015-04-01
        left: 2025-0\(variant + 1)-28
        successor: \(LeakProject.person)
        ---
        \(body("left"))
        """)
        try project.write("content/partners/\(LeakProject.partner).md", """
        ---
        name: \(m("partner-name"))
        kind: \(m("partner-kind"))
        ---
        \(body("partner"))
        """)
        try project.write("content/playbooks/\(LeakProject.playbook).md", """
        ---
        title: \(m("chapter-title"))
        order: \(5 + variant)
        visibility: internal
        themes: [知財活用, \(m("chapter-theme"))]
        ---
        \(body("chapter"))
        """)
        // Internal visits, of the internal company and of the public one; their number varies.
        for n in 0..<(2 + variant * 3) {
            let company = n % 2 == 0 ? LeakProject.company : "open-co"
            let year = 2020 + n % 6
            let date = "\(year)-0\(n % 9 + 1)-1\(n % 9)"
            try project.write("content/visits/\(year)/\(date)-\(LeakProject.asciiMarker)-\(n).md", """
            ---
            date: \(date)
            company: \(company)
            staff: [\(LeakProject.person), open-person]
            kind: \(["visit", "call", "event", "matching"][n % 4])
            themes: [海外展開, \(m("visit-theme-\(n)"))]
            referrals:
              - to: \(LeakProject.partner)
                status: introduced
                note: \(m("ref-note-internal-\(n)"))
              - to: open-partner
                status: \(["proposed", "contracted", "productized", "declined"][n % 4])
                note: \(m("ref-note-public-\(n)"))
            next_visit: 2027-01-0\(n % 9 + 1)
            ---
            \(body("visit\(n)"))
            """)
        }

        // Public pages, each pointing at internal ones.
        try project.write("content/companies/open-co.md", """
        ---
        name: 株式会社オープン工業
        kana: おーぷんこうぎょう
        owner: \(LeakProject.person)
        since: 2019-04-01
        visibility: public
        themes: [知財活用]
        contacts:
          - name: 公開 太郎
            role: 代表
        ---
        公開してよい紹介文。担当は[[people/\(LeakProject.person)|担当者]]、取引先は[[companies/\(LeakProject.company)|ある会社]]。
        """)
        try project.write("content/people/open-person.md", """
        ---
        name: 公開 花子
        role: コーディネーター
        left: 2026-03-31
        successor: \(LeakProject.person)
        visibility: public
        ---
        後任は[[people/\(LeakProject.person)|後任者]]。
        """)
        try project.write("content/partners/open-partner.md", """
        ---
        name: 公開支援センター
        kind: ip
        visibility: public
        ---
        紹介先。
        """)
        try project.write("content/visits/2026/2026-10-01-open-event.md", """
        ---
        date: 2026-10-01
        company: \(LeakProject.company)
        staff: [\(LeakProject.person), open-person]
        kind: event
        themes: [知財活用]
        referrals:
          - to: \(LeakProject.partner)
            status: introduced
          - to: open-partner
            status: contracted
        visibility: public
        ---
        ## 見立て
        公開イベントの記録。[[partners/\(LeakProject.partner)|紹介先]]と[[companies/open-co|オープン工業]]。
        ## 次の一手
        - [ ] 公開の約束
        ## 振り返り
        よかった。
        """)
        try project.write("content/visits/2026/2026-11-01-open-co.md", """
        ---
        date: 2026-11-01
        company: open-co
        staff: [open-person]
        themes: [海外展開]
        referrals:
          - to: open-partner
            status: introduced
        visibility: public
        ---
        ## 見立て
        公開の見立て。[[playbooks/\(LeakProject.playbook)|社内てびき]]を参照。
        """)
        try project.write("content/playbooks/open-first.md", """
        ---
        title: 初回訪問のてびき
        order: 10
        themes: [知財活用]
        ---
        ## 準備
        [[companies/\(LeakProject.company)|事例の会社]]と[[people/\(LeakProject.leftPerson)|先輩]]と[[partners/\(LeakProject.partner)|窓口]]に学ぶ。
        [[playbooks/\(LeakProject.playbook)|社内向けの章]]も読む。
        """)
        try project.write("content/playbooks/open-second.md", """
        ---
        title: 二回目以降のてびき
        order: 20
        themes: [海外展開]
        ---
        [[初回訪問のてびき]]の続き。
        """)
        try writeAttachments(into: project)
    }

    /// Each internal note's image is an attachment beside it, its name and bytes marked: a public
    /// build must copy none of them.
    private func writeAttachments(into project: TemporaryProject) throws {
        let content = project.content
        for note in FileManager.default.subpaths(atPath: content.path) ?? [] where note.hasSuffix(".md") {
            let text = try String(contentsOf: content.appendingPathComponent(note), encoding: .utf8)
            let folder = (note as NSString).deletingLastPathComponent
            for line in text.split(separator: "\n") {
                guard let start = line.range(of: "](img/"), let end = line[start.upperBound...].firstIndex(of: ")") else { continue }
                let name = String(line[start.upperBound..<end])
                try project.write("content/\(folder.isEmpty ? "" : folder + "/")img/\(name)", "PNG \(name)")
            }
        }
    }
}

extension Data {
    func range(of needle: String) -> Range<Data.Index>? { range(of: Data(needle.utf8)) }
}
