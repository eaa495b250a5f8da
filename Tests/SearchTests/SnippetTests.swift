import XCTest
@testable import Search

final class SnippetTests: XCTestCase {
    private func search(_ docs: [SearchDocument], _ text: String) throws -> [SearchHit] {
        let dir = try TestPaths.temporaryDirectory("snippet")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels(), to: dir)
        return try SearchIndexReader(directory: dir).search(SearchQuery(text: text, limit: 10)).hits
    }

    /// The highlighted UTF-16 slices of a snippet.
    private func marked(_ hit: SearchHit) -> [String] {
        let units = Array(hit.snippet.utf16)
        return hit.highlights.map { String(decoding: units[$0], as: UTF16.self) }
    }

    func testWindowAroundTheMatchWithEveryOccurrenceMarked() throws {
        let body = String(repeating: "前置き。", count: 60) + "開放特許を紹介し、特許の資料を送った。" + String(repeating: "後書き。", count: 60)
        let hit = try XCTUnwrap(try search([SearchDocument(url: "a.html", title: "訪問", type: "visit", body: body)], "特許").first)
        XCTAssertTrue(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"), hit.snippet)
        XCTAssertEqual(hit.snippet.unicodeScalars.count, 102, "100 scalars and two ellipses")
        XCTAssertEqual(marked(hit), ["特許", "特許"])
    }

    func testHighlightsAreUTF16OffsetsAndFollowNormalisation() throws {
        // 𠮷 is two UTF-16 units; ＩＰ is stored as IP (NFKC) and found by "ip"; ﾊﾟｿｺﾝ as パソコン.
        let doc = SearchDocument(url: "a.html", title: "t", type: "visit",
                                 body: "𠮷野家でＩＰを活用。ﾊﾟｿｺﾝも。")
        let ip = try XCTUnwrap(try search([doc], "ip").first)
        XCTAssertEqual(ip.snippet, "𠮷野家でIPを活用。パソコンも。")
        XCTAssertEqual(ip.highlights, [5..<7])
        XCTAssertEqual(marked(ip), ["IP"])
        let pc = try XCTUnwrap(try search([doc], "ﾊﾟｿｺﾝ 𠮷野").first)
        XCTAssertEqual(marked(pc), ["𠮷野", "パソコン"])
    }

    func testOverlappingOccurrencesMergeAndPrefixMarksThePrefix() throws {
        let doc = SearchDocument(url: "a.html", title: "t", type: "visit", body: "ああああ matching Matcher")
        let hit = try XCTUnwrap(try search([doc], "あああ matc").first)
        XCTAssertEqual(marked(hit), ["ああああ", "matc", "Matc"])
    }

    func testTitleOnlyMatchShowsTheBodyStartAndHeadingMatchUsesTheHeading() throws {
        let docs = [
            SearchDocument(url: "a.html", title: "海外展開の相談", type: "visit", date: "2026-01-01", body: "本文はここから。"),
            SearchDocument(url: "b.html", title: "別件", type: "visit", date: "2025-01-01", headings: ["海外展開の見立て"], body: "無関係。"),
        ]
        let hits = try search(docs, "海外展開")
        XCTAssertEqual(hits.map(\.snippet), ["本文はここから。", "海外展開の見立て"])
        XCTAssertEqual(hits[0].highlights, [])
        XCTAssertEqual(hits[1].highlights, [0..<4])
    }

    func testNoTermMatchesAcrossFields() throws {
        let doc = SearchDocument(url: "a.html", title: "特許", type: "visit", headings: ["活用"], body: "本文")
        XCTAssertEqual(try search([doc], "特許活用").count, 0)
        XCTAssertEqual(try search([doc], "特許 活用").count, 1)
    }
}
