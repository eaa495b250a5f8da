import Foundation
import XCTest

/// A rebuild after one visit changes must give exactly the site a full build gives, and must
/// reuse (not rewrite) the files that did not change.
final class IncrementalTests: XCTestCase {
    func testRebuildAfterEditingOneVisitIsByteIdenticalToAFullBuild() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try writeSecondVisit(project, reflection: "社長は前向きだった。")
        XCTAssertEqual(try project.build().status, 0)

        // Edit one visit: new text, a new open promise, a changed 振り返り (full-width digits too).
        try writeSecondVisit(project, reflection: "工場長が同席。次回は３月に試作品を確認する。")
        let incremental = try project.build()
        XCTAssertEqual(incremental.status, 0, incremental.stderr)

        let fresh = try TemporaryProject()
        try FileManager.default.copyItem(at: project.content, to: fresh.content)
        XCTAssertEqual(try fresh.build().status, 0)

        let a = try siteFiles(project.site), b = try siteFiles(fresh.site)
        XCTAssertEqual(Set(a.keys), Set(b.keys), "the same files")
        for (path, data) in a where b[path] != data { XCTFail("site/\(path) differs from a full build") }
        let visit = String(decoding: a["visits/2026/2026-10-02-minato-seiki.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(visit.contains("工場長が同席"), "the edited visit was rendered again")
    }

    func testUnchangedFilesAreReusedAndChangedOnesRewritten() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try writeSecondVisit(project, reflection: "社長は前向きだった。")
        XCTAssertEqual(try project.build().status, 0)
        let before = try Self.inodes(project.site)

        try writeSecondVisit(project, reflection: "ｶﾀｶﾅ半角のメモ：試作品ＯＫ。", diagnosis: "販路開拓が先。ＥＣも検討。")
        XCTAssertEqual(try project.build().status, 0)
        let after = try Self.inodes(project.site)

        // A page that does not depend on the edited visit is the very same file (a hard link)…
        let person = "playbooks/first-visit.html"
        XCTAssertEqual(before[person], after[person], "\(person) was rewritten although nothing it shows changed")
        XCTAssertEqual(before["static/style.css"], after["static/style.css"])
        // …while the visit itself and its company's page (the timeline excerpt) are new files.
        for path in ["visits/2026/2026-10-02-minato-seiki.html", "companies/minato-seiki.html"] {
            XCTAssertNotNil(after[path])
            XCTAssertNotEqual(before[path], after[path], "\(path) should have been written again")
        }
        let reused = after.filter { before[$0.key] == $0.value }.count
        XCTAssertGreaterThan(reused, after.count / 2, "most files are reused")
    }

    func testRebuildAfterDeletingAVisitDropsItsPage() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try writeSecondVisit(project, reflection: "削除前。")
        XCTAssertEqual(try project.build().status, 0)
        XCTAssertTrue(project.exists("site/visits/2026/2026-10-02-minato-seiki.html"))
        try FileManager.default.removeItem(at: project.content.appendingPathComponent("visits/2026/2026-10-02-minato-seiki.md"))
        XCTAssertEqual(try project.build().status, 0)
        XCTAssertFalse(project.exists("site/visits/2026/2026-10-02-minato-seiki.html"))

