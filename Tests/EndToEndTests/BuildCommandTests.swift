import Foundation
import XCTest

final class BuildCommandTests: XCTestCase {
    func testMinimalSiteBuildsEveryPageKind() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let result = try project.build()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("densho: built"), result.stdout)
        for path in ["index.html", "companies/minato-seiki.html", "visits/2026/2026-08-01-minato-seiki.html",
                     "playbooks/first-visit.html", "people/tanaka.html", "people/suzuki.html", "partners/ip-center.html",
                     "people/tanaka-handover.html", "radar.html", "search.html", "static/style.css", "playbooks/print.html"] {
            XCTAssertTrue(project.exists("site/\(path)"), "missing site/\(path)")
        }
        let visit = try project.read("site/visits/2026/2026-08-01-minato-seiki.html")
        XCTAssertTrue(visit.contains("href=\"../../companies/minato-seiki.html\""), "visit links its company relatively")
        XCTAssertTrue(visit.contains("href=\"../../people/suzuki.html\""), "visit links its staff")
        XCTAssertTrue(visit.contains("href=\"../../partners/ip-center.html\""), "visit links its referral partner")
        XCTAssertTrue(visit.contains("<a class=\"wikilink\" href=\"../../companies/minato-seiki.html\">みなと精機さん</a>"))
        XCTAssertTrue(visit.contains("type=\"checkbox\""), "task items render as checkboxes")
        let company = try project.read("site/companies/minato-seiki.html")
        XCTAssertTrue(company.contains("山田 太郎"), "company page shows its faces")
        XCTAssertTrue(company.contains("特許資料を送る"), "open promise gathered onto the company")
        XCTAssertFalse(company.contains("信金の担当に共有</li>") && company.contains("☐</span> 信金の担当に共有"), "checked items are not open promises")
        let playbook = try project.read("site/playbooks/first-visit.html")
        XCTAssertTrue(playbook.contains("href=\"../companies/minato-seiki.html\">株式会社みなと精機</a>"), "link by title resolves")
    }

    func testBadContentReportsEveryLocatedErrorAndKeepsThePreviousSite() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        XCTAssertEqual(try project.build().status, 0)
        let before = try project.read("site/companies/minato-seiki.html")

        try project.write("content/visits/2026/2026-09-01-minato-seiki.md", """
        ---
        date: 2026-09-01
        company: minato-seiki
        staff: [tanaka, satou]
        kind: meeting
        ---
        本文 [[no-such-page]] です。
        """)
        try project.write("content/companies/bad-yaml.md", "---\nname: [壊れた\n---\n")
        let result = try project.build()
        XCTAssertEqual(result.status, 1)
        let visitPath = project.content.path + "/visits/2026/2026-09-01-minato-seiki.md"
        XCTAssertTrue(result.stderr.contains("\(visitPath):4:17: error: unknown person 'satou'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(visitPath):5:7: error: 'kind' must be one of visit | call | event | matching"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(visitPath):7:4: error: link [[no-such-page]] does not match any page"), result.stderr)
        XCTAssertTrue(result.stderr.contains(project.content.path + "/companies/bad-yaml.md:2:"), result.stderr)
        XCTAssertEqual(try project.read("site/companies/minato-seiki.html"), before, "the previous site is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.contains("densho-build") }
        XCTAssertEqual(leftovers, [], "no staging folder is left behind")
    }

    func testRefusesToReplaceAFolderItDidNotMake() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("site/notes.txt", "大事なメモ")
        let result = try project.build()
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("was not made by densho"), result.stderr)
        XCTAssertEqual(try project.read("site/notes.txt"), "大事なメモ")
    }

    func testUsageErrorsExitWithTwo() throws {
        XCTAssertEqual(try Densho.run(["build", "--nope"]).status, 2)
        XCTAssertEqual(try Densho.run(["build", "--today", "2026-13-01"]).status, 2)
        XCTAssertEqual(try Densho.run(["frobnicate"]).status, 2)
        let help = try Densho.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("densho build"))
        XCTAssertTrue(try Densho.run(["--version"]).stdout.hasPrefix("densho "))
    }

    func testRawHTMLIsOmittedUnlessTheSiteOptsIn() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/partners/evil.md", "---\nname: \"<script>alert(1)</script>\"\n---\n<script>alert(2)</script>\n\n[x](javascript:alert(3))\n")
        XCTAssertEqual(try project.build().status, 0)
        let page = try project.read("site/partners/evil.html")
        XCTAssertFalse(page.contains("<script>alert"), "no live script from content")
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped")
        XCTAssertFalse(page.contains("javascript:alert"))

        try project.write("content/site.yml", "title: t\nunsafe_html: true\n")
        XCTAssertEqual(try project.build().status, 0)
        XCTAssertTrue(try project.read("site/partners/evil.html").contains("<script>alert(2)</script>"))
    }
}
