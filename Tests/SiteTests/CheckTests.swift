import Foundation
import FrontMatter
import XCTest
@testable import Site

/// `densho check`'s own warnings (ContentCheck) and the duplicate-slug errors `load` reports,
/// each at its exact place.
final class CheckTests: XCTestCase {
    func check(_ f: Fixture, today: String) -> [String] {
        ContentCheck.run(content: f.root, displayPath: "content", today: CalendarDate(today)!).map(\.description)
    }

    func warnings(_ f: Fixture, today: String) -> [String] {
        let loaded = f.load()
        return ContentCheck.warnings(for: loaded, content: f.root, displayPath: "content", today: CalendarDate(today)!).map(\.description)
    }

    func testVisitsOlderThanAWeekNeedARealReflection() throws {
        let noHeading = "## 見立て\n所見。\n"
        let emptyHeading = "## 見立て\n所見。\n\n## 振り返り\n"
        let unanswered = "## 見立て\n所見。\n\n## 振り返り (2026-11-12)\n\n- うまくいったこと：\n- 次に変えること：\n- 後任に引き継ぐべきこと：\n"
        let answered = "## 見立て\n所見。\n\n## 振り返り (2026-11-12)\n\n- うまくいったこと：社長と話せた\n- 次に変えること：\n"
        let f = try Fixture.make([
            Fixture.company("a"),
            Fixture.visit("2026-11-10", "a", staff: "suzuki", body: noHeading),
            Fixture.visit("2026-11-11", "a", staff: "suzuki", body: emptyHeading),
            Fixture.visit("2026-11-12", "a", staff: "suzuki", body: unanswered),
            Fixture.visit("2026-11-13", "a", staff: "suzuki", body: answered),
            Fixture.visit("2026-11-18", "a", staff: "suzuki", body: noHeading),   // exactly 7 days: still in the grace week
            Fixture.visit("2026-11-20", "a", staff: "suzuki", body: noHeading),
        ])
        defer { f.remove() }
        XCTAssertEqual(warnings(f, today: "2026-11-25"), [
            "content/visits/2026/2026-11-10-a.md:1:1: warning: no 振り返り yet, 15 days after the visit; add one with 'densho reflect content/visits/2026/2026-11-10-a.md'",
            // What is missing is said: the empty section, or the prompts still waiting for answers.
            "content/visits/2026/2026-11-11-a.md:9:1: warning: 振り返り is still empty, 14 days after the visit; 'densho reflect content/visits/2026/2026-11-11-a.md' writes the prompts under it to answer",
            "content/visits/2026/2026-11-12-a.md:9:1: warning: 振り返り prompts are unanswered, 13 days after the visit: 'うまくいったこと', '次に変えること', '後任に引き継ぐべきこと'; write each answer after its colon",
        ])
    }

    func testFutureVisitDateIsAWarningAtTheValueButNextVisitIsNot() throws {
        let f = try Fixture.make([
            Fixture.company("a"),
            ("visits/2026/2026-12-01-a.md", "---\n# 予定\ndate:   2026-12-01\ncompany: a\nnext_visit: 2027-02-01\n---\n## 振り返り\nまだ。\n"),
            Fixture.visit("2026-11-25", "a", staff: "suzuki", extra: "next_visit: 2027-01-10\n"),
        ])
        defer { f.remove() }
        XCTAssertEqual(warnings(f, today: "2026-11-25"), [
            "content/visits/2026/2026-12-01-a.md:3:9: warning: visit date 2026-12-01 is after today (2026-11-25); a planned visit belongs in 'next_visit'",
        ])
    }

