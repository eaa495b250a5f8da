import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Site

final class ViewsTests: XCTestCase {
    func testOpenPromisesFollowTheCompanyUntilTickedInALaterVisit() throws {
        let f = try Fixture.make([
            Fixture.company("a"),
            Fixture.visit("2026-01-10", "a", body: "## 次の一手\n- [ ] 特許資料を送る\n- [ ] 信金に共有\n- [x] 名刺を渡す\n"),
            Fixture.visit("2026-03-01", "a", body: "## 次の一手\n- [x] 特許資料を送る\n- [ ] 見積もりを依頼\n"),
            Fixture.visit("2026-05-01", "a", body: "## 次の一手\n- [ ]  信金に　共有\n"),
        ])
        defer { f.remove() }
        let index = f.index(today: "2026-06-01")
        let promises = index.openPromises(of: try XCTUnwrap(index.companiesBySlug["a"]))
        XCTAssertEqual(promises.map(\.text), ["見積もりを依頼", "信金に　共有"])
        XCTAssertEqual(promises.map { $0.visit.date.description }, ["2026-03-01", "2026-05-01"], "each links to the visit it came from")
    }

    func testRadarOrdersOverdueByDaysAndFindsTheRest() throws {
        let f = try Fixture.make([
            Fixture.company("a"),                                  // cadence 90 (site default)
            Fixture.company("b", extra: "cadence_days: 30\n"),
            Fixture.company("c"),
            Fixture.company("never", owner: "suzuki"),
            Fixture.company("sleepy", extra: "status: dormant\n"),
            Fixture.company("orphan", owner: "sato"),
            Fixture.visit("2026-06-01", "a"),                       // 177 days before 2026-11-25 → 87 over
            Fixture.visit("2026-10-01", "b"),                       // 55 days → 25 over
            Fixture.visit("2026-11-01", "c", body: "## 見立て\n振り返りなし\n"),   // 24 days, within cadence; no reflection
            Fixture.visit("2026-11-20", "orphan", staff: "suzuki", body: "## 見立て\nまだ新しい\n"),  // 5 days: not yet due
            Fixture.visit("2020-01-01", "sleepy"),
        ])
        defer { f.remove() }
        let radar = Radar(f.index(today: "2026-11-25"))
        XCTAssertEqual(radar.overdue.map(\.company.page.slug), ["a", "b"])
        XCTAssertEqual(radar.overdue.map(\.daysSince), [177, 55])
        XCTAssertEqual(radar.overdue.map(\.daysOverdue), [87, 25])
        XCTAssertEqual(radar.neverVisited.map(\.page.slug), ["never"])
        XCTAssertEqual(radar.missingReflection.map(\.page.slug), ["2026-11-01-c"])
        XCTAssertEqual(radar.orphaned.map(\.company.page.slug), ["orphan"])
    }

    func testFunnelCountsEachReferralOnceAtItsLatestStatus() throws {
        func ref(_ to: String, _ status: String) -> String { "referrals:\n  - to: \(to)\n    status: \(status)\n" }
        let f = try Fixture.make([
            Fixture.company("a"), Fixture.company("b"), Fixture.company("c"),
            Fixture.visit("2025-01-10", "a", extra: ref("ip", "introduced")),
            Fixture.visit("2025-05-10", "a", extra: ref("ip", "contracted")),
            Fixture.visit("2025-02-10", "b", extra: ref("ip", "productized")),
            Fixture.visit("2025-03-10", "c", extra: ref("ip", "declined")),
            Fixture.visit("2025-03-11", "c", extra: ref("bank", "proposed")),
        ])
        defer { f.remove() }
        let funnel = Funnel(f.index(today: "2026-01-01"))
        let ip = try XCTUnwrap(funnel.rows.first { $0.partner == "ip" })
        XCTAssertEqual(ip.total, 3)
        XCTAssertEqual(ip.reached[.introduced], 2)
        XCTAssertEqual(ip.reached[.contracted], 2)
        XCTAssertEqual(ip.reached[.productized], 1)
        XCTAssertEqual(ip.declinedOrClosed, 1)
        XCTAssertEqual(funnel.totals.total, 4)
        XCTAssertEqual(funnel.totals.reached[.proposed], 3)
    }

    func testChartsAreWellFormedXMLAndEscapeLabels() throws {
        let svg = Charts.funnel(stages: [("提案 <&>", 3), ("契約", 1)], title: "\"支援\" & <機関>")
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertFalse(svg.contains("<機関>"))
    }
}
