import XCTest
@testable import Search

final class RankingAndFilterTests: XCTestCase {
    private var dir: URL!
    private var reader: SearchIndexReader!

    static let documents: [SearchDocument] = [
        SearchDocument(url: "visits/2026/a.html", title: "開放特許の紹介", type: "visit", date: "2025-01-10",
                       body: "信金と一緒に訪問した。", meta: "〇〇精機",
                       facets: ["theme": ["知財活用"], "company": ["marumaru"], "person": ["tanaka"], "partner": ["ip-coordinator"]]),
        SearchDocument(url: "visits/2026/b.html", title: "定例訪問", type: "visit", date: "2026-10-14",
                       headings: ["聞いたこと"], body: "前回の続き。特許の資料を送った。", meta: "〇〇精機",
                       facets: ["theme": ["知財活用"], "company": ["marumaru"], "person": ["suzuki"]]),
        SearchDocument(url: "visits/2026/c.html", title: "試作の相談", type: "visit", date: "2026-03-01",
                       headings: ["特許の見立て"], body: "試作の速さが強み。", meta: "三角工業",
                       facets: ["theme": ["海外展開"], "company": ["sankaku"], "person": ["tanaka"]]),
        SearchDocument(url: "visits/2024/d.html", title: "電話", type: "call", date: "2024-06-01",
                       body: "特許の話もあった。", facets: ["company": ["sankaku"], "person": ["tanaka"]]),
        SearchDocument(url: "visits/2024/e.html", title: "電話", type: "call", date: "2024-06-01",
                       body: "特許の話もあった。", facets: ["company": ["sankaku"]]),
        // Same field classes and date: in g the two terms are neighbours, in f far apart.
        SearchDocument(url: "x/f.html", title: "f", type: "note", date: "2023-01-01",
                       body: "海外展開の相談。" + String(repeating: "あ", count: 200) + "資金繰り"),
        SearchDocument(url: "x/g.html", title: "g", type: "note", date: "2023-01-01",
                       body: "海外展開と資金繰りの相談。" + String(repeating: "あ", count: 200) + "おわり"),
        SearchDocument(url: "playbooks/first.html", title: "初回訪問のてびき", type: "playbook", date: nil,
                       body: "IPを活用する。ip-matching の進め方。chip は別の話。", facets: ["theme": ["知財活用"]]),
    ]

