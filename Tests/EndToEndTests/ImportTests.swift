import Foundation
import XCTest

/// `densho import visits|companies FILE.csv`, run as the user runs it, on Excel-like files.
final class ImportTests: XCTestCase {
    private var project: TemporaryProject!

    override func setUpWithError() throws {
        project = try TemporaryProject()
        try project.writeMinimalSite()
    }

    override func tearDown() { project = nil }

    private func densho(_ arguments: [String]) throws -> Densho.Result {
        try Densho.run(arguments, in: project.root)
    }

    /// Excel's default "CSV" in Japan: CP932, CRLF, quotes around cells with line breaks.
    private func writeCP932(_ name: String, _ rows: [[String]]) throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: rows), as: UTF8.self)
        let code = """
        import csv, io, json, sys
        buf = io.StringIO(); csv.writer(buf, lineterminator='\\r\\n').writerows(json.loads(sys.argv[1]))
        open(sys.argv[2], 'wb').write(buf.getvalue().encode('cp932'))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code, json, project.root.appendingPathComponent(name).path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    private let visitRows = [
        ["日付", "企業", "担当", "種別", "テーマ", "聞いたこと", "見立て", "次の一手", "振り返り"],
        ["令和8年10月14日", "株式会社みなと精機", "鈴木　一郎、田中 花子", "電話", "知財活用、海外展開",
         "社長「台湾に出たい」\n通訳が要る, とのこと", "開放特許との相性が良い", "資料を送る @suzuki\n通訳を探す", ""],
        ["2026/10/15", "minato-seiki", "", "", "", "短い電話", "", "", "次は訪問で"],
        ["", "", "", "", "", "", "", "", ""],   // Excel's empty rows below the data
    ]

    func testACP932FileOfVisitsBecomesNotesThatBuildAndASecondImportWritesNothing() throws {
        try writeCP932("visits.csv", visitRows)
        let dry = try densho(["import", "visits", "visits.csv", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("would write content/visits/2026/2026-10-14-minato-seiki.md"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("(CP932)"), dry.stdout)
        XCTAssertFalse(project.exists("content/visits/2026/2026-10-14-minato-seiki.md"), "--dry-run writes nothing")

        let first = try densho(["import", "visits", "visits.csv"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let note = try project.read("content/visits/2026/2026-10-14-minato-seiki.md")
        XCTAssertTrue(note.hasPrefix("---\ndate: 2026-10-14\ncompany: minato-seiki\nstaff: [suzuki, tanaka]\nkind: call\nthemes: [知財活用, 海外展開]\n"), note)
        XCTAssertTrue(note.contains("## 聞いたこと\n\n社長「台湾に出たい」\n通訳が要る, とのこと\n"), note)
        XCTAssertTrue(note.contains("## 次の一手\n\n- [ ] 資料を送る @suzuki\n- [ ] 通訳を探す\n"), note)
        let second = try project.read("content/visits/2026/2026-10-15-minato-seiki.md")
        XCTAssertTrue(second.contains("\nstaff: [suzuki]\nkind: visit\nthemes: [知財活用]\n"), "left out: new visit's defaults\n\(second)")
        XCTAssertTrue(second.contains("## 振り返り\n\n次は訪問で\n"), second)
        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.stderr)

        let snapshot = try siteFiles(project.content)
        let again = try densho(["import", "visits", "visits.csv"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("0 notes written") && again.stdout.contains("2 already there"), again.stdout)
        XCTAssertEqual(try siteFiles(project.content), snapshot, "the second import writes nothing")
    }

    func testOneBadRowStopsTheWholeImportAndEveryProblemIsLocated() throws {
        var rows = Array(visitRows.dropLast())
        rows.append(["2026-02-30", "みなと", "佐藤", "訪問", "", "", "", "", ""])
        rows.append(["2026-10-16", "minato-seiki", "", "散歩", "", "", "", "", ""])
        try writeCP932("bad.csv", rows)
        let result = try densho(["import", "visits", "bad.csv"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.csv:4:1: error: '2026-02-30' is not a date"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.csv:4:2: error: unknown company 'みなと'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.csv:4:3: error: unknown person '佐藤'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was written"), result.stderr)
        XCTAssertFalse(project.exists("content/visits/2026/2026-10-14-minato-seiki.md"), "the good rows are not written either")

        rows.remove(at: 3)
        try writeCP932("bad.csv", rows)
        let kind = try densho(["import", "visits", "bad.csv"])
        XCTAssertEqual(kind.status, 1)
        XCTAssertTrue(kind.stderr.contains("bad.csv:4:4: error: 'kind' must be one of"), "checked with the build's rules, located in the CSV: \(kind.stderr)")
        XCTAssertFalse(project.exists("content/visits/2026/2026-10-14-minato-seiki.md"))

        try Data("date,company,memo\r\n2026-10-14,minato-seiki,x\r\n".utf8).write(to: project.root.appendingPathComponent("header.csv"))
        let header = try densho(["import", "visits", "header.csv"])
        XCTAssertTrue(header.stderr.contains("header.csv:1:3: error: unknown column 'memo'"), header.stderr)
    }

    func testAJapaneseSiteGetsItsImportErrorsInJapanese() throws {
        var rows = Array(visitRows.dropLast())
        rows.append(["令和8年2月30日", "みなと", "", "散歩", "", "", "", "", ""])
        try writeCP932("bad.csv", rows)
        let result = try densho(["import", "visits", "bad.csv", "--lang", "ja"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.csv:4:1: error: 「令和8年2月30日」は日付として読めません"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.csv:4:2: error: 「みなと」という企業はありません。content/companies/ の近いもの: 'minato-seiki'"), result.stderr)
        rows[3][0] = "令和8年2月3日"
        rows[3][1] = "株式会社みなと精機"
        try writeCP932("bad.csv", rows)
        let kind = try densho(["import", "visits", "bad.csv", "--lang", "ja"])
        XCTAssertTrue(kind.stderr.contains("bad.csv:4:4: error: 'kind' は visit（訪問）"), "the build's own message, in Japanese: \(kind.stderr)")
        XCTAssertTrue(kind.stderr.contains("（この行が書くノートの content/visits/2026/2026-02-03-minato-seiki.md:5:7）"), kind.stderr)
    }

    /// The referrals cell a Japanese Excel user types: partners by name or id, each with an
    /// optional status in full- or half-width brackets, by its Japanese label or its id.
    func testReferralsCellWithStatusesInBracketsBecomesTheNotesReferrals() throws {
        try project.write("content/partners/yorozu.md", "---\nname: よろず支援拠点\nkind: expert\n---\n")
        try writeCP932("referrals.csv", [
            ["日付", "企業", "紹介先", "聞いたこと"],
            ["2026/10/14", "株式会社みなと精機", "よろず支援拠点（紹介済）、知財マッチングセンター", "資金繰りの相談"],
            ["2026/10/20", "minato-seiki", "ip-center(in_progress); よろず支援拠点【見送り】", "特許の件、その後"],
        ])
        let result = try densho(["import", "visits", "referrals.csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let first = try project.read("content/visits/2026/2026-10-14-minato-seiki.md")
        XCTAssertTrue(first.contains("referrals:\n  - to: yorozu\n    status: introduced\n  - to: ip-center\n    status: proposed\n"), first)
        let second = try project.read("content/visits/2026/2026-10-20-minato-seiki.md")
        XCTAssertTrue(second.contains("referrals:\n  - to: ip-center\n    status: in_progress\n  - to: yorozu\n    status: declined\n"), second)
        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.stderr)
        let partner = try project.read("site/partners/yorozu.html")
        XCTAssertTrue(partner.contains("株式会社みなと精機"), "the referral reaches the partner's page")
    }

    func testAWrongReferralIsLocatedInTheSpreadsheetAndNothingIsWritten() throws {
        try project.write("content/partners/yorozu.md", "---\nname: よろず支援拠点\nkind: expert\n---\n")
        try writeCP932("bad.csv", [
            ["日付", "企業", "紹介先"],
            ["2026/10/14", "minato-seiki", "知財マッチングセンター（紹介済み）"],
            ["2026/10/15", "minato-seiki", "よろず支援センター（紹介済）"],
            ["2026/10/16", "minato-seiki", "よろず支援拠点（相談中）"],
            ["2026/10/17", "minato-seiki", "よろず支援拠点（紹介済"],
        ])
        let result = try densho(["import", "visits", "bad.csv", "--lang", "ja"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.csv:3:3: error: 「よろず支援センター」という支援機関はありません。content/partners/ の近いもの: 'yorozu'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.csv:4:3: error: 「相談中」は紹介の状況として読めません。括弧の中は proposed（提案） | introduced（紹介済み）"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.csv:5:3: error: 「よろず支援拠点（紹介済」が読めません。紹介先の後に、括弧で状況を書きます"), result.stderr)
        XCTAssertFalse(result.stderr.contains("bad.csv:2:"), "the good row has no error: \(result.stderr)")
        XCTAssertFalse(project.exists("content/visits/2026/2026-10-14-minato-seiki.md"), "nothing is written")
        let english = try densho(["import", "visits", "bad.csv"])
        XCTAssertTrue(english.stderr.contains("bad.csv:4:3: error: '相談中' is not a referral status; write one of proposed | introduced"), english.stderr)
    }

    /// An English site (or one whose site.yml renames the sections) gets its own headings, and its
    /// columns may be named by them.
    func testImportWritesTheSitesOwnSectionHeadings() throws {
        try project.write("content/site.yml", """
        title: Minato City
        language: en
        themes: [知財活用, 海外展開]
        sections:
          heard: 伺ったこと
        """)
        try writeCP932("visits.csv", [
            ["date", "company", "伺ったこと", "見立て", "Next steps"],
            ["2026-10-14", "minato-seiki", "台湾に出たい", "開放特許が合う", "資料を送る"],
        ])
        let result = try densho(["import", "visits", "visits.csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let note = try project.read("content/visits/2026/2026-10-14-minato-seiki.md")
        XCTAssertTrue(note.contains("## 伺ったこと\n\n台湾に出たい\n\n## Assessment\n\n開放特許が合う\n\n## Next steps\n\n- [ ] 資料を送る\n\n## Reflection\n"), note)
        XCTAssertFalse(note.contains("## 見立て") || note.contains("## 聞いたこと"), note)

        try Data("id,name,owner\nkamome,有限会社かもめ金型,suzuki\n".utf8).write(to: project.root.appendingPathComponent("companies.csv"))
        XCTAssertEqual(try densho(["import", "companies", "companies.csv"]).status, 0)
        let company = try project.read("content/companies/kamome.md")
        XCTAssertTrue(company.contains("## History\n\n## Strengths\n"), company)
        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.stderr)
    }

    func testCompaniesByUTF8WithBOMAndTheirOwnerByName() throws {
        let text = "\u{FEFF}id,企業名,かな,業種,所在地,従業員数,創業,担当,status,テーマ\r\n" +
            "kawa-denki,株式会社かわ電機,かわでんき,電子部品,みなと市川町,\"1,200名\",1968年,鈴木 一郎,休眠,\"知財活用、海外展開\"\r\n"
        try Data(text.utf8).write(to: project.root.appendingPathComponent("companies.csv"))
        let result = try densho(["import", "companies", "companies.csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = try project.read("content/companies/kawa-denki.md")
        XCTAssertTrue(page.hasPrefix("---\nname: 株式会社かわ電機\nkana: かわでんき\nindustry: 電子部品\nlocation: みなと市川町\nemployees: 1200\nfounded: 1968\nowner: suzuki\nsince:\nstatus: dormant\nthemes: [知財活用, 海外展開]\n---\n"), page)
        XCTAssertEqual(try project.build().status, 0)
        XCTAssertTrue(try densho(["import", "companies", "companies.csv"]).stdout.contains("1 already there"))

        let changed = text.replacingOccurrences(of: "休眠", with: "支援中")
        try Data(changed.utf8).write(to: project.root.appendingPathComponent("companies.csv"))
        let refused = try densho(["import", "companies", "companies.csv"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("companies.csv:2:1: error: content/companies/kawa-denki.md already exists"), refused.stderr)
        XCTAssertEqual(try project.read("content/companies/kawa-denki.md"), page, "never overwritten")
    }
}
