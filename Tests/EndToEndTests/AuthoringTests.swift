import Foundation
import XCTest

/// `densho init`, `new`, `reflect` and `check`, run as a person would: the built binary, inside a
/// temporary project, checking the files it leaves behind byte for byte.
final class AuthoringTests: XCTestCase {
    func densho(_ arguments: [String], in project: TemporaryProject, environment: [String: String]? = nil) throws -> Densho.Result {
        try Densho.run(arguments, in: project.root, environment: environment)
    }

    func bytes(_ project: TemporaryProject, _ path: String) throws -> Data {
        try Data(contentsOf: project.root.appendingPathComponent(path))
    }

    // MARK: init

    func testInitGivesAProjectThatBuildsAndChecksCleanAsItIs() throws {
        let project = try TemporaryProject()
        let result = try densho(["init", "新しい現場"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        let folder = project.root.appendingPathComponent("新しい現場")
        for kind in ["companies", "people", "partners", "playbooks"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/\(kind)").path)
            XCTAssertEqual(files.count, 1, "one example of \(kind)")
        }
        let years = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/visits").path)
        XCTAssertEqual(years.count, 1, "one example visit")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("themes/default/templates/layout.mustache").path))
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("content/site.yml"), encoding: .utf8).contains("reflection_prompts:"))

        let build = try Densho.run(["build"], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("warning"), build.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/companies/sakura-kogyo.html").path))
        let check = try Densho.run(["check"], in: folder)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout, "")
        XCTAssertTrue(check.stderr.contains("0 errors, 0 warnings"), check.stderr)
    }

    func testInitRefusesAFolderThatIsNotEmpty() throws {
        let project = try TemporaryProject()
        try project.write("既存/メモ.txt", "消さないで")
        let result = try densho(["init", "既存"], in: project)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("is not empty"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("既存").path), ["メモ.txt"])
        XCTAssertEqual(try project.read("既存/メモ.txt"), "消さないで")
        XCTAssertEqual(try densho(["init"], in: project).status, 2)
    }

    func testInitFillsAnEmptyFolderWithAGivenTheme() throws {
        let project = try TemporaryProject()
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let result = try densho(["init", "empty", "--theme", project.theme.path, "--today", "2026-11-25"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(project.exists("empty/content/visits/2026/2026-11-25-sakura-kogyo.md"))
        let notATheme = try densho(["init", "other", "--theme", project.root.path], in: project)
        XCTAssertEqual(notATheme.status, 1)
        XCTAssertTrue(notATheme.stderr.contains("is not a densho theme"), notATheme.stderr)
    }

    // MARK: init → new → reflect → check → build

    func testTheWholeRoundOfAVisit() throws {
        let project = try TemporaryProject()
        XCTAssertEqual(try densho(["init", "p", "--today", "2026-11-25"], in: project).status, 0)
        let root = project.root.appendingPathComponent("p")

        let new = try Densho.run(["new", "visit", "sakura-kogyo", "--date", "2026-11-10"], in: root)
        XCTAssertEqual(new.status, 0, new.stderr)
        XCTAssertEqual(new.stdout, "content/visits/2026/2026-11-10-sakura-kogyo.md\n")
        let path = "p/content/visits/2026/2026-11-10-sakura-kogyo.md"
        let written = try project.read(path)
        XCTAssertTrue(written.hasPrefix("---\ndate: 2026-11-10\ncompany: sakura-kogyo\nstaff: [yamada]\nkind: visit\nthemes: [知財活用, 事業承継]\n"), written)
        XCTAssertTrue(written.hasSuffix("---\n## 聞いたこと\n\n## 見立て\n\n## 次の一手\n\n- [ ] \n\n## 振り返り\n"), written)

        var build = try Densho.run(["build", "--today", "2026-11-25"], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("warning"), "a new note builds cleanly: \(build.stderr)")

        var check = try Densho.run(["check", "--today", "2026-11-25"], in: root)
        XCTAssertEqual(check.status, 0)
        XCTAssertEqual(check.stdout, "content/visits/2026/2026-11-10-sakura-kogyo.md:22:1: warning: 振り返り is still empty, 15 days after the visit; 'densho reflect content/visits/2026/2026-11-10-sakura-kogyo.md' writes the prompts under it to answer\n")

        let before = try bytes(project, path)
        let reflect = try Densho.run(["reflect", "content/visits/2026/2026-11-10-sakura-kogyo.md", "--today", "2026-11-25"], in: root)
        XCTAssertEqual(reflect.status, 0, reflect.stderr)
        XCTAssertEqual(reflect.stdout, "content/visits/2026/2026-11-10-sakura-kogyo.md\n")
        let after = try bytes(project, path)
        // The empty 振り返り that `new visit` wrote is filled where it stands: no second heading.
        XCTAssertEqual(after, before + Data("\n- うまくいったこと：\n- 次に変えること：\n- 後任に引き継ぐべきこと：\n".utf8))

        check = try Densho.run(["check", "--today", "2026-11-25"], in: root)
        XCTAssertTrue(check.stdout.contains("22:1: warning: 振り返り prompts are unanswered, 15 days after the visit: 'うまくいったこと', '次に変えること', '後任に引き継ぐべきこと'"),
                      "unanswered prompts are not yet a reflection, and the warning says so: \(check.stdout)")
        let again = try Densho.run(["reflect", "content/visits/2026/2026-11-10-sakura-kogyo.md", "--today", "2026-11-25"], in: root)
        XCTAssertEqual(again.status, 0, "a second reflect before answering adds nothing and says why")
        XCTAssertTrue(again.stderr.contains("prompts waiting for answers"), again.stderr)
        XCTAssertEqual(try bytes(project, path), after)
        try project.write(path, String(decoding: after, as: UTF8.self)
            .replacingOccurrences(of: "- うまくいったこと：", with: "- うまくいったこと：社長の本音が聞けた"))
        check = try Densho.run(["check", "--today", "2026-11-25"], in: root)
        XCTAssertEqual(check.status, 0)
        XCTAssertEqual(check.stdout, "")
        build = try Densho.run(["build", "--today", "2026-11-25"], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(try project.read("p/site/visits/2026/2026-11-10-sakura-kogyo.html").contains("社長の本音が聞けた"))
    }

    // MARK: new

    func testNewVisitNeverOverwritesAndTakesTheNextFreeNumber() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let mine = "---\ndate: 2026-11-25\ncompany: minato-seiki\n---\n手で書いた記録。\n"
        try project.write("content/visits/2026/2026-11-25-minato-seiki.md", mine)
        var printed: [String] = []
        for _ in 0..<2 {
            let result = try densho(["new", "visit", "minato-seiki", "--date", "2026-11-25", "--kind", "call", "--staff", "suzuki,tanaka"], in: project)
            XCTAssertEqual(result.status, 0, result.stderr)
            printed.append(result.stdout)
        }
        XCTAssertEqual(printed, ["content/visits/2026/2026-11-25-minato-seiki-2.md\n", "content/visits/2026/2026-11-25-minato-seiki-3.md\n"])
        XCTAssertEqual(try project.read("content/visits/2026/2026-11-25-minato-seiki.md"), mine, "the existing note is untouched")
        let second = try project.read("content/visits/2026/2026-11-25-minato-seiki-2.md")
        XCTAssertTrue(second.hasPrefix("---\ndate: 2026-11-25\ncompany: minato-seiki\nstaff: [suzuki, tanaka]\nkind: call\nthemes: [知財活用]\n"), second)
        let names = try FileManager.default.contentsOfDirectory(atPath: project.content.appendingPathComponent("visits/2026").path)
        XCTAssertFalse(names.contains { $0.hasPrefix(".") }, "no temporary file is left: \(names)")
    }

    func testNewVisitStaffIsWhoeverHoldsTheCompanyOnThatDay() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()   // minato-seiki: owner tanaka, who left 2026-03-31 for suzuki
        let before = try densho(["new", "visit", "minato-seiki", "--date", "2026-03-01"], in: project)
        XCTAssertTrue(try project.read("content/visits/2026/2026-03-01-minato-seiki.md").contains("\nstaff: [tanaka]\n"), before.stderr)
        let after = try densho(["new", "visit", "minato-seiki", "--date", "2026-11-20"], in: project)
        XCTAssertTrue(try project.read("content/visits/2026/2026-11-20-minato-seiki.md").contains("\nstaff: [suzuki]\n"), after.stderr)
        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("warning"), build.stderr)
    }

    func testNewNamesTheClosestSlugsForAnUnknownCompanyOrPerson() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let company = try densho(["new", "visit", "minato-seik"], in: project)
        XCTAssertEqual(company.status, 1)
        XCTAssertEqual(company.stderr, "error: unknown company 'minato-seik'; closest in content/companies/: 'minato-seiki'\n")
        let person = try densho(["new", "visit", "minato-seiki", "--staff", "tanka"], in: project)
        XCTAssertEqual(person.status, 1)
        XCTAssertEqual(person.stderr, "error: unknown person 'tanka'; closest in content/people/: 'tanaka', 'suzuki'\n")
        let visits = project.content.appendingPathComponent("visits")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: visits.path), ["2026"], "nothing was written")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: visits.appendingPathComponent("2026").path),
                       ["2026-08-01-minato-seiki.md"], "nothing was written")
        XCTAssertEqual(try densho(["new", "visit", "minato-seiki", "--kind", "面談"], in: project).status, 2)
        XCTAssertEqual(try densho(["new", "visit", "minato-seiki", "--date", "2026/11/25"], in: project).status, 2)
        XCTAssertEqual(try densho(["new", "shop", "x"], in: project).status, 2)
    }

    func testNewPagesOfEveryKindBuildAndAreNeverOverwritten() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let commands: [([String], String)] = [
            (["new", "company", "kamome-kanagata", "--name", "有限会社かもめ金型"], "content/companies/kamome-kanagata.md"),
            (["new", "person", "ito", "--name", "伊藤 美咲"], "content/people/ito.md"),
            (["new", "partner", "shinkin", "--name", "みなと川信用金庫"], "content/partners/shinkin.md"),
            (["new", "playbook", "listening", "--name", "聞き方のてびき"], "content/playbooks/listening.md"),
        ]
        for (arguments, path) in commands {
            let result = try densho(arguments, in: project)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, path + "\n")
        }
        XCTAssertTrue(try project.read("content/companies/kamome-kanagata.md").hasPrefix("---\nname: 有限会社かもめ金型\n"))
        XCTAssertTrue(try project.read("content/playbooks/listening.md").contains("\norder: 20 "), "after first-visit (order 10)")
        let build = try project.build()
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("warning"), build.stderr)

        try project.write("content/people/ito.md", "---\nname: 伊藤さん（手で直した）\n---\n")
        let again = try densho(["new", "person", "ito"], in: project)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try project.read("content/people/ito.md"), "---\nname: 伊藤さん（手で直した）\n---\n")
        let caseOnly = try densho(["new", "person", "ITO"], in: project)
        XCTAssertEqual(caseOnly.status, 1)
        XCTAssertTrue(caseOnly.stderr.contains("differs from 'ITO' only in letter case"), caseOnly.stderr)
        XCTAssertEqual(try densho(["new", "company", "../外"], in: project).status, 1)
        XCTAssertFalse(project.exists("外.md"))
    }

    func testEditorIsNotStartedWithoutATerminal() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let marker = project.root.appendingPathComponent("editor-ran")
        try project.write("editor.sh", "#!/bin/sh\necho \"$1\" > '\(marker.path)'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.root.appendingPathComponent("editor.sh").path)
        var environment = ProcessInfo.processInfo.environment
        environment["EDITOR"] = project.root.appendingPathComponent("editor.sh").path
        let result = try densho(["new", "visit", "minato-seiki", "--date", "2026-11-25"], in: project, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "output is a pipe, so no editor")
    }

    func testEditorOpensTheNewNoteAtATerminal() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let marker = project.root.appendingPathComponent("editor-ran")
        try project.write("editor.sh", "#!/bin/sh\necho \"$1\" > '\(marker.path)'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.root.appendingPathComponent("editor.sh").path)
        // script(1) (Debian's essential bsdutils) runs densho on a pseudo-terminal, as a person would.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(Densho.executable.path)' new visit minato-seiki --date 2026-11-25", "/dev/null"]
        process.currentDirectoryURL = project.root
        var environment = ProcessInfo.processInfo.environment
        environment["EDITOR"] = project.root.appendingPathComponent("editor.sh").path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let opened = try String(contentsOf: marker, encoding: .utf8).trimmingCharacters(in: .newlines)
        XCTAssertEqual(URL(fileURLWithPath: opened, relativeTo: project.root).standardizedFileURL.path,
                       project.content.appendingPathComponent("visits/2026/2026-11-25-minato-seiki.md").standardizedFileURL.path)
    }

    // MARK: reflect

    func testReflectKeepsEveryByteOfAnLFFileAndUsesTheSitePrompts() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/site.yml", "title: テスト\nreflection_prompts:\n  - 社長の反応は？\n  - 次に聞くこと\n")
        let path = "content/visits/2026/2026-08-01-minato-seiki.md"
        let original = try bytes(project, path) + Data("末尾に改行なし　全角空白 ｶﾀｶﾅ  ".utf8)
        try original.write(to: project.root.appendingPathComponent(path))
        let result = try densho(["reflect", path, "--today", "2026-11-25"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try bytes(project, path), original + Data("\n\n## 振り返り (2026-11-25)\n\n- 社長の反応は？\n- 次に聞くこと：\n".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: project.content.appendingPathComponent("visits/2026").path)
        XCTAssertEqual(names, ["2026-08-01-minato-seiki.md"], "no temporary file is left")

        // The same day again: a second dated section for the day is refused.
        let sameDay = try densho(["reflect", path, "--today", "2026-11-25"], in: project)
        XCTAssertEqual(sameDay.status, 1)
        XCTAssertTrue(sameDay.stderr.contains("already has '## 振り返り (2026-11-25)'"), sameDay.stderr)
    }

    func testReflectKeepsCRLFAndTheByteOrderMark() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let path = "content/visits/2026/2026-10-01-minato-seiki.md"
        let original = Data("\u{FEFF}---\r\ndate: 2026-10-01\r\ncompany: minato-seiki\r\n---\r\n## 見立て\r\n所見。\r\n".utf8)
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try original.write(to: project.root.appendingPathComponent(path))
        let result = try densho(["reflect", path, "--today", "2026-11-25"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try bytes(project, path), original + Data("\r\n## 振り返り (2026-11-25)\r\n\r\n- うまくいったこと：\r\n- 次に変えること：\r\n- 後任に引き継ぐべきこと：\r\n".utf8))
        XCTAssertEqual(try project.build().status, 0)
    }

    func testReflectOnACompanyTakesItsLatestVisit() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        for name in ["2026-09-01-minato-seiki", "2026-09-01-minato-seiki-2", "2026-09-01-minato-seiki-10", "2026-08-15-minato-seiki"] {
            try project.write("content/visits/2026/\(name).md", "---\ndate: \(name.prefix(10))\ncompany: minato-seiki\n---\n本文。\n")
        }
        try project.write("content/visits/2026/2026-12-01-other.md", "---\ndate: 2026-12-01\ncompany: somewhere-else\n---\n")
        let result = try densho(["reflect", "minato-seiki", "--today", "2026-11-25"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "content/visits/2026/2026-09-01-minato-seiki-10.md\n")
        XCTAssertTrue(try project.read("content/visits/2026/2026-09-01-minato-seiki-10.md").hasSuffix("本文。\n\n## 振り返り (2026-11-25)\n\n- うまくいったこと：\n- 次に変えること：\n- 後任に引き継ぐべきこと：\n"))
        XCTAssertEqual(try project.read("content/visits/2026/2026-09-01-minato-seiki-2.md"), "---\ndate: 2026-09-01\ncompany: minato-seiki\n---\n本文。\n")
    }

    func testReflectExplainsWhatItCannotDo() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/companies/kamome.md", "---\nname: かもめ\n---\n")
        try project.write("elsewhere/2026-01-01-minato-seiki.md", "---\ndate: 2026-01-01\ncompany: minato-seiki\n---\n")
        let cases: [([String], String)] = [
            (["reflect", "kamome"], "error: kamome has no visit notes yet; write one with 'densho new visit kamome'\n"),
            (["reflect", "kamom"], "error: unknown company 'kamom'; closest in content/companies/: 'kamome', 'minato-seiki'\n"),
            (["reflect", "elsewhere/2026-01-01-minato-seiki.md"], "error: elsewhere/2026-01-01-minato-seiki.md is not a visit note: visit notes live in content/visits/<yyyy>/\n"),
            (["reflect", "content/companies/minato-seiki.md"], "error: content/companies/minato-seiki.md is not a visit note: visit notes live in content/visits/<yyyy>/\n"),
            (["reflect", "content/visits/2026/ない.md"], "error: content/visits/2026/ない.md: no such file\n"),
        ]
        for (arguments, message) in cases {
            let result = try densho(arguments, in: project)
            XCTAssertEqual(result.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, message)
        }
        XCTAssertEqual(try densho(["reflect"], in: project).status, 2)
        XCTAssertEqual(try project.read("elsewhere/2026-01-01-minato-seiki.md"), "---\ndate: 2026-01-01\ncompany: minato-seiki\n---\n")
    }

    // MARK: check

    /// One project with one of each finding, each at a known place.
    func writeProjectWithEveryFinding(_ project: TemporaryProject) throws {
        try project.writeMinimalSite()
        try project.write("content/people/sato.md", "---\nname: 佐藤\nleft: 2025-03-31\n---\n")
        try project.write("content/companies/asahi.md", """
        ---
        name: 朝日プレス
        owner: sato
        status: open
        themes: [ＤＸ]
        ---
        [[minato-seik]]を参照。
        """)
        try project.write("content/companies/Asahi.md", "---\nname: 朝日プレス（重複）\n---\n")
        try project.write("content/visits/2026/2026-10-01-asahi.md", """
        ---
        date: 2026-10-01
        company: asahii
        staff: [suzuki, satoo]
        referrals:
          - to: ip-centre
            status: introduced
        ---
        ## 見立て
        所見。
        """)
        try project.write("content/visits/2026/2026-12-24-minato-seiki.md", "---\ndate: 2026-12-24\ncompany: minato-seiki\nkind: 面談\n---\n")
        try project.write("content/visits/2026/2026-11-02-minato-seiki.md", "---\ndate: 2026-11-02\ncompany: minato-seiki\nnext_visit: 2026-02-30\n---\n")
    }

    func testCheckReportsEveryFindingAtItsPlaceAndBuildFailsOnTheErrors() throws {
        let project = try TemporaryProject()
        try writeProjectWithEveryFinding(project)
        let result = try densho(["check", "--today", "2026-11-25"], in: project)
        XCTAssertEqual(result.status, 1)
        let expected = [
            "content/companies/asahi.md:1:1: error: duplicate company 'asahi': content/companies/Asahi.md has a slug that differs only in letter case or Unicode form",
            "content/companies/asahi.md:3:8: warning: owner 'sato' left on 2025-03-31 with no successor; set 'successor:' in content/people/sato.md or a new 'owner' here",
            "content/companies/asahi.md:4:9: error: 'status' must be one of active | dormant | closed, not 'open'",
            "content/companies/asahi.md:5:10: warning: theme 'ＤＸ' is not in site.yml's themes (add it there, or use one of them)",
            "content/companies/asahi.md:7:1: error: link [[minato-seik]] does not match any page; did you mean [[minato-seiki]]?",
            "content/visits/2026/2026-10-01-asahi.md:1:1: warning: no 振り返り yet, 55 days after the visit",
            "content/visits/2026/2026-10-01-asahi.md:3:10: error: unknown company 'asahii'; did you mean 'Asahi', 'asahi'?",
            "content/visits/2026/2026-10-01-asahi.md:4:17: error: unknown person 'satoo'; did you mean 'sato'",
            "content/visits/2026/2026-10-01-asahi.md:6:9: error: unknown partner 'ip-centre'; did you mean 'ip-center'?",
            "content/visits/2026/2026-11-02-minato-seiki.md:4:13: error: invalid date 2026-02-30",
            "content/visits/2026/2026-12-24-minato-seiki.md:2:7: warning: visit date 2026-12-24 is after today (2026-11-25)",
            "content/visits/2026/2026-12-24-minato-seiki.md:4:7: error: 'kind' must be one of visit | call | event | matching, not '面談'",
        ]
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for prefix in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\n--- got:\n\(result.stdout)")
        }
        XCTAssertEqual(lines, lines.sorted { ($0.split(separator: ":")[0], Int($0.split(separator: ":")[1]) ?? 0) < ($1.split(separator: ":")[0], Int($1.split(separator: ":")[1]) ?? 0) }, "ordered by file and line")
        XCTAssertTrue(result.stderr.contains("densho: 8 errors, 4 warnings"), result.stdout + result.stderr)

        let json = try densho(["check", "--today", "2026-11-25", "--format", "json"], in: project)
        XCTAssertEqual(json.status, 1)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 8)
        XCTAssertEqual(object["warnings"] as? Int, 4)
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 12)
        let future = try XCTUnwrap(diagnostics.first { ($0["message"] as? String)?.hasPrefix("visit date 2026-12-24") == true })
        XCTAssertEqual(future["path"] as? String, "content/visits/2026/2026-12-24-minato-seiki.md")
        XCTAssertEqual(future["line"] as? Int, 2)
        XCTAssertEqual(future["column"] as? Int, 7)
        XCTAssertEqual(future["severity"] as? String, "warning")
        XCTAssertTrue(json.stdout.hasPrefix("{\"errors\":8,\"warnings\":4,\"diagnostics\":["), json.stdout)

        let build = try project.build()
        XCTAssertEqual(build.status, 1)
        for prefix in expected where prefix.contains(": error: ") {
            let location = prefix.components(separatedBy: ": error: ")[0]
            XCTAssertTrue(build.stderr.contains(project.content.path + location.dropFirst("content".count) + ": error: "), "build misses: \(prefix)\n\(build.stderr)")
        }
        XCTAssertTrue(build.stderr.contains("densho: 8 errors; nothing was written"), build.stderr)
    }

    func testCheckExitsZeroWithOnlyWarningsAndTwoOnUsageErrors() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/visits/2026/2026-11-01-minato-seiki.md", "---\ndate: 2026-11-01\ncompany: minato-seiki\nthemes: [人材確保]\n---\n")
        let result = try densho(["check", "--content", "content", "--today", "2026-11-25"], in: project)
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertEqual(result.stdout, """
        content/visits/2026/2026-11-01-minato-seiki.md:1:1: warning: no 振り返り yet, 24 days after the visit; add one with 'densho reflect content/visits/2026/2026-11-01-minato-seiki.md'
        content/visits/2026/2026-11-01-minato-seiki.md:4:10: warning: theme '人材確保' is not in site.yml's themes (add it there, or use one of them)

        """)
        XCTAssertEqual(try densho(["check", "--format", "xml"], in: project).status, 2)
        XCTAssertEqual(try densho(["check", "--today", "きょう"], in: project).status, 2)
        XCTAssertEqual(try densho(["check", "extra"], in: project).status, 2)
    }
}
