import Foundation
import FrontMatter
import Seeded
import XCTest
@testable import Site

/// A session's quick rebuild (only visit text changed) must give exactly the site a fresh full
/// build gives, whatever part of the text changed: the 見立て that lists quote, task items that
/// are open promises, the 振り返り that the radar and handover packets read, wiki links that make
/// backlinks elsewhere.
final class QuickRebuildTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("densho-quick-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    func testSeededVisitTextEditsGiveTheSiteOfAFullBuild() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["DENSHO_QUICK_SEED"] ?? "") ?? 20261125
        var random = SeededRandom(seed: seed)
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "the first build is a full one")

        let visits = try FileManager.default.subpathsOfDirectory(atPath: content.appendingPathComponent("visits").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        var quick = 0
        for step in 0..<14 {
            let path = content.appendingPathComponent("visits").appendingPathComponent(visits[random.next(visits.count)])
            let before = try String(contentsOf: path, encoding: .utf8)
            let (edited, what) = edit(before, step: step, random: &random)
            try Data(edited.utf8).write(to: path)
            _ = try session.build()
            if session.lastBuildWasQuick { quick += 1 }
            XCTAssertTrue(session.lastBuildWasQuick, "step \(step) (\(what)) should take the quick way (seed \(seed))")
            try assertSameAsFullBuild(content, "step \(step): \(what) (seed \(seed))")
        }
        XCTAssertEqual(quick, 14)
    }

    /// Front matter edits of visits take the quick way too: themes (a new theme's page appears, a
    /// theme no note names any more loses its page), staff (visits and promises move between
    /// people, the successor meets a company), kind, referrals (partners, statuses, fiscal years),
    /// the next visit and visibility, alone or with a text edit, in Japanese of every width.
    func testSeededFrontMatterEditsGiveTheSiteOfAFullBuild() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["DENSHO_QUICK_SEED"] ?? "") ?? 20261202
        var random = SeededRandom(seed: seed)
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let visits = try FileManager.default.subpathsOfDirectory(atPath: content.appendingPathComponent("visits").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        var quick = 0
        let steps = 2 * QuickRebuildTests.frontMatterEdits
        for step in 0..<steps {
            let path = content.appendingPathComponent("visits").appendingPathComponent(visits[random.next(visits.count)])
            var (edited, what) = editFrontMatter(try String(contentsOf: path, encoding: .utf8), step: step, random: &random)
            if random.next(3) == 0 {
                let text = edit(edited, step: random.next(7), random: &random)
                edited = text.0
                what += " and " + text.1
            }
            try Data(edited.utf8).write(to: path)
            _ = try session.build()
            if session.lastBuildWasQuick { quick += 1 }
            XCTAssertTrue(session.lastBuildWasQuick, "step \(step) (\(what)) should take the quick way (seed \(seed))")
            try assertSameAsFullBuild(content, "step \(step): \(what) (seed \(seed))")
        }
        XCTAssertEqual(quick, steps)
    }

    /// The same on a project big enough that lists are cut (over `PageContext.listCap` visits, so
    /// the visit index and the radar leave some out), with several years, people who left (one
    /// with no successor), promises owed by name and due, and visits without a 振り返り: a quick
    /// rebuild looks again only at the files the route table says show what changed, and a rule
    /// that leaves out a file an edit does change fails here.
    func testSeededEditsOnALargerProjectGiveTheSiteOfAFullBuild() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["DENSHO_QUICK_SEED"] ?? "") ?? 20261203
        var random = SeededRandom(seed: seed)
        let (content, people, companies) = try writeLargerProject(random: &random)
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let visits = try FileManager.default.subpathsOfDirectory(atPath: content.appendingPathComponent("visits").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertGreaterThan(visits.count, PageContext.listCap)
        let unreflected = try visits.filter { !(try String(contentsOf: content.appendingPathComponent("visits/\($0)"), encoding: .utf8)).contains("## 振り返り") }
        XCTAssertGreaterThan(unreflected.count, PageContext.listCap + 10, "the radar leaves some out")
        let links = ["[[companies/\(companies[0])]]", "[[playbooks/first-visit]]", "[[people/\(people[2])]]"]
        for step in 0..<24 {
            let path = content.appendingPathComponent("visits").appendingPathComponent(visits[random.next(visits.count)])
            var edited = try String(contentsOf: path, encoding: .utf8)
            var what: [String] = []
            if step % 3 != 1 {
                let field = editFrontMatter(edited, step: random.next(QuickRebuildTests.frontMatterEdits), random: &random, people: [people[2], people[1]])
                edited = field.0
                what.append(field.1)
            }
            if step % 3 != 0 {
                let text = edit(edited, step: random.next(7), random: &random, links: links)
                edited = text.0
                what.append(text.1)
            }
            try Data(edited.utf8).write(to: path)
            _ = try session.build()
            let message = "step \(step): \(what.joined(separator: " and ")) in \(path.lastPathComponent) (seed \(seed))"
            XCTAssertTrue(session.lastBuildWasQuick, message)
            try assertSameAsFullBuild(content, message)
        }
    }

    /// A staff edit shows on pages of people who are on the visit neither before nor after: the
    /// company's holder (whether one person alone visited it in the last year) and the person who
    /// left (whether their successor has met the company yet).
    func testAStaffEditReachesTheHolderAndTheLeaverWhoAreNotOnTheVisit() throws {
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let site = scratch.appendingPathComponent("site")
        for (visit, page, what) in [("2026/2026-02-14-kita-kogyo", "people/suzuki.html", "鈴木 alone visited 北工業 in the last year"),
                                    ("2026/2026-09-10-higashi-seika", "people/tanaka.html", "鈴木, 田中's successor, has not met 東製菓")] {
            let path = content.appendingPathComponent("visits/\(visit).md")
            let before = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            try Data(setField("staff", "[]", in: try String(contentsOf: path, encoding: .utf8)).utf8).write(to: path)
            _ = try session.build()
            XCTAssertTrue(session.lastBuildWasQuick, visit)
            try assertSameAsFullBuild(content, "staff of \(visit) removed")
            XCTAssertNotEqual(try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8), before, "\(page) shows that \(what)")
        }
    }

    /// A theme that only the edited visit names gets its page with the edit, and loses it with the
    /// next; the theme list counts it, the search index knows it.
    func testAThemeOfOneVisitComesAndGoesWithTheQuickWay() throws {
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let visit = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo.md")
        let original = try String(contentsOf: visit, encoding: .utf8)
        let page = scratch.appendingPathComponent("site").appendingPathComponent(TopicPages.path(for: "ＤＸ推進"))
        try Data(original.replacingOccurrences(of: "themes: [事業承継]", with: "themes: [事業承継, ＤＸ推進]").utf8).write(to: visit)
        _ = try session.build()
        XCTAssertTrue(session.lastBuildWasQuick)
        try assertSameAsFullBuild(content, "after adding a theme")
        XCTAssertTrue(try String(contentsOf: page, encoding: .utf8).contains("2026-09-10-kita-kogyo.html"), "the new theme's page lists the visit")

        try Data(original.utf8).write(to: visit)
        _ = try session.build()
        XCTAssertTrue(session.lastBuildWasQuick)
        try assertSameAsFullBuild(content, "after removing it again")
        XCTAssertFalse(FileManager.default.fileExists(atPath: page.path), "a theme no note names has no page")
    }

    func testDateAndCompanyEditsWarningsAndBrokenLinksTakeTheFullWay() throws {
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let visit = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo.md")
        let original = try String(contentsOf: visit, encoding: .utf8)

        try Data(original.replacingOccurrences(of: "company: kita-kogyo", with: "company: higashi-seika").utf8).write(to: visit)
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "another company is another title, place and neighbours")
        try assertSameAsFullBuild(content, "after a company edit")

        try Data(original.replacingOccurrences(of: "themes: [事業承継]", with: "themes: [事業承継]\n担当メモ: 要確認").utf8).write(to: visit)
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "an unknown field is a warning, which only a full build lists")
        try assertSameAsFullBuild(content, "after adding an unknown field")

        try Data(original.utf8).write(to: visit)
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "the warning goes with a full build")
        try Data(original.replacingOccurrences(of: "themes: [事業承継]", with: "themes: [事業承継]\ndraft: true").utf8).write(to: visit)
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "a draft leaves the site")
        try assertSameAsFullBuild(content, "after making the visit a draft")
        try Data(original.utf8).write(to: visit)
        _ = try session.build()

        let siteBefore = try files(scratch.appendingPathComponent("site"))
        try Data(original.replacingOccurrences(of: "date: 2026-09-10", with: "date: 2026-09-11").utf8).write(to: visit)
        XCTAssertThrowsError(try session.build(), "a date that is not the file's is an error")
        try Data(original.replacingOccurrences(of: "staff: [", with: "staff: [たなか, ").utf8).write(to: visit)
        XCTAssertThrowsError(try session.build(), "an unknown person is an error")
        try Data((original + "\n[[どこにもない頁]]\n").utf8).write(to: visit)
        XCTAssertThrowsError(try session.build(), "a link to nothing is an error")
        XCTAssertEqual(try files(scratch.appendingPathComponent("site")), siteBefore, "a failed rebuild leaves the site as it was")

        try Data((original + "\n追記：[[companies/minami-denki]] に紹介した。\n").utf8).write(to: visit)
        _ = try session.build()
        try assertSameAsFullBuild(content, "after fixing the link")
        XCTAssertTrue(try String(contentsOf: scratch.appendingPathComponent("site/companies/minami-denki.html"), encoding: .utf8)
            .contains("2026-09-10-kita-kogyo.html"), "the linked company lists the visit as a backlink")
    }

    /// Attachments come from the notes' links and folders: a photo added to a note's folder, or a
    /// link to a new file, reaches the session's site as it would a fresh build's.
    func testAttachmentsAddedDuringASessionAreCopied() throws {
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let folder = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("写真".utf8).write(to: folder.appendingPathComponent("工場.jpg"))
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "a new attachment takes the full way")
        try assertSameAsFullBuild(content, "after adding a photo to a visit's folder")
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("site/visits/2026/2026-09-10-kita-kogyo/工場.jpg").path))

        let visit = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo.md")
        try Data("資料".utf8).write(to: content.appendingPathComponent("visits/2026/shiryou.pdf"))
        let original = try String(contentsOf: visit, encoding: .utf8)
        try Data((original + "\n[資料](shiryou.pdf)\n").utf8).write(to: visit)
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "a text edit that links a file takes the full way")
        try assertSameAsFullBuild(content, "after linking a file beside the visit")
    }

    /// A quick rebuild knows the attachments are unchanged from the folders' stamps the last full
    /// build took, not by looking for every note's files again: a note saved by writing a new
    /// file and renaming it (its notes folder changes, its subfolders do not) still takes the
    /// quick way; a file added deep in a note's folder, or an attachment rewritten, does not, and
    /// reaches the site.
    func testAttachmentFoldersAreWatchedWithoutLookingForEveryFile() throws {
        let content = try writeProject()
        let folder = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("図面"), withIntermediateDirectories: true)
        try Data("写真".utf8).write(to: folder.appendingPathComponent("工場.jpg"))
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let site = scratch.appendingPathComponent("site")

        let visit = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo.md")
        let original = try String(contentsOf: visit, encoding: .utf8)
        try Data((original + "\n追記：図面は来週。\n").utf8).write(to: visit, options: .atomic)
        _ = try session.build()
        XCTAssertTrue(session.lastBuildWasQuick, "a note saved by renaming a new file over it")
        try assertSameAsFullBuild(content, "after saving the note by rename")

        try Data("配置図".utf8).write(to: folder.appendingPathComponent("図面/配置.png"))
        try Data((original + "\n追記：配置図を受け取った。\n").utf8).write(to: visit)
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "a file added in a folder of the note's folder takes the full way")
        try assertSameAsFullBuild(content, "after adding a drawing to the note's folder")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo/図面/配置.png").path))

        try Data("写真（撮り直し、大きい）".utf8).write(to: folder.appendingPathComponent("工場.jpg"))
        try Data(original.utf8).write(to: visit)
        _ = try session.build()
        XCTAssertFalse(session.lastBuildWasQuick, "a rewritten attachment takes the full way")
        try assertSameAsFullBuild(content, "after rewriting the photo")
        XCTAssertEqual(try Data(contentsOf: site.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo/工場.jpg")), Data("写真（撮り直し、大きい）".utf8))
    }

    /// Told what changed (as `serve`'s watcher tells it), a session looks only at those files and
    /// walks the folders only when one of them is not a note it knows: a note added or removed
    /// reaches the site all the same, and a path spelled another way is not trusted.
    func testABuildToldWhatChangedLooksOnlyAtThoseFiles() throws {
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let site = scratch.appendingPathComponent("site")
        let visit = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo.md")
        let other = content.appendingPathComponent("visits/2025/2025-06-01-kita-kogyo.md")
        let original = try String(contentsOf: visit, encoding: .utf8)
        let otherOriginal = try String(contentsOf: other, encoding: .utf8)

        try Data((original + "\n追記：社長から電話。\n").utf8).write(to: visit)
        _ = try session.build(changed: [visit.path])
        XCTAssertTrue(session.lastBuildWasQuick)
        try assertSameAsFullBuild(content, "after an edit the session was told of")

        // The list is trusted: a change left out of it is left out of the site (until a build
        // that is not told, or told of it).
        try Data((otherOriginal + "\n追記：知らされない変更。\n").utf8).write(to: other)
        try Data((original + "\n追記：二度目の電話。\n").utf8).write(to: visit)
        _ = try session.build(changed: [visit.path])
        XCTAssertFalse(try String(contentsOf: site.appendingPathComponent("visits/2025/2025-06-01-kita-kogyo.html"), encoding: .utf8).contains("知らされない変更"))
        _ = try session.build(changed: nil)
        try assertSameAsFullBuild(content, "after a build that was not told what changed")

        let added = content.appendingPathComponent("visits/2026/2026-10-01-kita-kogyo.md")
        try Data(original.replacingOccurrences(of: "date: 2026-09-10", with: "date: 2026-10-01").utf8).write(to: added)
        _ = try session.build(changed: [added.path])
        try assertSameAsFullBuild(content, "after adding a note")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("visits/2026/2026-10-01-kita-kogyo.html").path))

        try FileManager.default.removeItem(at: added)
        _ = try session.build(changed: [added.path])
        try assertSameAsFullBuild(content, "after removing it again")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("visits/2026/2026-10-01-kita-kogyo.html").path))

        try Data((original + "\n追記：別の綴りで知らされた変更。\n").utf8).write(to: visit)
        _ = try session.build(changed: [content.path + "/visits/./2026/2026-09-10-kita-kogyo.md"])
        try assertSameAsFullBuild(content, "after an edit told by a path spelled another way")
    }

    /// Text deep in a 見立て (past what lists quote) changes no digest and no promise, yet the
    /// handover packet of the person who left quotes the whole section.
    func testTextDeepInAVisitReachesTheHandoverPacket() throws {
        let content = try writeProject()
        let session = BuildSession(options: options(content, "site"))
        _ = try session.build()
        let visit = content.appendingPathComponent("visits/2026/2026-09-10-kita-kogyo.md")
        let original = try String(contentsOf: visit, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "## 次の一手\n", with: "奥の所見：ＩＳＯ取得は来期。\n## 次の一手\n").utf8).write(to: visit)
        _ = try session.build()
        XCTAssertTrue(session.lastBuildWasQuick)
        try assertSameAsFullBuild(content, "after an edit deep in the 見立て")
        XCTAssertTrue(try String(contentsOf: scratch.appendingPathComponent("site/people/tanaka-handover.html"), encoding: .utf8)
            .contains("奥の所見"), "the handover packet quotes the new text")
    }

    /// A large one-shot build frees each page's HTML after the pages and its plain text after its
    /// search document, and feeds the index one batch at a time: the same site, byte for byte.
    func testALeanOneShotBuildWritesTheSameSite() throws {
        let content = try writeProject()
        _ = try SiteBuilder.build(options(content, "site"))
        var lean = options(content, "lean")
        lean.leanAbovePages = 0
        _ = try SiteBuilder.build(lean)
        let a = try files(scratch.appendingPathComponent("site")), b = try files(scratch.appendingPathComponent("lean"))
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        XCTAssertGreaterThan(a.keys.filter { $0.hasPrefix("search/") }.count, 3)
        for (path, data) in a where b[path] != data { XCTFail("lean/\(path) differs from a normal build") }
    }

    // MARK: - Edits

    private func edit(_ text: String, step: Int, random: inout SeededRandom,
                      links: [String] = ["[[companies/minami-denki]]", "[[playbooks/first-visit]]", "[[visits/2025-06-01-kita-kogyo]]", "[[鈴木]]"]) -> (String, String) {
        switch step % 7 {
        case 0:
            return (text + "\n追記：社長から電話（ＡＢＣ規格の件）。ﾊﾝｶｸ表記も混在。\n", "append a line")
        case 1:
            return (text.replacingOccurrences(of: "## 見立て\n", with: "## 見立て\n最優先は資金繰り。第\(step)案を検討。\n"), "change the 見立て")
        case 2:
            if text.contains("- [ ] ") { return (text.replacingOccurrences(of: "- [ ] ", with: "- [x] "), "close the promises") }
            return (text.replacingOccurrences(of: "- [x] ", with: "- [ ] "), "reopen the promises")
        case 3:
            return (text.replacingOccurrences(of: "## 次の一手\n", with: "## 次の一手\n- [ ] 新しい約束 \(random.next(1000)) 番\n"), "add a promise")
        case 4:
            return (text + "\n参考：\(links[random.next(links.count)])\n", "add a wiki link")
        case 5:
            let unlinked = text.replacingOccurrences(of: "[[companies/minami-denki]]", with: "南電機")
                .replacingOccurrences(of: "[[playbooks/first-visit]]", with: "てびき")
            return (unlinked, "remove wiki links")
        default:
            if text.contains("## 振り返り\n") {
                return (text.replacingOccurrences(of: "## 振り返り\n", with: "## 振り返り\n"), "keep text (touch only)")
            }
            return (text + "\n## 振り返り\n訪問の成果：試作の目処が立った。\n", "add a 振り返り")
        }
    }

    // MARK: - Front matter edits

    private static let frontMatterEdits = 8

    private func editFrontMatter(_ text: String, step: Int, random: inout SeededRandom,
                                 people: [String] = ["tanaka", "suzuki"]) -> (String, String) {
        switch step % QuickRebuildTests.frontMatterEdits {
        case 0:
            let theme = ["ＤＸ推進", "ｶｲｾﾞﾝ活動", "省エネ", "知財"][random.next(4)]
            return (setField("themes", "[\(theme), 事業承継]", in: text), "themes: add \(theme)")
        case 1:
            return (setField("themes", random.next(2) == 0 ? "[]" : "[知財]", in: text), "themes: replace")
        case 2:
            let staff = ["[\(people[0])]", "[\(people[1])]", "[\(people[1]), \(people[0])]", "[]"][random.next(4)]
            return (setField("staff", staff, in: text), "staff: \(staff)")
        case 3:
            let kind = ["call", "event", "matching", "visit"][random.next(4)]
            return (setField("kind", kind, in: text), "kind: \(kind)")
        case 4:
            let status = ["proposed", "introduced", "in_progress", "contracted", "productized", "declined"][random.next(6)]
            let partner = random.next(2) == 0 ? "ip-center" : "shoko-kai"
            let referral = "\n  - to: \(partner)\n    status: \(status)\n    note: 商標の相談（ＰＣＴ出願）ﾒﾓ\(random.next(100))"
            return (setField("referrals", referral, in: text), "referrals: \(partner) \(status)")
        case 5:
            return (setField("referrals", nil, in: text), "referrals: none")
        case 6:
            let day = ["2026-12-01", "2027-01-15", nil][random.next(3)]
            return (setField("next_visit", day, in: text), "next_visit: \(day ?? "none")")
        default:
            return (setField("visibility", random.next(2) == 0 ? "public" : "internal", in: text), "visibility")
        }
    }

    /// The note with a top-level front matter field set to `value` (nil: removed), its nested
    /// lines (a block of referrals) replaced with it.
    private func setField(_ key: String, _ value: String?, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let end = lines.dropFirst().firstIndex(of: "---") else { return text }
        var at = end
        if let line = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
            var last = line + 1
            while last < end, lines[last].hasPrefix(" ") { last += 1 }
            lines.removeSubrange(line..<last)
            at = line
        }
        if let value { lines.insert("\(key):" + (value.hasPrefix("\n") ? value : " " + value), at: at) }
        return lines.joined(separator: "\n")
    }

    // MARK: - Project

    private func writeProject() throws -> URL {
        let content = scratch.appendingPathComponent("content")
        var files: [String: String] = [
            "site.yml": "title: 伝承テスト\nvisit_cadence_days: 60\nthemes: [事業承継, 知財, 省エネ]\n",
            "people/tanaka.md": "---\nname: 田中\nleft: 2026-03-31\nsuccessor: suzuki\n---\n担当を引き継いだ。\n",
            "people/suzuki.md": "---\nname: 鈴木\n---\n",
            "partners/ip-center.md": "---\nname: 知財総合支援窓口\n---\n",
            "partners/shoko-kai.md": "---\nname: 商工会（ｻﾎﾟｰﾄ窓口）\n---\n",
            "playbooks/first-visit.md": "---\ntitle: 初回訪問のてびき\norder: 10\n---\n## 心得\n最初は聞く。例：[[visits/2025-06-01-kita-kogyo]]\n",
        ]
        for (slug, name, owner) in [("kita-kogyo", "北工業", "tanaka"), ("minami-denki", "南電機", "suzuki"), ("higashi-seika", "東製菓", "tanaka")] {
            files["companies/\(slug).md"] = "---\nname: 株式会社\(name)\nowner: \(owner)\nthemes: [事業承継]\n---\n創業五十年。\n"
        }
        let dates = ["2025-06-01", "2025-11-20", "2026-02-14", "2026-09-10"]
        for (c, company) in ["kita-kogyo", "minami-denki", "higashi-seika"].enumerated() {
            for (d, date) in dates.enumerated() where (c + d) % 4 != 3 || company == "kita-kogyo" {
                let referral = d == 2 ? "referrals:\n  - to: ip-center\n    status: introduced\n    note: 商標の相談\n" : ""
                files["visits/\(date.prefix(4))/\(date)-\(company).md"] = """
                    ---
                    date: \(date)
                    company: \(company)
                    staff: [\(d % 2 == 0 ? "tanaka" : "suzuki")]
                    themes: [事業承継]
                    \(referral)---
                    ## 聞いたこと
                    後継者は長男。設備はＮＣ旋盤３台（ｶﾀｶﾅ半角の型番）。
                    ## 見立て
                    承継計画が先。\(company == "minami-denki" ? "" : "[[companies/minami-denki]] と同じ課題。")\(String(repeating: "設備更新と資金繰りの順序を社長と一緒に整理する必要がある。", count: 4))
                    ## 次の一手
                    - [ ] 承継計画の雛形を送る
                    - [x] 決算書を受け取る
                    \(d == 0 ? "## 振り返り\n社長が前向きになった。\n" : "")
                    """
            }
        }
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return content
    }

    /// 180 visits of 9 companies over four years by 7 people: two left with a successor, one left
    /// with none; promises with owners and due dates, repeated across visits and ticked later;
    /// referrals; a 振り返り on a quarter of the visits (so the radar's list of those without one is cut). Returns the content folder, the people's ids and
    /// the companies' slugs.
    private func writeLargerProject(random: inout SeededRandom) throws -> (URL, [String], [String]) {
        let content = scratch.appendingPathComponent("content")
        let people = ["sato", "ito", "kato", "abe", "ono", "mori", "ueda"]
        let names = ["佐藤", "伊藤", "加藤", "阿部", "小野", "森", "上田"]
        let companies = ["aoba-kogyo", "midori-seiki", "hikari-denshi", "umi-shokuhin", "yama-mokuzai", "kawa-press", "sora-kasei", "mori-textile", "hoshi-giken"]
        var files: [String: String] = [
            "site.yml": "title: 伝承テスト（大）\nvisit_cadence_days: 90\nthemes: [事業承継, 知財, 省エネ, 資金繰り]\n",
            "partners/ip-center.md": "---\nname: 知財総合支援窓口\n---\n",
            "partners/shoko-kai.md": "---\nname: 商工会（ｻﾎﾟｰﾄ窓口）\n---\n",
            "playbooks/first-visit.md": "---\ntitle: 初回訪問のてびき\norder: 10\n---\n## 心得\n最初は聞く。\n",
        ]
        for (i, id) in people.enumerated() {
            let left = [1: "left: 2025-12-31\nsuccessor: kato\n", 4: "left: 2026-06-30\nsuccessor: mori\n", 6: "left: 2026-10-01\n"][i] ?? ""
            files["people/\(id).md"] = "---\nname: \(names[i])\n\(left)---\n"
        }
        for (i, slug) in companies.enumerated() {
            files["companies/\(slug).md"] = "---\nname: 株式会社\(slug)\nowner: \(people[i % people.count])\nthemes: [事業承継]\n---\n創業\(20 + i)年。\n"
        }
        let themes = ["事業承継", "知財", "省エネ", "資金繰り", "ＤＸ推進", "ｶｲｾﾞﾝ活動"]
        let promises = ["見積書を送る", "補助金の要件を調べる", "工場見学を設定する", "後継者と面談する"]
        var used: Set<String> = []
        var day = CalendarDate("2023-01-05")!
        while used.count < 180 {
            day = day.adding(days: 3 + random.next(6))
            let company = companies[random.next(companies.count)]
            let slug = "\(day)-\(company)"
            guard used.insert(slug).inserted else { continue }
            let staff = (0..<(1 + random.next(2))).map { _ in people[random.next(people.count)] }
            var front = "date: \(day)\ncompany: \(company)\nstaff: [\(Array(Set(staff)).sorted().joined(separator: ", "))]\n"
            front += "themes: [\(themes[random.next(themes.count)])]\n"
            if random.next(4) == 0 { front += "kind: \(["call", "event", "visit"][random.next(3)])\n" }
            if random.next(5) == 0 {
                front += "referrals:\n  - to: \(random.next(2) == 0 ? "ip-center" : "shoko-kai")\n    status: \(["proposed", "introduced", "contracted"][random.next(3)])\n"
            }
            if random.next(4) == 0 { front += "next_visit: \(day.adding(days: 30 + random.next(60)))\n" }
            var tasks = ""
            for _ in 0..<(1 + random.next(3)) {
                let owner = random.next(3) == 0 ? " @\(people[random.next(people.count)])" : ""
                let due = random.next(3) == 0 ? " 期限 \(day.adding(days: 14 + random.next(200)))" : ""
                tasks += "- [\(random.next(3) == 0 ? "x" : " ")] \(promises[random.next(promises.count)])\(owner)\(due)\n"
            }
            let reflection = random.next(4) == 0 ? "## 振り返り\n話が前に進んだ。\n" : ""
            files["visits/\(day.year)/\(slug).md"] = "---\n\(front)---\n## 聞いたこと\n設備はＮＣ旋盤\(random.next(9))台。\n## 見立て\n承継計画が先。資金繰りは\(random.next(100))案。\n## 次の一手\n\(tasks)\(reflection)"
        }
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (content, people, companies)
    }

    private func options(_ content: URL, _ output: String) -> BuildOptions {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return BuildOptions(contentDirectory: content, outputDirectory: scratch.appendingPathComponent(output),
                            themeDirectory: repository.appendingPathComponent("themes/default"), today: CalendarDate("2026-11-25")!)
    }

    private func assertSameAsFullBuild(_ content: URL, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = scratch.appendingPathComponent("fresh")
        try? FileManager.default.removeItem(at: fresh)
        _ = try SiteBuilder.build(options(content, "fresh"))
        let a = try files(scratch.appendingPathComponent("site")), b = try files(fresh)
        XCTAssertEqual(Set(a.keys), Set(b.keys), "the same files — \(message)", file: file, line: line)
        for (path, data) in a where b[path] != data { XCTFail("site/\(path) differs from a full build — \(message)", file: file, line: line) }
    }

    private func files(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }
}
