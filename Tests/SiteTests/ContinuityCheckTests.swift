import Foundation
import FrontMatter
import XCTest
@testable import Site

/// The located checks of issue #12: staff after they left, next_visit before the visit, two
/// companies with one name, promise notation that does not read.
final class ContinuityCheckTests: XCTestCase {
    func warnings(_ f: Fixture, today: String = "2026-11-25") -> [String] {
        ContentCheck.warnings(for: f.load(), content: f.root, displayPath: "content", today: CalendarDate(today)!).map(\.description)
    }

    func testStaffAfterTheirLeftDayIsAWarningAtTheName() throws {
        let f = try Fixture.make([
            Fixture.company("a", owner: "suzuki"),
            Fixture.visit("2026-03-31", "a", staff: "suzuki, tanaka"),   // the last day: still here
            Fixture.visit("2026-04-01", "a", staff: "suzuki, tanaka"),
        ])
        defer { f.remove() }
        XCTAssertEqual(warnings(f).filter { $0.contains("left on") }, [
            "content/visits/2026/2026-04-01-a.md:4:17: warning: 'tanaka' left on 2026-03-31 but is staff on this visit of 2026-04-01; their successor is 'suzuki'",
        ])
    }

    func testNextVisitBeforeTheVisitIsAWarningAtTheValue() throws {
        let f = try Fixture.make([
            Fixture.company("a", owner: "suzuki"),
            Fixture.visit("2026-10-01", "a", staff: "suzuki", extra: "next_visit: 2025-12-01\n"),
            Fixture.visit("2026-10-02", "a", staff: "suzuki", extra: "next_visit: 2026-10-02\n"),
        ])
        defer { f.remove() }
        XCTAssertEqual(warnings(f), [
            "content/visits/2026/2026-10-01-a.md:5:13: warning: next_visit 2025-12-01 is before the visit itself (2026-10-01); a typo in the year or month?",
        ])
    }

    func testTwoCompaniesWithOneNameEvenInOtherWidths() throws {
        let f = try Fixture.make([
            ("companies/a.md", "---\nname: 株式会社ＡＢＣ精機\nowner: suzuki\n---\n"),
            ("companies/b.md", "---\nname: 株式会社ABC 精機\nowner: suzuki\n---\n"),
            ("companies/c.md", "---\nname: 株式会社ABC工業\nowner: suzuki\n---\n"),
        ])
        defer { f.remove() }
        XCTAssertEqual(warnings(f), [
            "content/companies/b.md:2:7: warning: company name '株式会社ABC 精機' is also the name of content/companies/a.md; two records of one company split its history (merge them), and [[株式会社ABC 精機]] cannot tell them apart",
        ])
    }

    func testPromiseOwnersAndDueDatesThatDoNotRead() throws {
        let body = """
        ## 次の一手
        - [ ] 資料を送る @suzuki 期限 2026-12-15
        - [ ] 見積りを確認 @suzuky
        - [ ] 特許を探す 期限：2026-02-30
        - [ ] 連絡する 📅 来週
        - [x] 済んだこと 期限:12/1
        - [ ] 補助金の期限を確認する
        """
        let f = try Fixture.make([Fixture.company("a", owner: "suzuki"), Fixture.visit("2026-11-20", "a", staff: "suzuki", body: body + "\n## 振り返り\n済み。\n")])
        defer { f.remove() }
        XCTAssertEqual(warnings(f), [
            "content/visits/2026/2026-11-20-a.md:8:1: warning: promise owner '@suzuky' is not a person in content/people/; did you mean '@suzuki'?",
            "content/visits/2026/2026-11-20-a.md:9:1: warning: due date after '期限' should be YYYY-MM-DD (e.g. 期限 2026-12-15), found '2026-02-30'",
            "content/visits/2026/2026-11-20-a.md:10:1: warning: due date after '📅' should be YYYY-MM-DD (e.g. 📅 2026-12-15), found nothing",
            "content/visits/2026/2026-11-20-a.md:11:1: warning: due date after '期限' should be YYYY-MM-DD (e.g. 期限 2026-12-15), found '12/1'",
        ])
    }
}
