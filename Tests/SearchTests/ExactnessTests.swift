import XCTest
@testable import Search

/// Property test: on a generated corpus the index finds exactly what a brute-force scan finds.
final class ExactnessTests: XCTestCase {
    func testIndexMatchesBruteForceOnGeneratedCorpus() throws {
        var generator = CorpusGenerator(seed: 20261014)
        let documents = generator.documents(2500)
        let dir = try TestPaths.temporaryDirectory("exact")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(documents, labels: SearchFacetLabels(), to: dir)
        let reader = try SearchIndexReader(directory: dir)
        let engine = QueryEngine(reader: reader)
        let brute = BruteForce(documents)

        var queries: [String] = []
        for _ in 0..<2500 { queries.append(generator.cut(from: documents)) }
        for _ in 0..<600 { queries.append(generator.cut(from: documents) + " " + generator.cut(from: documents)) }
        for word in ["ip", "i", "ma", "match", "matching", "chip", "caf", "café", "cafe", "dx", "abc123", "istanbul",
                     "i\u{307}stanbul", "strasse", "straße", "οδοσ", "ΟΔΟΣ", "co", "op", "2026", "10", "zip", "iphone"] {
            queries.append(word)
            queries.append(word + " 特許")
            queries.append("特許 " + word)
        }
        // Strings that mostly do not occur: random kanji runs, and pieces glued in new orders.
        for _ in 0..<400 {
            let n = Int.random(in: 2...6, using: &generator.random)
            queries.append(String(String.UnicodeScalarView((0..<n).map { _ in CorpusGenerator.kanji.randomElement(using: &generator.random)! })))
        }
        queries += ["特許開放", "活用特許", "ﾊﾟｿｺﾝ", "パソコン", "ｶﾞｲﾄﾞ", "ガイド", "ＩＰを", "ip活用", "IPを活用", "㍿", "株式",
                    "𠮷", "𠮷野", "野家", "存在しない語", "xyzzy", "「", "」・", "。"]

        var checked = 0, nonEmpty = 0
        for q in queries {
            let expected = brute.matches(q)
            let got = try engine.rankedDocuments(SearchQuery(text: q), terms: QueryTerm.parse(q))
            XCTAssertEqual(got.count, Set(got).count, "duplicate results for \(q)")
            if Set(got.map(Int.init)) != expected {
                let missing = expected.subtracting(got.map(Int.init)).sorted().prefix(5)
                let extra = Set(got.map(Int.init)).subtracting(expected).sorted().prefix(5)
                XCTFail("query \(q.debugDescription): \(got.count) found, \(expected.count) expected; missing ids \(Array(missing)), false hits \(Array(extra))")
            }
            checked += 1
            if !expected.isEmpty { nonEmpty += 1 }
        }
        XCTAssertGreaterThan(nonEmpty, checked / 2, "the generated queries should mostly hit")

        // The public API agrees on totals with the internal ranking.
        for q in ["特許", "ip", "開放特許 活用", "ﾊﾟｿｺﾝ"] {
            let results = try reader.search(SearchQuery(text: q, limit: 3))
            XCTAssertEqual(results.total, brute.matches(q).count, q)
            XCTAssertEqual(results.hits.count, min(3, results.total))
        }
    }
}
