import Foundation
import XCTest

/// Files beside a note or in the folder named like it travel with it into the site, links to them
/// work on every page that shows the note, and nothing of an internal note's files reaches `--public`.
final class AttachmentTests: XCTestCase {
    private func project() throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/companies/minato-seiki.md", """
        ---
        name: 株式会社みなと精機
        owner: tanaka
        ---
        名刺：![山田さんの名刺](meishi.png)
        """)
        try project.write("content/companies/minato-seiki/meishi.png", "SECRET-MEISHI-BYTES")
        try project.write("content/companies/minato-seiki/写真/工場外観.jpg", "SECRET-FACTORY-BYTES")
        try project.write("content/companies/minato-seiki/memo.svg", "<svg onload=alert(1)>")
        try project.write("content/visits/2026/2026-08-01-minato-seiki.md", """
        ---
        date: 2026-08-01
        company: minato-seiki
        staff: [tanaka]
        ---
        ## 見立て
        ライン増設の余地あり ![工場](koujou.jpg)。[提案書](teian.pdf#page=2) を渡した。
        ## 振り返り
        済み。
        """)
        try project.write("content/visits/2026/koujou.jpg", "SECRET-KOUJOU-BYTES")
        try project.write("content/visits/2026/2026-08-01-minato-seiki/teian.pdf", "SECRET-TEIAN-BYTES")
        try project.write("content/playbooks/first-visit.md", """
        ---
        title: 初回訪問のてびき
        order: 10
        ---
        ## 準備
        ![訪問の流れ](flow.png) と [[株式会社みなと精機]]の例を読む。
        """)
        try project.write("content/playbooks/flow.png", "PUBLIC-FLOW-BYTES")
        return project
    }

    func testAttachmentsAreCopiedLinkedAndListed() throws {
        let project = try project()
        let built = try project.build()
        XCTAssertEqual(built.status, 0, built.stderr)
        for (path, bytes) in ["site/companies/minato-seiki/meishi.png": "SECRET-MEISHI-BYTES",
                              "site/companies/minato-seiki/写真/工場外観.jpg": "SECRET-FACTORY-BYTES",
                              "site/visits/2026/koujou.jpg": "SECRET-KOUJOU-BYTES",
                              "site/visits/2026/2026-08-01-minato-seiki/teian.pdf": "SECRET-TEIAN-BYTES",
                              "site/playbooks/flow.png": "PUBLIC-FLOW-BYTES"] {
            XCTAssertEqual(try? project.read(path), bytes, path)
        }
        XCTAssertFalse(project.exists("site/companies/minato-seiki/memo.svg"), "SVG could run script on the site's origin")
        XCTAssertTrue(built.stderr.contains("memo.svg:1:1: warning: .svg files are not attachments"), built.stderr)

        let company = try project.read("site/companies/minato-seiki.html")
        XCTAssertTrue(company.contains("<img src=\"../companies/minato-seiki/meishi.png\" alt=\"山田さんの名刺\" />"), company)
        for listed in ["meishi.png", "工場外観.jpg", "koujou.jpg", "teian.pdf"] {
            XCTAssertTrue(company.contains(">\(listed)</a>"), "company page lists \(listed)")
        }
        let visit = try project.read("site/visits/2026/2026-08-01-minato-seiki.html")
        XCTAssertTrue(visit.contains("<img src=\"../../visits/2026/koujou.jpg\" alt=\"工場\" />"), visit)
        XCTAssertTrue(visit.contains("<a href=\"../../visits/2026/2026-08-01-minato-seiki/teian.pdf#page=2\">提案書</a>"), visit)
        // The handover packet quotes the visit's 見立て from another folder: the links follow.
        let handover = try project.read("site/people/tanaka-handover.html")
        XCTAssertTrue(handover.contains("<img src=\"../visits/2026/koujou.jpg\""), handover)
    }

    func testALinkToAMissingFileIsALocatedError() throws {
        let project = try project()
        try project.write("content/visits/2026/2026-09-01-minato-seiki.md", """
        ---
        date: 2026-09-01
        company: minato-seiki
        staff: [tanaka]
        ---
        ## 聞いたこと
        見積は [こちら](mitsumori.xlsx)。
        """)
        let built = try project.build()
        XCTAssertEqual(built.status, 1)
        XCTAssertTrue(built.stderr.contains("2026-09-01-minato-seiki.md:7:5: error: file 'mitsumori.xlsx' not found"), built.stderr)
        XCTAssertFalse(project.exists("site/index.html"), "a failed build writes nothing")
    }

    func testNoByteOfAnInternalNotesAttachmentsInAPublicBuild() throws {
        let project = try project()
        // A public note that links into the internal company's folder publishes nothing of it either.
        try project.write("content/playbooks/cards.md", """
        ---
        title: 名刺の扱い
        order: 20
        ---
        ![例](../companies/minato-seiki/meishi.png)
        """)
        let built = try project.build(["--public"])
        XCTAssertEqual(built.status, 0, built.stderr)
        let files = try siteFiles(project.publicSite)
        XCTAssertEqual(files["playbooks/flow.png"], Data("PUBLIC-FLOW-BYTES".utf8))
        for (path, data) in files {
            XCTAssertNil(data.range(of: Data("SECRET".utf8)), "\(path) holds an internal attachment's bytes")
            for name in ["meishi", "koujou", "teian", "工場外観"] {
                XCTAssertFalse(path.contains(name), path)
            }
        }
    }
}
