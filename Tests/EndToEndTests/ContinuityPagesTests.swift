import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The pages a newcomer reads after a rotation, checked on a small project with a fixed --today.
final class ContinuityPagesTests: XCTestCase {
    func project() throws -> TemporaryProject {
        let p = try TemporaryProject()
        try p.writeMinimalSite()
        try p.write("content/companies/kawabe-foods.md", """
        ---
        name: 川辺食品株式会社
        owner: tanaka
        contacts:
          - name: 川辺 一郎
            role: 社長
        ---
        惣菜の製造。
        """)
        try p.write("content/companies/other.md", "---\nname: 別の会社\nowner: suzuki\n---\n")
        try p.write("content/visits/2026/2026-10-01-kawabe-foods.md", """
        ---
        date: 2026-10-01
        company: kawabe-foods
        staff: [suzuki]
        referrals:
          - to: ip-center
            status: contracted
        ---
        ## 見立て
        販路が課題。
        ## 次の一手
        - [ ] 展示会の案内を送る
        ## 振り返り
        よく話せた。
        """)
        try p.write("content/visits/2025/2025-05-01-minato-seiki.md", """
        ---
        date: 2025-05-01
        company: minato-seiki
        staff: [tanaka]
        ---
        ## 見立て
        古い見立て。
        ## 次の一手
        - [ ] 補助金の書類を渡す
        - [ ] 特許資料を送る
        """)
        return p
    }

    func testHandoverPacketHoldsEveryCompanyOfThePersonWhoLeft() throws {
        let p = try project()
        XCTAssertEqual(try p.build().status, 0)
        let packet = try p.read("site/people/tanaka-handover.html")
        // Every company tanaka held, with faces, last visit and days since.
        XCTAssertTrue(packet.contains("株式会社みなと精機"))
        XCTAssertTrue(packet.contains("川辺食品株式会社"))
        XCTAssertFalse(packet.contains("別の会社"), "companies held by others are not in the packet")
        XCTAssertTrue(packet.contains("山田 太郎"))
        XCTAssertTrue(packet.contains("川辺 一郎"))
        XCTAssertTrue(packet.contains("最終訪問 2026-08-01（116日前）"), "last visit of みなと精機 and the days since 2026-11-25")
        XCTAssertTrue(packet.contains("最終訪問 2026-10-01（55日前）"))
        // Open promises across visits: the 2025 one that 2026-08-01 did not tick, and the newer ones.
        XCTAssertTrue(packet.contains("補助金の書類を渡す"))
        XCTAssertTrue(packet.contains("特許資料を送る"))
        XCTAssertTrue(packet.contains("展示会の案内を送る"))
        // In-flight referrals only: みなと精機's 'introduced' is in flight, 川辺's 'contracted' is not.
        let minato = try XCTUnwrap(packet.range(of: "株式会社みなと精機"))
        let kawabe = try XCTUnwrap(packet.range(of: "川辺食品株式会社"))
        let (first, second) = minato.lowerBound < kawabe.lowerBound ? (minato, kawabe) : (kawabe, minato)
        let firstSection = String(packet[first.lowerBound..<second.lowerBound])
        let secondSection = String(packet[second.lowerBound...])
        let minatoSection = minato == first ? firstSection : secondSection
        let kawabeSection = minato == first ? secondSection : firstSection
        XCTAssertTrue(minatoSection.contains("開放特許の候補を3件紹介"), "in-flight referral with its note")
        XCTAssertFalse(kawabeSection.contains("status-contracted"), "contracted referrals are not in flight")
        // The last visits' diagnosis and reflection.
        XCTAssertTrue(minatoSection.contains("開放特許との相性が良い。"))
        XCTAssertTrue(minatoSection.contains("古い見立て。"))
        // The successor's page links to the packet.
        XCTAssertTrue(try p.read("site/people/suzuki.html").contains("href=\"../people/tanaka-handover.html\""))
    }

    func testCompanyPageShowsTimelinePromisesOverdueAndBacklinks() throws {
        let p = try project()
        XCTAssertEqual(try p.build(today: "2026-11-25").status, 0)
        let page = try p.read("site/companies/minato-seiki.html")
        // Newest first.
        let timeline = String(page[try XCTUnwrap(page.range(of: "class=\"timeline\"")).lowerBound...])
        let newer = try XCTUnwrap(timeline.range(of: "2026-08-01-minato-seiki.html"))
        let older = try XCTUnwrap(timeline.range(of: "2025-05-01-minato-seiki.html"))
        XCTAssertLessThan(newer.lowerBound, older.lowerBound)
        // 116 days since, cadence 60 → overdue by 56.
        XCTAssertTrue(page.contains("訪問超過 56日"), "overdue flag with days")
        XCTAssertTrue(page.contains("☐</span> 補助金の書類を渡す"))
        XCTAssertTrue(page.contains("href=\"../playbooks/first-visit.html\""), "backlink from the playbook")
        XCTAssertTrue(page.contains("引き継ぎ（田中 花子 から）"), "the holder is the successor of the owner who left")
        let radar = try p.read("site/radar.html")
        XCTAssertTrue(radar.contains("56日"))
        XCTAssertTrue(radar.contains("別の会社"), "never visited")
        XCTAssertTrue(radar.contains("2025-05-01"), "old visit without reflection")
    }

    func testEverySVGChartIsWellFormedXML() throws {
        let p = try project()
        XCTAssertEqual(try p.build().status, 0)
        var charts = 0
        for path in ["site/companies/minato-seiki.html", "site/partners/index.html"] {
            let html = try p.read(path)
            var rest = html[...]
            while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
                let svg = String(rest[start.lowerBound..<end.upperBound])
                let parser = XMLParser(data: Data(svg.utf8))
                XCTAssertTrue(parser.parse(), "\(path): \(svg.prefix(200))")
                charts += 1
                rest = rest[end.upperBound...]
            }
        }
        XCTAssertGreaterThanOrEqual(charts, 3)
    }
}