    func testThemesOutsideTheVocabularyAreWarningsWithSuggestions() throws {
        let site = "title: t\nthemes: [知財活用, 海外展開, DX]\n"
        let f = try Fixture.make([
            Fixture.company("a", extra: "themes: [知財活用, ＤＸ]\n"),
            Fixture.visit("2026-11-20", "a", staff: "suzuki", extra: "themes:\n  - 海外展開\n  - 知財\n  - 人材確保\n"),
            ("playbooks/p.md", "---\ntitle: てびき\nthemes: 関係構築\n---\n"),
        ], site: site)
        defer { f.remove() }
        XCTAssertEqual(warnings(f, today: "2026-11-25"), [
            "content/companies/a.md:4:16: warning: theme 'ＤＸ' is not in site.yml's themes; did you mean 'DX' (full-width and half-width forms differ)?",
            "content/playbooks/p.md:3:9: warning: theme '関係構築' is not in site.yml's themes (add it there, or use one of them)",
            "content/visits/2026/2026-11-20-a.md:7:5: warning: theme '知財' is not in site.yml's themes; did you mean '知財活用'?",
            "content/visits/2026/2026-11-20-a.md:8:5: warning: theme '人材確保' is not in site.yml's themes (add it there, or use one of them)",
        ].sorted())
    }

    func testNoVocabularyMeansAnyTheme() throws {
        let f = try Fixture.make([Fixture.company("a", extra: "themes: [何でも]\n")])
        defer { f.remove() }
        XCTAssertEqual(warnings(f, today: "2026-11-25"), [])
    }

    func testOwnersWhoLeftWithNoSuccessor() throws {
        var entries = [
            Fixture.company("held-by-sato", owner: "sato"),                        // sato left, no successor
            Fixture.company("held-by-tanaka", owner: "tanaka"),                    // tanaka → suzuki, still here
            Fixture.company("held-by-kato", owner: "kato"),                        // kato → sato, who left too
            Fixture.company("closed-by-sato", owner: "sato", extra: "status: closed\n"),
            Fixture.company("held-by-ito", owner: "ito"),                          // leaves next year
        ]
        entries.append(("people/kato.md", "---\nname: 加藤\nleft: 2024-03-31\nsuccessor: sato\n---\n"))
        entries.append(("people/ito.md", "---\nname: 伊藤\nleft: 2027-03-31\n---\n"))
        let f = try Fixture.make(entries)
        defer { f.remove() }
        XCTAssertEqual(warnings(f, today: "2026-11-25"), [
            "content/companies/held-by-ito.md:3:8: warning: owner 'ito' leaves on 2027-03-31 with no successor; set 'successor:' in content/people/ito.md or a new 'owner' here",
            "content/companies/held-by-kato.md:3:8: warning: owner 'kato' → successor 'sato' left on 2025-03-31 with no successor; set 'successor:' in content/people/sato.md or a new 'owner' here",
            "content/companies/held-by-sato.md:3:8: warning: owner 'sato' left on 2025-03-31 with no successor; set 'successor:' in content/people/sato.md or a new 'owner' here",
        ])
    }

    func testSuccessorsThatLoopAreReported() throws {
        let f = try Fixture.make([
            Fixture.company("a", owner: "kato"),
            ("people/kato.md", "---\nname: 加藤\nleft: 2024-03-31\nsuccessor: mori\n---\n"),
            ("people/mori.md", "---\nname: 森\nleft: 2025-03-31\nsuccessor: kato\n---\n"),
        ])
        defer { f.remove() }
        XCTAssertEqual(warnings(f, today: "2026-11-25").count, 1)
        XCTAssertTrue(warnings(f, today: "2026-11-25")[0].hasPrefix("content/companies/a.md:3:8: warning: owner 'kato' → successor 'mori' left on 2025-03-31"))
    }

