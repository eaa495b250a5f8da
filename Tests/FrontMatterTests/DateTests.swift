import XCTest
import FrontMatter

final class DateTests: XCTestCase {
    func testParsingAndDescription() {
        XCTAssertEqual(CalendarDate("2026-10-14")?.description, "2026-10-14")
        XCTAssertEqual(CalendarDate("0987-01-02")?.description, "0987-01-02")
        XCTAssertNil(CalendarDate("2026-02-30"))
        XCTAssertNil(CalendarDate("2026-2-3"))
        XCTAssertNil(CalendarDate("２０２６-10-14"))
        XCTAssertNil(CalendarDate("2026-10-14 "))
        XCTAssertNotNil(CalendarDate("2024-02-29"))
        XCTAssertNil(CalendarDate("2100-02-29"))
    }

    func testDayArithmetic() throws {
        let epoch = try XCTUnwrap(CalendarDate("1970-01-01"))
        XCTAssertEqual(epoch.daysSinceEpoch, 0)
        XCTAssertEqual(CalendarDate("2000-03-01")?.daysSinceEpoch, 11_017)
        XCTAssertEqual(CalendarDate("1969-12-31")?.daysSinceEpoch, -1)
        let visit = try XCTUnwrap(CalendarDate("2026-10-14"))
        XCTAssertEqual(visit.adding(days: 48).description, "2026-12-01")
        XCTAssertEqual(visit.adding(days: -365).description, "2025-10-14")
        XCTAssertEqual(CalendarDate("2024-02-28")?.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(CalendarDate("2023-02-28")?.adding(days: 1).description, "2023-03-01")
        XCTAssertEqual(visit.days(until: try XCTUnwrap(CalendarDate("2027-01-12"))), 90)
    }

    func testRoundTripOverFourCenturies() {
        var date = CalendarDate(year: 1899, month: 12, day: 31)!
        var days = date.daysSinceEpoch
        var mismatches: [String] = []
        for _ in 0..<(400 * 366) {
            let next = date.adding(days: 1)
            if next.daysSinceEpoch != days + 1 || CalendarDate(year: next.year, month: next.month, day: next.day) == nil
                || !(date < next) {
                mismatches.append(next.description)
            }
            date = next
            days += 1
        }
        XCTAssertEqual(mismatches, [])
        XCTAssertEqual(date.description, "2300-10-30")
    }
}
