import Foundation
import FrontMatter
import XCTest
@testable import Site

/// 属人化, rotation readiness, stalled referrals, fiscal years and the report files, on Japanese
/// fixtures with the edges the issue names.
final class ReportsTests: XCTestCase {
    func testSinglePersonReadinessAndStalledReferrals() throws {
        let f = try Fixture.make([
            Fixture.company("solo", owner: "suzuki"),
            Fixture.company("pair", owner: "suzuki"),
            Fixture.company("old", owner: "suzuki"),
            Fixture.company("leaving", owner: "ogawa"),
            Fixture.company("leaving2", owner: "ogawa"),
            ("people/ogawa.md", "---\nname: 小川 三郎\nleft: 2027-03-31\nsuccessor: suzuki\n---\n"),
            Fixture.visit("2026-05-01", "solo", staff: "suzuki", extra: "referrals:\n  - to: ip\n    status: introduced\n"),
            Fixture.visit("2026-06-01", "pair", staff: "suzuki, ogawa", extra: "referrals:\n  - to: bank\n    status: proposed\n"),
            Fixture.visit("2026-09-01", "pair", staff: "suzuki", extra: "referrals:\n  - to: bank\n    status: in_progress\n"),
            Fixture.visit("2025-11-25", "old", staff: "suzuki"),          // exactly 365 days before: outside
            Fixture.visit("2026-02-01", "old", staff: "ogawa", extra: "referrals:\n  - to: ip\n    status: contracted\n"),
            Fixture.visit("2026-10-01", "leaving", staff: "ogawa"),
            Fixture.visit("2026-10-02", "leaving2", staff: "ogawa, suzuki"),
        ])
        defer { f.remove() }
        let index = f.index(today: "2026-11-25")
        func company(_ slug: String) throws -> Company { try XCTUnwrap(index.companiesBySlug[slug]) }
        XCTAssertEqual(index.staffInLastYear(of: try company("pair")), ["ogawa", "suzuki"])
        XCTAssertEqual(index.staffInLastYear(of: try company("old")), ["ogawa"], "a visit 365 days ago is outside the window")
        XCTAssertEqual(index.singlePersonCompanies().map(\.page.slug), ["leaving", "old", "solo"])
        // An announced rotation: the successor has visited leaving2 but not leaving.
        XCTAssertEqual(index.notYetVisitedBySuccessor(of: try XCTUnwrap(index.peopleByID["ogawa"])).map(\.page.slug), ["leaving"])
        // Stalled: open and last updated more than 90 days ago (solo: 208 days); pair moved 85 days ago; old is contracted.
        let stalled = index.stalledReferrals()
        XCTAssertEqual(stalled.map { "\($0.thread.company)→\($0.thread.partner) \($0.daysSinceUpdate)" }, ["solo→ip 208"])
        let pair = try XCTUnwrap(index.referralStates(of: try company("pair")).first)
        XCTAssertEqual(pair.thread.latest.status, .in_progress, "the latest entry by visit date")
        XCTAssertEqual(pair.lastUpdate.description, "2026-09-01")
        XCTAssertFalse(pair.stalled)
        // referral_stall_days from site.yml.
        let strict = try Fixture.make([Fixture.company("pair", owner: "suzuki"),
                                       Fixture.visit("2026-09-01", "pair", staff: "suzuki", extra: "referrals:\n  - to: bank\n    status: in_progress\n")],
                                      site: "title: t\nreferral_stall_days: 30\n")
        defer { strict.remove() }
        XCTAssertEqual(strict.index(today: "2026-11-25").stalledReferrals().count, 1)
    }

