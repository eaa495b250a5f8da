import XCTest
@testable import Search

/// search.js, run in node over the same index files, must return exactly what the Swift
/// reader returns: same total, same hits in the same order, same snippets and highlights.
final class JavaScriptAgreementTests: XCTestCase {
    struct JSQuery: Encodable { let text: String; let filters: [String: [String]]; let limit: Int }
    struct JSHit: Decodable, Equatable {
        let url: String; let title: String; let type: String; let date: String?; let snippet: String
        let highlights: [[Int]]
    }
    struct JSResult: Decodable { let total: Int; let results: [JSHit] }
    struct JSOutput: Decodable { let results: [JSResult]; let files: Int; let bytes: Int }

    func testSearchJSAgreesWithSwiftReader() throws {
        _ = try Node.require()
        guard let js = TestPaths.searchJS else { return XCTFail("cannot find the package root above \(#filePath)") }

        var generator = CorpusGenerator(seed: 42)
        let docs = generator.documents(800)
        let dir = try TestPaths.temporaryDirectory("js")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels(["company": ["marumaru-seiki": "〇〇精機"]]), to: dir)

        var queries: [JSQuery] = []
        let facetChoices: [[String: [String]]] = [
            [:], [:], [:], ["type": ["visit"]], ["theme": ["海外展開"]], ["company": ["sankaku-kogyo"], "person": ["tanaka"]],
            ["year": ["2024"]], ["person": ["nobody"]], ["year": ["2024", "2025"], "type": ["visit", "company"]],
            ["person": ["nobody", "tanaka"]],
        ]
        for i in 0..<300 {
            var text = generator.cut(from: docs)
            if i % 3 == 0 { text += " " + generator.cut(from: docs) }
            queries.append(JSQuery(text: text, filters: facetChoices[i % facetChoices.count], limit: 5 + i % 20))
        }
        for text in ["ip", "i", "ma", "matc", "café", "ΟΔΟΣ", "İstanbul", "ﾊﾟｿｺﾝ", "ＩＰを活用", "特許 ip", "ip 特許", "𠮷野", "㍿", "", "存在しない"] {
            queries.append(JSQuery(text: text, filters: [:], limit: 20))
        }
        queries.append(JSQuery(text: "", filters: ["theme": ["知財活用"], "year": ["2025"]], limit: 30))

        let queriesFile = dir.appendingPathComponent("queries.json.tmp")
        try JSONEncoder().encode(queries).write(to: queriesFile)
        let harness = TestPaths.testsDir.appendingPathComponent("js-harness.js").path
        let (status, out, err) = try Node.run([harness, js.path, dir.path, queriesFile.path])
        XCTAssertEqual(status, 0, "node harness failed: \(err)")
        let output = try JSONDecoder().decode(JSOutput.self, from: out)
        XCTAssertEqual(output.results.count, queries.count)

        let reader = try SearchIndexReader(directory: dir)
        var compared = 0
        for (q, jsResult) in zip(queries, output.results) {
            let swift = try reader.search(SearchQuery(text: q.text, anyOf: q.filters, limit: q.limit))
            let swiftHits = swift.hits.map {
                JSHit(url: $0.url, title: $0.title, type: $0.type, date: $0.date, snippet: $0.snippet,
                      highlights: $0.highlights.map { [$0.lowerBound, $0.upperBound] })
            }
            XCTAssertEqual(jsResult.total, swift.total, "total for \(q.text.debugDescription) \(q.filters)")
            if jsResult.results != swiftHits {
                let firstDiff = zip(jsResult.results, swiftHits).first { $0 != $1 }
                XCTFail("hits differ for \(q.text.debugDescription) \(q.filters): js \(jsResult.results.count) vs swift \(swiftHits.count); first difference \(String(describing: firstDiff))")
            }
            if swift.total > 0 { compared += 1 }
        }
        XCTAssertGreaterThan(compared, queries.count / 2, "most queries should have results to compare")
    }
}

/// `densho search --type 訪問記録` takes the names the search page shows: the Swift table and
/// search.js must name the types alike.
final class PageTypeLabelsTests: XCTestCase {
    func testSwiftKnowsTheTypeNamesOfSearchJS() throws {
        _ = try Node.require()
        let js = try XCTUnwrap(TestPaths.searchJS)
        let (status, out, err) = try Node.run(["-e", "process.stdout.write(JSON.stringify(require(process.argv[1]).typeLabels))", js.path])
        XCTAssertEqual(status, 0, err)
        let labels = try JSONDecoder().decode([String: [String: String]].self, from: out)
        XCTAssertEqual(labels, SearchFacetLabels.pageTypeLabels)
    }
}