    func testSlugsDifferingOnlyInCaseOrUnicodeFormAreErrorsInLoad() throws {
        let composed = "ガス"                                   // ガ as one code point
        let decomposed = "カ\u{3099}ス"                          // カ + combining dakuten, as macOS writes names
        XCTAssertNotEqual(Array(composed.unicodeScalars), Array(decomposed.unicodeScalars))
        let f = try Fixture.make([Fixture.company("minato"), Fixture.company("Minato"), Fixture.company(composed)])
        defer { f.remove() }
        // Written apart: as Swift strings the two names are equal, so one dictionary cannot hold both.
        try Data(Fixture.company(decomposed).1.utf8).write(to: f.root.appendingPathComponent("companies/\(decomposed).md"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: f.root.appendingPathComponent("companies").path).count, 4)
        let loaded = f.load()
        XCTAssertTrue(loaded.hasErrors)
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertEqual(errors.count, 2, "\(errors)")
        XCTAssertTrue(errors.contains("content/companies/minato.md:1:1: error: duplicate company 'minato': content/companies/Minato.md has a slug that differs only in letter case or Unicode form, and both would become companies/Minato.html; rename one"), "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("error: duplicate company 'ガス'") && $0.contains("differs only in letter case or Unicode form") }, "\(errors)")
    }

    func testTheSameVisitNameInTwoYearFoldersIsADuplicate() throws {
        let f = try Fixture.make([
            Fixture.company("a"),
            Fixture.visit("2026-03-01", "a"),
            ("visits/2025/2026-03-01-a.md", "---\ndate: 2026-03-01\ncompany: a\n---\n## 振り返り\n済み。\n"),
        ])
        defer { f.remove() }
        let errors = f.load().diagnostics.map(\.description)
        XCTAssertTrue(errors.contains("content/visits/2026/2026-03-01-a.md:1:1: error: duplicate visit '2026-03-01-a': content/visits/2025/2026-03-01-a.md has the same slug, and both would become visits/2026/2026-03-01-a.html; rename one"), "\(errors)")
    }

    func testTheSameSlugInTwoKindsIsAWarning() throws {
        let f = try Fixture.make([Fixture.company("suzuki")])
        defer { f.remove() }
        XCTAssertEqual(warnings(f, today: "2026-11-25"), [
            "content/people/suzuki.md:1:1: warning: slug 'suzuki' is also used by content/companies/suzuki.md; link to these with [[people/suzuki]] or [[companies/suzuki]], since [[suzuki]] is ambiguous",
        ])
    }

    func testCheckReportsLoadErrorsAndItsOwnWarningsTogetherInOrder() throws {
        let f = try Fixture.make([
            Fixture.company("a", extra: "status: open\n"),
            Fixture.visit("2026-10-01", "b", staff: "suzuki", body: "## 見立て\n[[存在しない会社]]を参照。\n", ),
            ("visits/2026/2026-10-02-a.md", "---\ndate: 2026-10-02\ncompany: a\nkind: 面談\nnext_visit: 2026年12月\n---\n## 振り返り\n済み。\n"),
            ("visits/2026/2026-10-03-a.md", "---\ndate: 2026-10-03\ncompany: a\nnext_visit: 2026-13-01\n---\n"),
        ])
        defer { f.remove() }
        XCTAssertEqual(check(f, today: "2026-11-25"), [
            "content/companies/a.md:4:9: error: 'status' must be one of active | dormant | closed, not 'open'",
            "content/visits/2026/2026-10-01-b.md:1:1: warning: no 振り返り yet, 55 days after the visit; add one with 'densho reflect content/visits/2026/2026-10-01-b.md'",
            "content/visits/2026/2026-10-01-b.md:3:10: error: unknown company 'b'; did you mean 'a'?",
            "content/visits/2026/2026-10-01-b.md:7:1: error: link [[存在しない会社]] does not match any page",
            "content/visits/2026/2026-10-02-a.md:4:7: error: 'kind' must be one of visit | call | event | matching, not '面談'",
            "content/visits/2026/2026-10-02-a.md:5:13: error: 'next_visit' must be a date written YYYY-MM-DD",
            "content/visits/2026/2026-10-03-a.md:4:13: error: invalid date 2026-13-01: month must be 01-12",
        ])
    }
}
