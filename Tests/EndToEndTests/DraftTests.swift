import Foundation
import XCTest

/// `draft: true` keeps a note out of every build unless `--drafts` (and out of `--public` always):
/// not a page, a list line, a count, a backlink or a search entry; `check` lists the drafts.
final class DraftTests: XCTestCase {
    /// A word only the drafts contain: any byte of it in a site means a draft leaked.
    static let secret = "下書きだけの合言葉"

    func project() throws -> TemporaryProject {
        let p = try TemporaryProject()
        try p.writeMinimalSite()
        try p.write("content/visits/2026/2026-09-01-minato-seiki.md", """
        ---
        date: 2026-09-01
        company: minato-seiki
        staff: [suzuki]
        draft: true
        ---
        ## 見立て
        \(Self.secret)。[[first-visit]] を読む。
        ## 次の一手
        - [ ] \(Self.secret)の約束
        """)
        try p.write("content/playbooks/secret-chapter.md", """
        ---
        title: \(Self.secret)の章
        order: 20
        draft: true
        ---
        まだ書きかけ。[[first-visit]]
        """)
        return p
    }

    func siteText(_ p: TemporaryProject) throws -> String {
        try siteFiles(p.site).values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    func testDraftsAreLeftOutOfEveryByteOfABuild() throws {
        let p = try project()
        let built = try p.build()
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertFalse(p.exists("site/visits/2026/2026-09-01-minato-seiki.html"))
        XCTAssertFalse(p.exists("site/playbooks/secret-chapter.html"))
        let text = try siteText(p)
        XCTAssertFalse(text.contains(Self.secret), "no page, list, promise or search entry of a draft")
        XCTAssertFalse(text.contains("2026-09-01-minato-seiki"), "not even its file name")
        XCTAssertTrue(try p.read("site/index.html").contains(#"<span class="count">1</span> 訪問記録"#), "counts leave drafts out")
    }

    func testDraftsFlagBuildsThemButNeverIntoAPublicBuild() throws {
        let p = try project()
        let built = try p.build(["--drafts"])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(p.exists("site/visits/2026/2026-09-01-minato-seiki.html"))
        XCTAssertTrue(try p.read("site/playbooks/first-visit.html").contains("secret-chapter.html"), "backlinked with --drafts")
        XCTAssertTrue(try siteText(p).contains(Self.secret))

        try FileManager.default.removeItem(at: p.site)
        let published = try p.build(["--drafts", "--public"])
        XCTAssertEqual(published.status, 0, published.stderr)
        XCTAssertFalse(p.exists("site/playbooks/secret-chapter.html"), "a public draft playbook is still a draft")
        XCTAssertFalse(try siteText(p).contains(Self.secret))
    }

    func testCheckListsEveryDraftAtItsLine() throws {
        let p = try project()
        let check = try Densho.run(["check", "--content", p.content.path, "--today", "2026-11-25"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let drafts = check.stdout.split(separator: "\n").filter { $0.contains("draft: left out of every build") }
        XCTAssertEqual(drafts.count, 2, check.stdout)
        XCTAssertTrue(drafts.contains { $0.hasSuffix("playbooks/secret-chapter.md:4:1: warning: draft: left out of every build ('densho build --drafts' includes it; a --public build never does)") }, check.stdout)
        XCTAssertTrue(drafts.contains { $0.contains("visits/2026/2026-09-01-minato-seiki.md:5:1: warning: draft") }, check.stdout)
    }
}