        let fresh = try TemporaryProject()
        try FileManager.default.copyItem(at: project.content, to: fresh.content)
        XCTAssertEqual(try fresh.build().status, 0)
        XCTAssertEqual(try siteFiles(project.site), try siteFiles(fresh.site))
    }

    /// The watch session's in-memory rebuild (parsed sources kept, only changed pages rendered,
    /// changed files replaced one by one) must give exactly the site a fresh full build gives:
    /// after an edit, after a deletion, and a broken edit must leave the site untouched.
    func testWatchRebuildsAreByteIdenticalToAFullBuild() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try writeSecondVisit(project, reflection: "社長は前向きだった。")
        let watch = try DenshoProcess(["build", "--watch", "--content", project.content.path, "--output", project.site.path,
                                       "--theme", project.theme.path, "--today", "2026-11-25"])
        defer { watch.stop() }
        func builds() -> Int { watch.stdout.components(separatedBy: "densho: built ").count - 1 }
        XCTAssertTrue(watch.waitFor { _, _ in builds() == 1 }, "first build: \(watch.stderr)")
        XCTAssertTrue(watch.waitFor { out, _ in out.contains("watching") })

        try writeSecondVisit(project, reflection: "工場長が同席。次回は３月に試作品を確認する。", diagnosis: "ｶﾀｶﾅ半角と全角ＡＢＣの混在。")
        XCTAssertTrue(watch.waitFor(timeout: 30) { _, _ in builds() == 2 }, "rebuild after an edit: \(watch.stderr)")
        try assertSameAsFullBuild(project)
        let visit = try project.read("site/visits/2026/2026-10-02-minato-seiki.html")
        XCTAssertTrue(visit.contains("工場長が同席"))
        XCTAssertTrue(watch.stdout.contains("unchanged)"))

        let before = try siteFiles(project.site)
        try project.write("content/visits/2026/2026-10-02-minato-seiki.md", "---\ndate: [壊れた\n---\n")
        XCTAssertTrue(watch.waitFor(timeout: 30) { _, err in err.contains("the previous site is kept") }, watch.stderr)
        XCTAssertEqual(try siteFiles(project.site), before, "a failed rebuild leaves the site as it was")

        try FileManager.default.removeItem(at: project.content.appendingPathComponent("visits/2026/2026-10-02-minato-seiki.md"))
        XCTAssertTrue(watch.waitFor(timeout: 30) { _, _ in builds() == 3 }, "rebuild after a deletion: \(watch.stderr)")
        XCTAssertFalse(project.exists("site/visits/2026/2026-10-02-minato-seiki.html"))
        try assertSameAsFullBuild(project)
    }

    /// A page whose body names another page by a label-less link must change when only that other
    /// page's title changes: the rebuild must see through the link, not just at the page's own file.
    func testWatchRebuildFollowsATitleChangeIntoPagesThatLinkToIt() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/playbooks/second.md", "---\ntitle: 二章\norder: 20\n---\n前の章は [[first-visit]] です。\n")
        let watch = try DenshoProcess(["build", "--watch", "--content", project.content.path, "--output", project.site.path,
                                       "--theme", project.theme.path, "--today", "2026-11-25"])
        defer { watch.stop() }
        func builds() -> Int { watch.stdout.components(separatedBy: "densho: built ").count - 1 }
        XCTAssertTrue(watch.waitFor { out, _ in builds() == 1 && out.contains("watching") }, "first build: \(watch.stderr)")
        XCTAssertTrue(try project.read("site/playbooks/second.html").contains(">初回訪問のてびき</a>"))

        let first = try project.read("content/playbooks/first-visit.md")
        try project.write("content/playbooks/first-visit.md", first.replacingOccurrences(of: "title: 初回訪問のてびき", with: "title: はじめての訪問"))
        XCTAssertTrue(watch.waitFor(timeout: 30) { _, _ in builds() == 2 }, "rebuild: \(watch.stderr)")
        XCTAssertTrue(try project.read("site/playbooks/second.html").contains(">はじめての訪問</a>"), "the linking page shows the new title")
        try assertSameAsFullBuild(project)
    }

    private func assertSameAsFullBuild(_ project: TemporaryProject, file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = try TemporaryProject()
        try FileManager.default.copyItem(at: project.content, to: fresh.content)
        XCTAssertEqual(try fresh.build().status, 0, file: file, line: line)
        let a = try siteFiles(project.site), b = try siteFiles(fresh.site)
        XCTAssertEqual(Set(a.keys), Set(b.keys), "the same files", file: file, line: line)
        for (path, data) in a where b[path] != data { XCTFail("site/\(path) differs from a full build", file: file, line: line) }
    }

    private func writeSecondVisit(_ project: TemporaryProject, reflection: String, diagnosis: String = "海外の規格対応が先。") throws {
        try project.write("content/visits/2026/2026-10-02-minato-seiki.md", """
        ---
        date: 2026-10-02
        company: minato-seiki
        staff: [suzuki]
        themes: [海外展開]
        ---
        ## 聞いたこと
        台湾の展示会でＡＢＣ社と名刺交換。
        ## 見立て
        \(diagnosis)
        ## 次の一手
        - [ ] 規格資料を取り寄せる
        ## 振り返り
        \(reflection)
        """)
    }

    static func inodes(_ root: URL) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for path in try siteFiles(root).keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            result[path] = (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        return result
    }
}
