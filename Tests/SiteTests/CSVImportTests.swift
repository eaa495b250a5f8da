import Foundation
import FrontMatter
import XCTest
@testable import Site

/// The CSV reader (RFC 4180 as Excel writes it, in UTF-8 or CP932) and the cell readers of `import`.
final class CSVImportTests: XCTestCase {
    private func cells(_ text: String) throws -> [[String]] {
        try CSVTable.parse(text).map { $0.map(\.text) }
    }

    func testQuotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "日付,聞いたこと,見立て\r\n2026-10-14,\"社長「作りたい」、\"\"試作\"\"から\r\n二行目\",\"a,b\"\r\n\r\n2026-10-15,,最後\n"
        XCTAssertEqual(try cells(text), [
            ["日付", "聞いたこと", "見立て"],
            ["2026-10-14", "社長「作りたい」、\"試作\"から\r\n二行目", "a,b"],
            ["2026-10-15", "", "最後"],
        ])
        let rows = try CSVTable.parse(text)
        XCTAssertEqual(rows[2].map(\.row), [3, 3, 3], "a line break inside a cell does not shift later rows; blank lines are skipped")
        XCTAssertEqual(rows[2].map(\.column), [1, 2, 3])
        XCTAssertEqual(try cells("a,b\nc,\"d\""), [["a", "b"], ["c", "d"]], "the last record needs no line break")
        XCTAssertEqual(try cells("a,\n,b\r"), [["a", ""], ["", "b"]], "empty fields and a bare CR")
    }

    func testBrokenQuotingIsLocated() {
        XCTAssertThrowsError(try CSVTable.parse("a,b\nc,\"open\nd,e\n")) { error in
            let problem = error as? CSVTable.Problem
            XCTAssertEqual(problem?.row, 2)
            XCTAssertEqual(problem?.column, 2)
        }
        XCTAssertThrowsError(try CSVTable.parse("a,b\nc,d\"e\n")) { error in
            XCTAssertEqual((error as? CSVTable.Problem)?.row, 2)
            XCTAssertEqual((error as? CSVTable.Problem)?.column, 2)
        }
        XCTAssertThrowsError(try CSVTable.parse("\"a\"b,c\n"))
    }

    func testEncodingsAreDetected() throws {
        let text = "企業名,担当\r\n株式会社①髙﨑,田中　花子～\r\n"
        let utf8 = try CSVTable.read(Data(text.utf8))
        XCTAssertEqual(utf8.encoding, .utf8)
        let bom = try CSVTable.read(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        XCTAssertEqual(bom.encoding, .utf8BOM)
        XCTAssertEqual(bom.header.first?.text, "企業名", "the byte-order mark is not part of the first name")
        // Python's cp932 codec is the reference for what Excel writes.
        let cp932 = try CSVTable.read(try python("import sys; sys.stdout.buffer.write(\(pythonLiteral(text)).encode('cp932'))"))
        XCTAssertEqual(cp932.encoding, .cp932)
        XCTAssertEqual(cp932.rows.first?.map(\.text), ["株式会社①髙﨑", "田中　花子～"])
        XCTAssertThrowsError(try CSVTable.read(Data([0x82, 0xA0, 0xFF, 0x0A])), "neither UTF-8 nor CP932")
    }

    func testDatesInTheThreeWaysOfWritingThem() {
        XCTAssertEqual(ImportValues.date("2026-10-14"), CalendarDate("2026-10-14"))
        XCTAssertEqual(ImportValues.date("2026/10/14"), CalendarDate("2026-10-14"))
        XCTAssertEqual(ImportValues.date("2026/1/4"), CalendarDate("2026-01-04"))
        XCTAssertEqual(ImportValues.date("令和8年10月14日"), CalendarDate("2026-10-14"))
        XCTAssertEqual(ImportValues.date("令和元年5月1日"), CalendarDate("2019-05-01"))
        XCTAssertEqual(ImportValues.date("平成31年4月30日"), CalendarDate("2019-04-30"))
        XCTAssertEqual(ImportValues.date("２０２６／１０／１４"), CalendarDate("2026-10-14"), "full-width digits")
        for wrong in ["2026/02/30", "令和8年13月1日", "令和0年1月1日", "10/14/2026", "2026年10月14日", "", "明日"] {
            XCTAssertNil(ImportValues.date(wrong), wrong)
        }
    }

    func testListsSplitOnJapaneseAndLatinSeparatorsAndNamesMatchLoosely() {
        XCTAssertEqual(ImportValues.list("知財活用、海外展開,資金繰り; 事業承継；"), ["知財活用", "海外展開", "資金繰り", "事業承継"])
        XCTAssertEqual(ImportValues.nameKey("田中　花子"), ImportValues.nameKey("田中 花子"))
        XCTAssertEqual(ImportValues.nameKey("ｶﾌﾞｼｷｶﾞｲｼｬ"), ImportValues.nameKey("カブシキガイシャ"))
        let people = NameIndex([FormSettings.Choice(id: "tanaka", name: "田中 花子"), FormSettings.Choice(id: "suzuki", name: "鈴木 一郎")],
                               kind: "person", folder: "content/people")
        XCTAssertEqual(try people.resolve("田中花子").get(), "tanaka")
        XCTAssertEqual(try people.resolve("suzuki").get(), "suzuki")
        guard case .failure(let problem) = people.resolve("suzuk") else { return XCTFail("unknown person") }
        XCTAssertTrue(problem.message.contains("'suzuki'"), problem.message)
    }

    /// Not a timed test: ten times the rows may cost at most ~30 times as much (a quadratic
    /// step would cost ~100 times). The absolute time for 5,000 rows is in the README.
    func testPlanningGrowsLinearlyWithTheRows() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("densho-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        for folder in ["companies", "people"] {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("---\nname: 田中 花子\n---\n".utf8).write(to: content.appendingPathComponent("people/tanaka.md"))
        for i in 0..<20 {
            try Data("---\nname: 株式会社テスト\(i)\nowner: tanaka\nthemes: [知財活用]\n---\n".utf8).write(to: content.appendingPathComponent("companies/c\(i).md"))
        }
        func csv(_ rows: Int) -> Data {
            var text = "日付,企業,聞いたこと,次の一手\r\n"
            for i in 0..<rows {
                text += "2026/\(i % 12 + 1)/\(i % 28 + 1),株式会社テスト\(i % 20),\"話\(i)\r\n二行目\",資料\(i)\r\n"
            }
            return Data(text.utf8)
        }
        let importer = CSVImporter(content: content, displayRoot: "content")
        func seconds(_ rows: Int) throws -> Double {
            let data = csv(rows)
            let start = Date()
            let plan = try importer.plan(.visits, data: data, fileDisplay: "v.csv")
            XCTAssertEqual(plan.writes.count, rows)
            return Date().timeIntervalSince(start)
        }
        _ = try seconds(50)   // warm up
        let small = try seconds(300)
        let large = try seconds(3_000)
        XCTAssertLessThan(large, max(small, 0.05) * 30, "300 rows: \(small) s, 3,000 rows: \(large) s")
    }

    private func pythonLiteral(_ text: String) -> String {
        "'" + text.unicodeScalars.map { $0.isASCII && $0 != "'" && $0 != "\\" && $0.value >= 0x20 ? String($0) : String(format: "\\u%04x", $0.value) }.joined() + "'"
    }

    private func python(_ code: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return data
    }
}
