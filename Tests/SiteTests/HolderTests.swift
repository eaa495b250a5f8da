import Foundation
import FrontMatter
import XCTest
@testable import Site

/// The holder rule and the promise ledger that follows it, on small Japanese fixtures.
final class HolderTests: XCTestCase {
    func testHolderFollowsSuccessorsDownTheChainOnceEachHasLeft() throws {
        let f = try Fixture.make([
            Fixture.company("a"),                                   // tanaka left 2026-03-31 → suzuki
            Fixture.company("b", owner: "yamada"),                  // yamada → kimura (also left) → suzuki
            Fixture.company("c", owner: "ogawa"),                   // ogawa leaves in the future: still holds
            Fixture.company("d", owner: "loop1"),                   // loop1 ↔ loop2, both left
            ("people/yamada.md", "---\nname: 山田 一郎\nleft: 2024-03-31\nsuccessor: kimura\n---\n"),
            ("people/kimura.md", "---\nname: 木村 二郎\nleft: 2025-09-30\nsuccessor: suzuki\n---\n"),
            ("people/ogawa.md", "---\nname: 小川 三郎\nleft: 2027-03-31\nsuccessor: suzuki\n---\n"),
            ("people/loop1.md", "---\nname: 環 一\nleft: 2025-03-31\nsuccessor: loop2\n---\n"),
            ("people/loop2.md", "---\nname: 環 二\nleft: 2025-03-31\nsuccessor: loop1\n---\n"),
        ])
        defer { f.remove() }
        let index = f.index(today: "2026-11-25")
        func chain(_ slug: String) -> [String] { index.holders.chains[slug] ?? [] }
        XCTAssertEqual(chain("a"), ["tanaka", "suzuki"])
        XCTAssertEqual(chain("b"), ["yamada", "kimura", "suzuki"], "a successor who also left hands on to theirs")
        XCTAssertEqual(chain("c"), ["ogawa"], "an announced rotation has not happened yet")
        XCTAssertEqual(chain("d"), ["loop1", "loop2"], "a loop stops at the first person seen again")
        let suzuki = try XCTUnwrap(index.peopleByID["suzuki"])
        XCTAssertEqual(index.companiesHeld(by: suzuki).map(\.page.slug), ["a", "b"])
        XCTAssertEqual(index.holders.inheritedFrom(try XCTUnwrap(index.companiesBySlug["b"])), "yamada")
        XCTAssertEqual(Set(index.inheritedPackets(of: suzuki).map(\.page.slug)), ["tanaka", "yamada", "kimura"])
        // The packets of everyone in the chain list the company; of someone leaving later, what they hold.
        XCTAssertEqual(index.handoverCompanies(of: try XCTUnwrap(index.peopleByID["kimura"])).map(\.page.slug), ["b"])
        XCTAssertEqual(index.handoverCompanies(of: try XCTUnwrap(index.peopleByID["ogawa"])).map(\.page.slug), ["c"])

        // The day of leaving counts as left (the same rule `densho new visit` uses for its date).
        let onTheDay = f.index(today: "2026-03-31")
        XCTAssertEqual(onTheDay.holders.chains["a"], ["tanaka", "suzuki"])
        XCTAssertEqual(f.index(today: "2026-03-30").holders.chains["a"], ["tanaka"])
    }

    func testPromiseNotationReadsOwnersAndEveryDueDateForm() {
        func read(_ text: String) -> (String?, String?, Int) {
            let n = PromiseNotation(text)
            return (n.owner, n.due?.description, n.problems.count)
        }
        XCTAssertEqual(read("特許資料を送る @suzuki 期限 2026-12-15").0, "suzuki")
        XCTAssertEqual(read("特許資料を送る @suzuki 期限 2026-12-15").1, "2026-12-15")
        XCTAssertEqual(read("見積りを確認 期限:2026-12-01").1, "2026-12-01")
        XCTAssertEqual(read("見積りを確認 期限：２０２６－１２－０２").1, "2026-12-02", "full-width colon and digits")
        XCTAssertEqual(read("見積りを確認 📅 2026-12-03").1, "2026-12-03")
        XCTAssertEqual(read("＠中村 に開放特許を聞く").0, "中村", "full-width @ and a Japanese id")
        XCTAssertEqual(read("補助金の期限を確認する").2, 0, "期限 in running text is no notation")
        XCTAssertNil(read("tanaka@example.jp に送る").0, "an e-mail address names no owner")
        XCTAssertEqual(read("送る 期限 2026-13-40").2, 1, "an impossible date is a problem")
        XCTAssertNil(read("送る 期限 2026-13-40").1)
        XCTAssertEqual(read("送る 📅 来週").2, 1)
        XCTAssertEqual(read("送る @ だれか").2, 1)
    }

    func testLedgerFollowsTheHolderAndPutsOverdueFirst() throws {
        let f = try Fixture.make([
            Fixture.company("a"),
            Fixture.company("b", owner: "suzuki"),
            Fixture.visit("2026-01-10", "a", body: "## 次の一手\n- [ ] 田中さんの約束 期限 2026-02-01\n- [ ] 今日が期限 📅 2026-06-01\n- [ ] 期限なし\n"),
            Fixture.visit("2026-05-01", "b", staff: "suzuki", body: "## 次の一手\n- [ ] 中村さんへ依頼 @nakamura 期限：2026-05-20\n- [ ] 鈴木の約束 期限:2026-07-01\n"),
            ("people/nakamura.md", "---\nname: 中村 亮\n---\n"),
        ])
        defer { f.remove() }
        let index = f.index(today: "2026-06-01")
        let suzuki = try XCTUnwrap(index.peopleByID["suzuki"])
        let ledger = index.openPromises(of: suzuki)
        XCTAssertEqual(ledger.map(\.text), ["田中さんの約束 期限 2026-02-01", "中村さんへ依頼 @nakamura 期限：2026-05-20",
                                            "今日が期限 📅 2026-06-01", "鈴木の約束 期限:2026-07-01", "期限なし"],
                       "overdue first (most overdue first), then due soonest, then the rest; the inherited company's promises too")
        XCTAssertEqual(ledger.filter { $0.isOverdue(today: index.today) }.count, 2, "a promise due today is not overdue")
        XCTAssertEqual(ledger[0].owner, "tanaka", "without @, the visit's first staff member owes it")
        let nakamura = try XCTUnwrap(index.peopleByID["nakamura"])
        XCTAssertEqual(index.openPromises(of: nakamura).map(\.text), ["中村さんへ依頼 @nakamura 期限：2026-05-20"],
                       "a promise named @nakamura is on their ledger though they were not on the visit")
        XCTAssertEqual(index.overduePromises().count, 2)
    }
}