    func testFiscalYearBoundaryOnMarch31AndApril1() throws {
        let f = try Fixture.make([
            Fixture.company("a", owner: "suzuki"),
            Fixture.company("b", owner: "suzuki", extra: "themes: [知財活用]\n"),
            Fixture.visit("2025-03-31", "a", staff: "suzuki", extra: "kind: call\nthemes: [知財活用]\nreferrals:\n  - to: ip\n    status: introduced\n"),
            Fixture.visit("2025-04-01", "a", staff: "suzuki", extra: "themes: [知財活用, 海外展開]\nreferrals:\n  - to: ip\n    status: contracted\n"),
            Fixture.visit("2026-03-31", "b", staff: "suzuki", extra: "kind: matching\nreferrals:\n  - to: ip\n    status: productized\n  - to: bank\n    status: proposed\n"),
            Fixture.visit("2026-04-01", "b", staff: "suzuki"),
        ])
        defer { f.remove() }
        let index = f.index(today: "2026-11-25")
        XCTAssertEqual(index.fiscalYears().map(\.year), [2024, 2025, 2026])
        let fy2024 = index.fiscalYear(2024)
        XCTAssertEqual("\(fy2024.from)…\(fy2024.to)", "2024-04-01…2025-03-31")
        XCTAssertEqual(fy2024.visits, 1)
        let fy = index.fiscalYear(2025)
        XCTAssertEqual("\(fy.from)…\(fy.to)", "2025-04-01…2026-03-31")
        XCTAssertEqual(fy.visits, 2, "04-01 and 03-31 of the next calendar year")
        XCTAssertEqual(fy.companiesVisited, 2)
        XCTAssertEqual(fy.byKind.map { "\($0.kind.rawValue)=\($0.count)" }, ["visit=1", "call=0", "event=0", "matching=1"])
        XCTAssertEqual(fy.byTheme.map { "\($0.theme)=\($0.count)" }, ["海外展開=1", "知財活用=1"])
        XCTAssertEqual(fy.referralsByPartner.map { "\($0.partner):" + $0.statuses.map { "\($0.status.rawValue)=\($0.count)" }.joined(separator: ",") },
                       ["bank:proposed=1", "ip:contracted=1,productized=1"])
        XCTAssertEqual(fy.contracts, 2, "a (contracted 2025-04-01) and b (productized counts as contracted too)")
        XCTAssertEqual(fy.productizations, 1)
        XCTAssertEqual(fy.asOf.description, "2026-03-31")
        XCTAssertEqual(index.fiscalYear(2026).asOf.description, "2026-11-25", "the running year counts up to today")
        // fiscal_year_start: 1 makes fiscal years calendar years.
        let calendar = try Fixture.make([Fixture.company("a", owner: "suzuki"), Fixture.visit("2025-03-31", "a", staff: "suzuki")],
                                        site: "title: t\nfiscal_year_start: 1\n")
        defer { calendar.remove() }
        XCTAssertEqual(calendar.index(today: "2025-06-01").fiscalYear(2025).to.description, "2025-12-31")
    }

    func testKPIFileIsUTF8WithBOMAndQuotesWhatExcelNeeds() throws {
        let f = try Fixture.make([
            ("companies/a.md", "---\nname: 株式会社A\nowner: suzuki\n---\n"),
            ("partners/ip.md", "---\nname: 知財センター, \"本部\"\n---\n"),
            Fixture.visit("2026-05-01", "a", staff: "suzuki", extra: "themes: [=危険]\nreferrals:\n  - to: ip\n    status: introduced\n"),
        ])
        defer { f.remove() }
        let index = f.index(today: "2026-11-25")
        let data = KPIFile.data(index.fiscalYear(2026), index: index, label: { $0 })
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.contains("kpi_referrals,\"知財センター, \"\"本部\"\"\",status_introduced,1\r\n"), text)
        XCTAssertTrue(text.contains("kpi_by_theme,'=危険,,1\r\n"), "a leading = is never a formula")
        XCTAssertTrue(text.contains("kpi_visits,kpi_visits_total,,1\r\n"))
    }

    func testCalendarFoldsLongJapaneseLinesAt75OctetsWithoutSplittingACharacter() throws {
        let long = "試作品の評価結果を取りまとめて、県の産業技術センターと信用金庫の担当者に共有し、次回の打ち合わせ日程を決める"
        let f = try Fixture.make([
            Fixture.company("a", owner: "suzuki"),
            Fixture.visit("2026-11-20", "a", staff: "suzuki", extra: "next_visit: 2026-12-10\n",
                          body: "## 次の一手\n- [ ] \(long) 期限 2026-11-25\n- [ ] 期限なしの約束\n- [x] 済み 📅 2026-12-01\n"),
        ])
        defer { f.remove() }
        let index = f.index(today: "2026-11-25")
        let ics = CalendarFile.data(index, label: { $0 })
        let text = String(decoding: ics, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        // Every physical line is at most 75 octets and valid UTF-8 on its own.
        var lines: [[UInt8]] = [[]]
        let bytes = [UInt8](ics)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 { lines.append([]); i += 2; continue }
            lines[lines.count - 1].append(bytes[i]); i += 1
        }
        for line in lines {
            XCTAssertLessThanOrEqual(line.count, 75)
            XCTAssertNotNil(String(validatingUTF8: line.map { CChar(bitPattern: $0) } + [0]), "a fold split a character")
        }
        // Unfolded, the SUMMARY holds the company name and the whole promise.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(unfolded.contains("SUMMARY:ics_promise: 株式会社a — \(long) 期限 2026-11-25\r\n"), unfolded)
        XCTAssertTrue(unfolded.contains("DTSTART;VALUE=DATE:20261125\r\nDTEND;VALUE=DATE:20261126\r\n"), "due today is still on the calendar")
        XCTAssertTrue(unfolded.contains("DTSTART;VALUE=DATE:20261210\r\n"), "the upcoming next_visit")
        XCTAssertEqual(unfolded.components(separatedBy: "BEGIN:VEVENT").count - 1, 2, "no event for a promise without a due date or one ticked")
        // UIDs are stable from build to build.
        XCTAssertEqual(CalendarFile.data(f.index(today: "2026-11-25"), label: { $0 }), ics)
        XCTAssertEqual(CalendarFile.fold(String(repeating: "あ", count: 30)).count, 90 + 3 + 2, "30 × 3 octets: 25 on the first line (75), 5 after the folding space")
    }
}
