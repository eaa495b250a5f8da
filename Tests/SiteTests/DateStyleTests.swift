import FrontMatter
import XCTest
@testable import Site

/// `date_style`: how pages write a day, with the era boundaries of the wareki style.
final class DateStyleTests: XCTestCase {
    func day(_ iso: String) -> CalendarDate { CalendarDate(iso)! }

    func testISOAndJapanese() {
        XCTAssertEqual(DateStyle.iso.format(day("2026-12-02")), "2026-12-02")
        XCTAssertEqual(DateStyle.japanese.format(day("2026-12-02")), "2026年12月2日")
        XCTAssertEqual(DateStyle.japanese.format(day("2026-01-20")), "2026年1月20日")
    }

    func testWarekiAcrossEveryEraBoundary() {
        let cases: [(String, String)] = [
            ("2026-12-02", "令和8年12月2日"),
            ("2019-04-30", "平成31年4月30日"), ("2019-05-01", "令和元年5月1日"), ("2020-01-01", "令和2年1月1日"),
            ("1989-01-07", "昭和64年1月7日"), ("1989-01-08", "平成元年1月8日"), ("1990-01-01", "平成2年1月1日"),
            ("1926-12-24", "大正15年12月24日"), ("1926-12-25", "昭和元年12月25日"), ("1927-01-01", "昭和2年1月1日"),
            ("1912-07-29", "明治45年7月29日"), ("1912-07-30", "大正元年7月30日"),
            ("1873-01-01", "明治6年1月1日"),
        ]
        for (iso, expected) in cases { XCTAssertEqual(DateStyle.wareki.format(day(iso)), expected, iso) }
    }

    func testDaysBeforeTheGregorianCalendarInJapanAreWrittenInTheWesternYear() {
        XCTAssertEqual(DateStyle.wareki.format(day("1872-12-31")), "1872年12月31日")
    }

    func testSiteYmlReadsTheStyleAndNamesTheChoicesForAnUnknownOne() throws {
        let fixture = try Fixture.make([], site: "title: t\ndate_style: wareki\n")
        defer { fixture.remove() }
        XCTAssertEqual(fixture.load().model.config.dateStyle, .wareki)
        let wrong = try Fixture.make([], site: "title: t\ndate_style: heisei\n")
        defer { wrong.remove() }
        let messages = wrong.load().diagnostics.map(\.description).joined(separator: "\n")
        XCTAssertTrue(messages.contains("site.yml:2:13"), messages)
        XCTAssertTrue(messages.contains("iso | japanese | wareki"), messages)
    }
}
