import Foundation
import TestTools
import XCTest

/// The continuity reports and the printed packet, as the built `densho` writes them from the demo.
final class ReportsEndToEndTests: XCTestCase {
    static let output = FileManager.default.temporaryDirectory.appendingPathComponent("densho-reports-\(UUID().uuidString)")
    nonisolated(unsafe) static var buildResult: Densho.Result?

    override class func setUp() {
        super.setUp()
        let root = Densho.repositoryRoot
        buildResult = try? Densho.run(["build", "--content", root.appendingPathComponent("content").path, "--output", output.path,
                                       "--theme", root.appendingPathComponent("themes/default").path, "--today", "2026-11-25"])
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: output)
        super.tearDown()
    }

    func read(_ path: String) throws -> Data { try Data(contentsOf: Self.output.appendingPathComponent(path)) }

    func testContinuityJSONHasExactlyTheIssueShape() throws {
        XCTAssertEqual(Self.buildResult?.status, 0, Self.buildResult?.stderr ?? "")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: try read("reports/continuity.json")) as? [String: Any])
        XCTAssertEqual(json["today"] as? String, "2026-11-25")
        func objects(_ key: String) throws -> [[String: Any]] { try XCTUnwrap(json[key] as? [[String: Any]], key) }
        func requireKeys(_ key: String, _ keys: Set<String>) throws {
            let items = try objects(key)
            XCTAssertFalse(items.isEmpty, key)
            for item in items { XCTAssertTrue(keys.isSubset(of: Set(item.keys)), "\(key): \(keys.subtracting(item.keys)) missing") }
        }
        try requireKeys("companies", ["id", "name", "holder", "owner", "last_visit", "overdue", "staff_last_365_days", "single_person"])
        try requireKeys("promises", ["company", "visit", "text", "owner", "due", "overdue"])
        try requireKeys("referrals", ["company", "partner", "status", "last_update", "days_since_update", "stalled"])
        try requireKeys("people", ["id", "left", "successor", "holds", "handover"])
        try requireKeys("fiscal_years", ["year", "from", "to", "visits", "companies_visited", "by_kind", "referrals_by_partner"])

        let minato = try XCTUnwrap(try objects("companies").first { $0["id"] as? String == "minato-seiki" })
        XCTAssertEqual(minato["holder"] as? String, "suzuki")
        XCTAssertEqual(minato["owner"] as? String, "tanaka")
        let tanaka = try XCTUnwrap(try objects("people").first { $0["id"] as? String == "tanaka" })
        XCTAssertEqual(tanaka["left"] as? String, "2026-03-31")
        XCTAssertEqual((tanaka["holds"] as? [String]), [])
        let handover = try XCTUnwrap(tanaka["handover"] as? [String: Any])
        XCTAssertEqual((handover["companies"] as? [String])?.count, 5)
        XCTAssertNotNil(handover["not_yet_visited_by_successor"] as? [String])
        let suzuki = try XCTUnwrap(try objects("people").first { $0["id"] as? String == "suzuki" })
        XCTAssertEqual((suzuki["holds"] as? [String])?.count, 6)
        let promise = try XCTUnwrap(try objects("promises").first)
        XCTAssertTrue((promise["visit"] as? String)?.hasPrefix("visits/20") == true, "\(promise)")
        XCTAssertTrue(promise["due"] is NSNull || promise["due"] is String)
        let year = try XCTUnwrap(try objects("fiscal_years").first { $0["year"] as? Int == 2025 })
        XCTAssertEqual(year["from"] as? String, "2025-04-01")
        XCTAssertEqual(year["to"] as? String, "2026-03-31")
        XCTAssertNotNil((year["by_kind"] as? [String: Int])?["visit"])
    }

    func testReportsAreInternalOnly() throws {
        let root = Densho.repositoryRoot
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("densho-reports-public-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Densho.run(["build", "--public", "--content", root.appendingPathComponent("content").path, "--output", out.path,
                                     "--theme", root.appendingPathComponent("themes/default").path, "--today", "2026-11-25"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("reports").path), "--public writes no report")
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(home.contains("reports/"), "and links none")
        XCTAssertTrue(try read("reports/index.html").count > 0)
        let csv = try read("reports/kpi-2025.csv")
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM for Excel")
        XCTAssertTrue(String(decoding: csv, as: UTF8.self).contains("訪問件数（延べ）"))
        let page = try String(decoding: read("reports/fy-2025.html"), as: UTF8.self)
        XCTAssertTrue(page.contains("2025年度") && page.contains("2025-04-01〜2026-03-31"))
    }

    /// The packet printed as a person would: headless Chromium to PDF, pages counted with pdfinfo.
    func testHandoverPacketPrintsEachCompanyOnOneOrTwoPages() throws {
        XCTAssertEqual(Self.buildResult?.status, 0)
        let chromium = try Chromium.require()
        let pdfinfo = try RequiredTool.find("pdfinfo", names: ["pdfinfo"])
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("densho-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pdf = scratch.appendingPathComponent("packet.pdf")
        let packet = Self.output.appendingPathComponent("people/tanaka-handover.html")
        let printed = try ChildProcess.run(chromium.executable, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                                                 "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                                                                 "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", packet.absoluteString],
                                           timeout: 120)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let info = try ChildProcess.run(pdfinfo, [pdf.path])
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        let count = try XCTUnwrap(pages, info.stdout)
        // Five companies, each starting on a new page and fitting on one or two.
        let companies = try String(contentsOf: packet, encoding: .utf8).components(separatedBy: "class=\"handover-company\"").count - 1
        XCTAssertEqual(companies, 5)
        XCTAssertGreaterThanOrEqual(count, companies)
        XCTAssertLessThanOrEqual(count, 2 * companies, "was 12 A4 pages with near-empty ones before")
        // pdftotext comes with pdfinfo (poppler-utils): the footer and the whole history are in the text.
        do {
            let pdftotext = pdfinfo.deletingLastPathComponent().appendingPathComponent("pdftotext")
            let text = try ChildProcess.run(pdftotext, ["-layout", pdf.path, "-"]).stdout
            // Every page's footer: the build date (people/handover-print.css) and the page number (style.css).
            let footers = text.split(separator: "\n").filter { $0.contains("生成日 2026-11-25") && $0.contains(" / \(count)") }
            XCTAssertEqual(footers.count, count, "page numbers and the build date in every page's footer:\n\(text)")
            XCTAssertTrue(footers.first?.contains("1 / \(count)") == true)
            XCTAssertTrue(text.contains("この関係が大切な理由"), "the history is printed whole, headings kept")
        }
    }
}
