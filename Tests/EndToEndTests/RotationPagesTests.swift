import Foundation
import XCTest

/// The holder rule as a reader meets it: the successor's own page, the company list, the radar
/// and `densho new visit`, on the demo and on a chain where the successor left too.
final class RotationPagesTests: XCTestCase {
    /// Visible text of a page (tags dropped, entities for the few characters templates escape).
    func text(_ html: String) -> String {
        var s = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            s = s.replacingOccurrences(of: entity, with: character)
        }
        return s.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    func testDemoSuccessorPageListsEveryInheritedCompanyAndItsPromises() throws {
        let root = Densho.repositoryRoot
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("densho-rotation-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Densho.run(["build", "--content", root.appendingPathComponent("content").path, "--output", out.path,
                                     "--theme", root.appendingPathComponent("themes/default").path, "--today", "2026-11-25"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = try String(contentsOf: out.appendingPathComponent("people/suzuki.html"), encoding: .utf8)
        let held = try XCTUnwrap(page.range(of: "<ul class=\"company-list\">").map { page[$0.upperBound...] })
        let end = try XCTUnwrap(held.range(of: "</ul>"))
        let list = String(held[..<end.lowerBound])
        let companies = ["株式会社みなと精機", "川辺食品株式会社", "有限会社朝日プレス工業", "星野樹脂工業株式会社", "株式会社みなも印刷", "株式会社ツバメ電子"]
        for name in companies { XCTAssertTrue(list.contains(name), "\(name) is under 担当企業") }
        XCTAssertEqual(list.components(separatedBy: "<li>").count - 1, 6, "the six companies suzuki holds")
        XCTAssertEqual(text(list).components(separatedBy: "引き継ぎ（田中 花子 から）").count - 1, 5, "the five taken over from 田中")
        // A promise made on 田中's visit follows the company to suzuki's ledger.
        XCTAssertTrue(page.contains("木下部長の技能継承について、専門家派遣の案内を渡す"))
        let list2 = try String(contentsOf: out.appendingPathComponent("companies/index.html"), encoding: .utf8)
        XCTAssertTrue(text(list2).contains("鈴木 健太 引き継ぎ（田中 花子 から）"), "the company list names the holder")
        XCTAssertFalse(text(list2).contains("田中 花子 異動・退任"), "nobody is shown as holding through someone who left")

        // The demo shows each continuity rule where a team lead looks.
        func shown(_ path: String) throws -> String { text(try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) }
        let radar = try shown("radar.html")
        XCTAssertTrue(radar.contains("期限を過ぎた約束（1）"), "the overdue promise (📅 2026-11-20)")
        XCTAssertTrue(radar.contains("合同企業説明会の出展申込み（12月締切）をリマインド @takahashi"))
        XCTAssertTrue(radar.contains("属人化している企業（過去365日の訪問者が1人）（1） 株式会社ナガレソフト — 小林 恵"), radar)
        XCTAssertTrue(radar.contains("小林 恵（2027-03-31）→ 鈴木 健太: 株式会社ナガレソフト 白鷺織物株式会社"), "rotation readiness of the announced rotation")
        XCTAssertTrue(radar.contains("有限会社朝日プレス工業 → 専門家派遣制度（みなと川よろず専門家バンク） 進行中 — 最終更新からの日数 190日"))
        XCTAssertTrue(try shown("partners/expert-dispatch.html").contains("止まっている紹介（3）"))
        XCTAssertTrue(try shown("companies/asahi-press.html").contains("停滞 190日"))
        XCTAssertTrue(try shown("companies/nagare-soft.html").contains("属人化過去365日の訪問者が1人だけ（小林 恵）"))
        let kawabe = try shown("people/suzuki.html")
        XCTAssertTrue(kawabe.contains("1月の合同就職面接会の案内を田村課長に送る 期限 2026-11-25"), "due today")
        XCTAssertFalse(kawabe.contains("期限 2026-11-25 期限超過"), "a promise due today is not overdue")
        // A count is shown only when there is any: no "0" warnings on a page with nothing to warn about.
        let nakamura = try shown("people/nakamura.html")
        XCTAssertFalse(nakamura.contains("自分しか訪問していない担当企業"), "none of nakamura's companies is single-person")
        XCTAssertFalse(nakamura.contains("期限超過"), "none of nakamura's promises is overdue")
        XCTAssertFalse(kawabe.contains("自分しか訪問していない担当企業"))
        XCTAssertTrue(kawabe.contains("未完了の約束 期限超過 1"), "the overdue promise @takahashi of a company suzuki holds")
        XCTAssertTrue(try shown("people/kobayashi.html").contains("自分しか訪問していない担当企業: 1"))
        XCTAssertTrue(try shown("people/kobayashi.html").contains("後任がまだ訪問していない企業: 株式会社ナガレソフト 白鷺織物株式会社"))
    }

    func testChainWhereTheSuccessorAlsoLeft() throws {
        let p = try TemporaryProject()
        try p.writeMinimalSite()
        try p.write("content/people/suzuki.md", "---\nname: 鈴木 一郎\nleft: 2026-09-30\nsuccessor: kato\n---\n")
        try p.write("content/people/kato.md", "---\nname: 加藤 三郎\n---\n")
        XCTAssertEqual(try p.build().status, 0)
        let kato = text(try p.read("site/people/kato.html"))
        XCTAssertTrue(kato.contains("株式会社みなと精機 引き継ぎ（田中 花子 から）"), kato)
        let companies = text(try p.read("site/companies/index.html"))
        XCTAssertTrue(companies.contains("加藤 三郎 引き継ぎ（田中 花子 から）"))
        XCTAssertFalse(text(try p.read("site/people/suzuki.html")).contains("株式会社みなと精機 引き継ぎ"),
                       "the successor who left holds nothing now")
        XCTAssertTrue(try p.read("site/people/suzuki-handover.html").contains("株式会社みなと精機"),
                      "but their packet lists what passed through them")
        // `new visit` names the same holder.
        let created = try Densho.run(["new", "visit", "minato-seiki", "--date", "2026-11-25"], in: p.root)
        XCTAssertEqual(created.status, 0, created.stderr)
        let note = try p.read("content/visits/2026/2026-11-25-minato-seiki.md")
        XCTAssertTrue(note.contains("staff: [kato]"), note)
    }
}
