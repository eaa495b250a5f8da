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

    func testHighlightsAreUTF16OffsetsOfTheTextAsWritten() throws {
        // 𠮷 is two UTF-16 units; ＩＰ is searched as ip and shown as written; ﾊﾟｿｺﾝ is searched
        // as パソコン and shown as ﾊﾟｿｺﾝ.
        let doc = SearchDocument(url: "a.html", title: "t", type: "visit",
                                 body: "𠮷野家でＩＰを活用。ﾊﾟｿｺﾝも。")
        let ip = try XCTUnwrap(try search([doc], "ip").first)
        XCTAssertEqual(ip.snippet, "𠮷野家でＩＰを活用。ﾊﾟｿｺﾝも。")
        XCTAssertEqual(ip.highlights, [5..<7])
        XCTAssertEqual(marked(ip), ["ＩＰ"])
        let pc = try XCTUnwrap(try search([doc], "パソコン 𠮷野").first)
        XCTAssertEqual(marked(pc), ["𠮷野", "ﾊﾟｿｺﾝ"])
    }

    /// The examples: matching is on the normalised text, the snippet is the note's own.
    func testSnippetsKeepFullWidthAndHalfWidthFormsAsWritten() throws {
        let doc = SearchDocument(url: "a.html", title: "t", type: "visit", headings: ["ﾌﾟﾚｽ加工（ＩｏＴ）"],
                                 body: "工場の見える化（ＩｏＴ）を相談。ﾌﾟﾚｽ機の稼働を㍿みなとで測る。")
        let iot = try XCTUnwrap(try search([doc], "iot").first)
        XCTAssertEqual(iot.snippet, "工場の見える化（ＩｏＴ）を相談。ﾌﾟﾚｽ機の稼働を㍿みなとで測る。")
        XCTAssertEqual(marked(iot), ["ＩｏＴ"])
        let press = try XCTUnwrap(try search([doc], "(iot) プレス").first)
        XCTAssertEqual(marked(press), ["（ＩｏＴ）", "ﾌﾟﾚｽ"])
        let company = try XCTUnwrap(try search([doc], "株式会社みなと").first)
        XCTAssertEqual(marked(company), ["㍿みなと"])
        let heading = try XCTUnwrap(try search([SearchDocument(url: "b.html", title: "t", type: "visit",
                                                               headings: ["ﾌﾟﾚｽ加工（ＩｏＴ）"])], "加工").first)
        XCTAssertEqual(heading.snippet, "ﾌﾟﾚｽ加工（ＩｏＴ）")
        XCTAssertEqual(marked(heading), ["加工"])
    }

    /// A section's heading keeps its own line in the snippet (other whitespace runs become one space).
    func testAHeadingDoesNotRunIntoItsText() throws {
        let doc = SearchDocument(url: "a.html", title: "t", type: "visit", headings: ["聞いたこと"],
                                 body: "聞いたこと\n\n社長は　海外展開に  前向き。\n見立て\n輸出の相談。")
        let hit = try XCTUnwrap(try search([doc], "海外展開").first)
        XCTAssertEqual(hit.snippet, "聞いたこと\n社長は 海外展開に 前向き。\n見立て\n輸出の相談。")
        XCTAssertEqual(marked(hit), ["海外展開"])
        XCTAssertEqual(try search([doc], "こと社長").count, 0, "a line break is whitespace: no match across it")
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