    override func setUpWithError() throws {
        dir = try TestPaths.temporaryDirectory("rank")
        _ = try SearchIndexWriter.write(Self.documents, labels: SearchFacetLabels(["company": ["marumaru": "株式会社〇〇精機"]]), to: dir)
        reader = try SearchIndexReader(directory: dir)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func urls(_ text: String, _ filters: [String: String] = [:], limit: Int = 50) throws -> [String] {
        try reader.search(SearchQuery(text: text, filters: filters, limit: limit)).hits.map(\.url)
    }

    func testTitleBeatsHeadingBeatsBodyThenNewerFirst() throws {
        // a: title (oldest) · c: heading · b, d, e: body — b newest, d and e tie on date → url.
        XCTAssertEqual(try urls("特許"), ["visits/2026/a.html", "visits/2026/c.html", "visits/2026/b.html",
                                        "visits/2024/d.html", "visits/2024/e.html"])
    }

    func testEqualScoresRankByDocumentOrderNotByDistance() throws {
        // Format 4 ranks by field score, then newer first, then url: how near the terms stand
        // does not count (version 3 put g, where they are neighbours, first).
        XCTAssertEqual(try urls("海外展開 資金繰り"), ["x/f.html", "x/g.html"])
    }

    func testLatinWholeWordAndPrefix() throws {
        XCTAssertEqual(try urls("ip"), ["playbooks/first.html"], "ip matches IPを活用 and ip-matching")
        XCTAssertEqual(try urls("chi"), ["playbooks/first.html"], "last term is a prefix")
        XCTAssertEqual(try urls("hip"), [], "no match inside a word")
        XCTAssertEqual(try urls("chi 活用"), [], "a non-last Latin term must be a whole word")
        XCTAssertEqual(try urls("ＩＰを活用"), ["playbooks/first.html"], "mixed term is a substring after NFKC")
    }

    func testFiltersAloneAreDateOrdered() throws {
        let r = try reader.search(SearchQuery(text: "", filters: ["person": "tanaka"], limit: 10))
        XCTAssertEqual(r.total, 3)
        XCTAssertEqual(r.hits.map(\.url), ["visits/2026/c.html", "visits/2026/a.html", "visits/2024/d.html"])
        XCTAssertEqual(try urls("", ["type": "call"]), ["visits/2024/d.html", "visits/2024/e.html"])
        XCTAssertEqual(try urls("", ["year": "2026"]), ["visits/2026/b.html", "visits/2026/c.html"], "year comes from the date")
    }

    func testFiltersCombineWithEachOtherAndWithText() throws {
        XCTAssertEqual(try urls("", ["theme": "知財活用", "company": "marumaru"]), ["visits/2026/b.html", "visits/2026/a.html"])
        XCTAssertEqual(try urls("特許", ["company": "sankaku"]), ["visits/2026/c.html", "visits/2024/d.html", "visits/2024/e.html"])
        XCTAssertEqual(try urls("特許", ["company": "sankaku", "person": "tanaka"]), ["visits/2026/c.html", "visits/2024/d.html"])
        XCTAssertEqual(try urls("特許", ["partner": "unknown"]), [], "unknown value matches nothing")
        XCTAssertEqual(try urls("特許", ["colour": "red"]), [], "unknown facet matches nothing")
        XCTAssertEqual(try urls("特許", ["company": ""]).count, 5, "an empty value is no filter")
    }

    func testTotalCountsAllWhileHitsAreLimited() throws {
        let r = try reader.search(SearchQuery(text: "特許", limit: 2))
        XCTAssertEqual(r.total, 5)
        XCTAssertEqual(r.hits.count, 2)
        XCTAssertEqual(try reader.search(SearchQuery(text: "", limit: 100)).total, Self.documents.count, "no text, no filter: everything")
    }

    /// A filter reads its own facet's values (`f-<i>`) and the lists of the values it wants
    /// (`f-<i>-<j>`), no other facet's file; the filter UI's `facets()` reads them all.
    func testAFilterLoadsOnlyItsOwnFacet() throws {
        let names = try reader.facets(named: []).map(\.name)
        XCTAssertEqual(names, [], "no facet named, nothing read")
        XCTAssertEqual(reader.idsLoaded, [])

        let r = try reader.search(SearchQuery(text: "", anyOf: ["company": ["sankaku"], "type": ["visit", "call"]], limit: 50))
        XCTAssertEqual(r.hits.map(\.url), ["visits/2026/c.html", "visits/2024/d.html", "visits/2024/e.html"])
        // Manifest order: type 0 (call, note, playbook, visit), theme 1, company 2 (marumaru,
        // sankaku); besides, only the d shards of the hits.
        XCTAssertEqual(Set(reader.idsLoaded.filter { !$0.hasPrefix("d-") }), ["f-2", "f-2-1", "f-0", "f-0-0", "f-0-3"])

        let fresh = try SearchIndexReader(directory: dir)
        let company = try fresh.facets(named: ["company", "colour"])
        XCTAssertEqual(company.map(\.name), ["company"])
        XCTAssertEqual(company.first?.values.map(\.label), ["株式会社〇〇精機", "sankaku"])
        XCTAssertEqual(fresh.idsLoaded, ["f-2"])
        XCTAssertEqual(try fresh.facets().count, 6)
        XCTAssertEqual(Set(fresh.idsLoaded), ["f-0", "f-1", "f-2", "f-3", "f-4", "f-5"])
    }

    func testFacetsCarryLabelsAndCounts() throws {
        let company = try XCTUnwrap(reader.facets().first { $0.name == "company" })
        XCTAssertEqual(company.values.map(\.value), ["marumaru", "sankaku"])
        XCTAssertEqual(company.values.map(\.label), ["株式会社〇〇精機", "sankaku"])
        XCTAssertEqual(company.values.map(\.count), [2, 3])
        XCTAssertEqual(try reader.facets().map(\.name), ["type", "theme", "company", "person", "partner", "year"])
    }
}
