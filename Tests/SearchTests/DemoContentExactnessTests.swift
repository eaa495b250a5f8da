import Seeded
import FrontMatter
import XCTest
@testable import Search
@testable import Site

/// Property test on real notes: the demo site's own index finds exactly what a brute-force scan of
/// the same documents finds, for thousands of queries cut from the notes themselves.
final class DemoContentExactnessTests: XCTestCase {
    func testIndexMatchesBruteForceOnTheDemoContent() throws {
        let root = try XCTUnwrap(TestPaths.packageRoot())
        let loaded = SiteBuilder.load(content: root.appendingPathComponent("content"), displayPath: "content")
        XCTAssertFalse(loaded.hasErrors, "\(loaded.diagnostics)")
        let site = PublishedSite(model: loaded.model, links: loaded.links, today: try XCTUnwrap(CalendarDate("2026-11-25")))
        let documents = SearchPublisher.documents(site)
        XCTAssertGreaterThan(documents.count, 100)

        let dir = try TestPaths.temporaryDirectory("demo")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(documents, labels: SearchFacetLabels(), to: dir)
        let reader = try SearchIndexReader(directory: dir)
        let brute = BruteForce(documents)
        var urlOfID: [Int: String] = [:]
        for (index, id) in brute.ids.enumerated() { urlOfID[id] = documents[index].url }

        var random = SeededRandom(seed: 0x6465_6D6F)
        let texts = documents.map { Array(SearchNormalizer.normalize([$0.title, $0.body, $0.meta].joined(separator: "\n")).unicodeScalars) }
        func cut() -> String {
            while true {
                let text = texts[Int.random(in: 0..<texts.count, using: &random)]
                guard text.count > 8 else { continue }
                let length = Int.random(in: 1...6, using: &random)
                let start = Int.random(in: 0...(text.count - length), using: &random)
                let piece = String(String.UnicodeScalarView(text[start..<(start + length)]))
                if !piece.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return piece }
            }
        }
        var queries = (0..<2000).map { _ in cut() }
        queries += (0..<400).map { _ in cut() + " " + cut() }
        queries += ["特許", "開放特許", "ＩＰ", "ip", "ｺｰﾃﾞｨﾈｰﾀｰ", "3Ｄ", "3d", "dx 補助", "みなと精機", "存在しない語"]

        var nonEmpty = 0
        for query in queries {
            let expected = Set(brute.matches(query).compactMap { urlOfID[$0] })
            let results = try reader.search(SearchQuery(text: query, limit: 100_000))
            XCTAssertEqual(results.total, expected.count, "total for \(query.debugDescription)")
            XCTAssertEqual(Set(results.hits.map(\.url)), expected, "results for \(query.debugDescription)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        XCTAssertGreaterThan(nonEmpty, queries.count / 2, "queries cut from the notes mostly hit")
    }
}
