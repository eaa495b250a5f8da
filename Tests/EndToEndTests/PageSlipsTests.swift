import Foundation
import XCTest

/// The small slips a new user saw on the pages (issue 16), each pinned on a small built project.
final class PageSlipsTests: XCTestCase {
    func built(_ extra: (TemporaryProject) throws -> Void = { _ in }, today: String = "2026-11-25",
               language: String = "ja") throws -> TemporaryProject {
        let p = try TemporaryProject()
        try p.writeMinimalSite()
        if language != "ja" {
            try p.write("content/site.yml", "title: Test City\nlanguage: \(language)\nthemes: [知財活用]\n")
        }
        try extra(p)
        let result = try p.build(today: today)
        XCTAssertEqual(result.status, 0, result.stderr)
        return p
    }

    func testHomeTitleIsTheSiteNameOnceAndOtherPagesNameTheSite() throws {
        let p = try built()
        XCTAssertTrue(try p.read("site/index.html").contains("<title>テスト市 伴走支援ノート</title>"))
        XCTAssertTrue(try p.read("site/radar.html").contains("<title>レーダー | テスト市 伴走支援ノート</title>"))
    }

    func testHomeRadarSaysHowManyItLeftOutAndLinksTheRest() throws {
        let p = try built { p in
            for day in 1...7 {
                try p.write("content/visits/2026/2026-01-0\(day)-minato-seiki.md",
                            "---\ndate: 2026-01-0\(day)\ncompany: minato-seiki\nstaff: [suzuki]\n---\n## 見立て\n所見。\n")
            }
        }
        let home = try p.read("site/index.html")
        XCTAssertTrue(home.contains("振り返り未記入の訪問（7日超）（7）"), "the count is all of them")
        XCTAssertTrue(home.contains(#"<a href="radar.html#no-reflection">他2件</a>"#), "5 shown, the other 2 named and linked")
        XCTAssertTrue(try p.read("site/radar.html").contains(#"<section id="no-reflection">"#))
    }

    func testLeadingHeadingEqualToTheTitleIsNotPrintedTwice() throws {
        let p = try built { p in
            try p.write("content/playbooks/first-visit.md", """
            ---
            title: 初回訪問のてびき
            order: 10
            ---
            # 初回訪問のてびき

            最初の段落。

            ## 準備
            本文。
            """)
            try p.write("content/playbooks/other.md", "---\ntitle: 別の章\norder: 20\n---\n# 見出しは別の言葉\n本文。\n")
        }
        for path in ["site/playbooks/first-visit.html", "site/playbooks/print.html"] {
            let page = try p.read(path)
            XCTAssertEqual(page.components(separatedBy: ">初回訪問のてびき</h1>").count, 2, "\(path): the title once as a heading")
        }
        let chapter = try p.read("site/playbooks/first-visit.html")
        XCTAssertFalse(chapter.contains(##"<li class="level-1"><a href="#初回訪問のてびき">"##), "not in the table of contents either")
        XCTAssertTrue(chapter.contains("最初の段落。"))
        XCTAssertTrue(try p.read("site/playbooks/index.html").contains(#"<p class="excerpt">最初の段落。"#), "excerpt starts after the title")
        XCTAssertTrue(try p.read("site/playbooks/other.html").contains(">見出しは別の言葉</h1>"), "a different heading stays")
    }

    func testEmptyFieldsLeaveNoSeparatorsOrLabels() throws {
        let p = try built { p in
            try p.write("content/visits/2026/2026-09-01-minato-seiki.md",
                        "---\ndate: 2026-09-01\ncompany: minato-seiki\nstaff: [tanaka]\n---\n## 聞いたこと\n話だけ。\n")
        }
        let handover = try p.read("site/people/tanaka-handover.html")
        XCTAssertFalse(handover.contains(#"<p class="meta"> · "#))
        XCTAssertTrue(handover.contains(#"<p class="meta parts"><span>支援中</span>"#), "no industry: the line starts with the status")
        let recent = try XCTUnwrap(handover.components(separatedBy: "2026-09-01</a></h4>").dropFirst().first)
        let block = try XCTUnwrap(recent.components(separatedBy: "</div>").first)
        XCTAssertFalse(block.contains(#"<p class="label">"#), "no 見立て or 振り返り label over nothing: \(block)")
        XCTAssertTrue(block.contains("見立て・振り返りはまだ書かれていません。"), block)
        let visit = try p.read("site/visits/2026/2026-09-01-minato-seiki.html")
        XCTAssertFalse(visit.contains("<dt>テーマ</dt>"), "a visit without themes has no empty テーマ row")
    }

    func testStaffSeparatorIsOutsideTheLinks() throws {
        let p = try built { p in
            try p.write("content/visits/2026/2026-02-01-minato-seiki.md",
                        "---\ndate: 2026-02-01\ncompany: minato-seiki\nstaff: [tanaka, suzuki]\n---\n## 見立て\n所見。\n")
        }
        let visit = try p.read("site/visits/2026/2026-02-01-minato-seiki.html")
        XCTAssertTrue(visit.replacingOccurrences(of: "\n", with: "").contains(#"<dd class="staff"><span><a href="../../people/tanaka.html">田中 花子</a></span><span><a href="../../people/suzuki.html">鈴木 一郎</a></span></dd>"#))
        let css = try String(contentsOf: Densho.repositoryRoot.appendingPathComponent("themes/default/static/style.css"), encoding: .utf8)
        XCTAssertTrue(css.contains(#".staff > * + *::before { content: "・";"#))
        XCTAssertTrue(css.contains(#":lang(en) .staff > * + *::before { content: ", "; }"#))
    }

    func testTodayFoundedYearPartnerKindsAndReflectionMark() throws {
        let p = try built({ p in
            try p.write("content/companies/minato-seiki.md", "---\nname: 株式会社みなと精機\nowner: suzuki\nfounded: 1971\n---\n")
        }, today: "2026-08-01")
        let company = try p.read("site/companies/minato-seiki.html")
        XCTAssertTrue(company.contains("最終訪問 2026-08-01（今日）"), "not 0日前")
        XCTAssertTrue(company.contains("<dd>1971年</dd>"))
        XCTAssertTrue(try p.read("site/companies/index.html").contains("（今日）"))
        XCTAssertTrue(try p.read("site/partners/ip-center.html").contains("支援機関 · 知財"), "kind ip labelled")
        XCTAssertTrue(try p.read("site/partners/index.html").contains(#"<small class="muted">知財</small>"#))
    }

    func testNoReflectionMarkHasATooltipAndALegend() throws {
        let p = try built { p in
            try p.write("content/visits/2026/2026-09-01-minato-seiki.md",
                        "---\ndate: 2026-09-01\ncompany: minato-seiki\nstaff: [tanaka]\n---\n## 見立て\n所見。\n")
        }
        let visits = try p.read("site/visits/index.html")
        XCTAssertTrue(visits.contains(#"<span class="no-reflection-mark" title="振り返り未記入" aria-label="振り返り未記入">✎</span>"#))
        XCTAssertTrue(visits.contains(#"<p class="legend"><span class="no-reflection-mark" aria-hidden="true">✎</span> 振り返り未記入</p>"#))
    }

    func testEnglishPagesHaveNoFullWidthBracketsOrJapaneseSeparators() throws {
        let p = try built({ _ in }, language: "en")
        for path in ["site/index.html", "site/companies/index.html", "site/companies/minato-seiki.html", "site/radar.html",
                     "site/visits/index.html", "site/partners/ip-center.html", "site/people/tanaka-handover.html"] {
            // The project's own text has no full-width brackets: any here would be the UI's.
            let page = try p.read(path)
            XCTAssertFalse(page.contains("（") || page.contains("）") || page.contains("日前"), path)
        }
        XCTAssertTrue(try p.read("site/companies/minato-seiki.html").contains("Visit history (1)"))
        XCTAssertTrue(try p.read("site/partners/ip-center.html").contains("Partner · Intellectual property"))
    }

    func testDateStyleIsUsedOnEveryPageWhileSearchKeepsISO() throws {
        let p = try built({ p in
            try p.write("content/site.yml", "title: テスト市\nlanguage: ja\ndate_style: wareki\n")
        }, today: "2026-12-02")
        let visit = try p.read("site/visits/2026/2026-08-01-minato-seiki.html")
        XCTAssertTrue(visit.contains(#"<time datetime="2026-08-01">令和8年8月1日</time>"#))
        XCTAssertTrue(visit.contains("<title>令和8年8月1日 株式会社みなと精機 | テスト市</title>"))
        XCTAssertTrue(visit.contains("生成日 令和8年12月2日"), "the footer too")
        let company = try p.read("site/companies/minato-seiki.html")
        XCTAssertTrue(company.contains("最終訪問 令和8年8月1日（123日前）"))
        XCTAssertTrue(company.contains("<dd>平成31年4月1日</dd>"), "since 2019-04-01, a month before 令和")
        let handover = try p.read("site/people/tanaka-handover.html")
        XCTAssertTrue(handover.contains("異動・退任 令和8年3月31日"))
        for page in [visit, company, handover] { XCTAssertFalse(page.contains(">2026-"), "no ISO day left in the text") }
        // The index files are compressed (format 2): read their decoded payloads.
        let search = try siteFiles(p.site, searchText: true).filter { $0.key.hasPrefix("search/") }
            .map { String(decoding: $0.value, as: UTF8.self) }.joined()
        XCTAssertTrue(search.contains("2026-08-01"), "the search index keeps ISO")
        XCTAssertFalse(search.contains("令和"))
    }

    func companyWithContacts(_ contacts: String) -> (TemporaryProject) throws -> Void {
        { p in
            try p.write("content/companies/minato-seiki.md", "---\nname: 株式会社みなと精機\nowner: tanaka\ncontacts:\n\(contacts)---\n")
        }
    }

    func testContactsCarryPhoneEmailAndAPeriodAndFormerOnesStayMarkedAfterTheCurrentOnes() throws {
        let p = try built(companyWithContacts("""
          - name: 森 一男
            role: 前営業課長
            since: 2015-04-01
            until: 2022-03-31
          - name: 田村 悠
            role: 営業課長
            phone: ０４６５－００－１２３４
            email: tamura@example.jp
            since: 2022-04-01

        """))
        let company = try p.read("site/companies/minato-seiki.html")
        let current = try XCTUnwrap(company.range(of: "田村 悠")), former = try XCTUnwrap(company.range(of: "森 一男"))
        XCTAssertLessThan(current.lowerBound, former.lowerBound, "current contacts first")
        XCTAssertTrue(company.contains(#"<a href="tel:0465001234">０４６５－００－１２３４</a>"#), "dialable whatever the width")
        XCTAssertTrue(company.contains(#"<a href="mailto:tamura@example.jp">tamura@example.jp</a>"#))
        XCTAssertTrue(company.contains("<span>2022-04-01〜</span>"))
        XCTAssertTrue(company.contains(#"<li class="contact former"><strong>森 一男</strong> <span class="role">前営業課長</span> <span class="tag former">以前の窓口</span>"#))
        XCTAssertTrue(company.contains("<span>2015-04-01〜2022-03-31</span>"))
        XCTAssertTrue(try p.read("site/people/tanaka-handover.html").contains("以前の窓口"), "the handover packet shows it too")

        let check = try Densho.run(["check", "--content", p.content.path, "--today", "2026-11-25"])
        XCTAssertFalse(check.stdout.contains("unknown field"), check.stdout + check.stderr)
    }

    func testContactSlipsAreReportedWhereTheyAre() throws {
        let p = try TemporaryProject()
        try p.writeMinimalSite()
        try companyWithContacts("""
          - name: 森 一男
            email: mori＠example.jp
            since: 2022-04-01
            until: 2021-03-31

        """)(p)
        let check = try Densho.run(["check", "--content", p.content.path, "--today", "2026-11-25"])
        let output = check.stdout + check.stderr
        XCTAssertTrue(output.contains("companies/minato-seiki.md:8:12: error: 'until' (2021-03-31) is before 'since' (2022-04-01)"), output)
        XCTAssertTrue(output.contains("companies/minato-seiki.md:6:12: warning: 'email' does not look like an address"), output)
        XCTAssertTrue(output.contains("the ＠ is full-width, write @"), output)
    }

    func testInitInTheCurrentFolderSaysOnlyWhatIsLeftToDo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("densho-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Densho.run(["init", ".", "--theme", Densho.repositoryRoot.appendingPathComponent("themes/default").path], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains("cd ."), result.stdout)
        XCTAssertTrue(result.stdout.contains("  densho build"), result.stdout)
    }

    func testReadmeCommandsListSearch() throws {
        let readme = try String(contentsOf: Densho.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let commands = try XCTUnwrap(readme.components(separatedBy: "## Commands").dropFirst().first?.components(separatedBy: "```").dropFirst().first)
        XCTAssertTrue(commands.contains("densho search QUERY"), commands)
    }
}
