import XCTest
@testable import Site

/// What reaches the terminal: every kind shown up to 1,000 times, the rest counted; quoted names
/// never carry a control, a line separator or a bidi override raw.
final class DiagnosticReportTests: XCTestCase {
    func testBeyondTheFirstThousandOfOneKindAreCounted() {
        var list = DiagnosticList()
        for i in 0..<2500 { list.error("content/visits/2026/a.md", i + 1, 1, "link [[nosuch-\(i)]] does not match any page") }
        for i in 0..<3 { list.warning("content/companies/c\(i).md", 2, 8, "unknown field 'x\(i)' is ignored") }
        let lines = DiagnosticReport.lines(list.sorted)
        XCTAssertEqual(lines.filter { $0.contains("does not match any page") && !$0.hasPrefix("densho:") }.count, 1000)
        XCTAssertEqual(lines.filter { $0.contains("unknown field") }.count, 3)
        XCTAssertEqual(lines.last, "densho: … and 1,500 more errors like link [[nosuch-1000]] does not match any page")
        XCTAssertEqual(DiagnosticReport.grouped(99_000), "99,000")
        XCTAssertEqual(DiagnosticReport.grouped(1_234_567), "1,234,567")
    }

    func testLineSeparatorsAndBidiOverridesAreEscaped() {
        let d = Diagnostic(path: "content/companies/a\u{202E}dm.exe", line: 3, column: 1, severity: .warning,
                           message: "unknown field '\u{2028}\u{2028}鍵\u{2066}x\u{2069}\u{1B}[2J' is ignored")
        XCTAssertEqual(d.description, "content/companies/a\\u{202E}dm.exe:3:1: warning: unknown field '\\u{2028}\\u{2028}鍵\\u{2066}x\\u{2069}\\u{1B}[2J' is ignored")
        XCTAssertFalse(d.description.unicodeScalars.contains { Diagnostic.isUnprintable($0) })
        XCTAssertEqual(Diagnostic(path: "p", line: 1, column: 1, message: "みなと精機 ＩＰ").description, "p:1:1: error: みなと精機 ＩＰ")
    }
}
