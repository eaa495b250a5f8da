import Seeded
import Foundation
import XCTest
@testable import Search

/// Long posting lists live in list files of their own (`g-<n>-<k>`, format 3): both readers find
/// them, and a session's patch keeps them byte-identical to a full build.
final class LongListTests: XCTestCase {
    /// 900 notes that all hold 「特許」 after a varying lead, so its list (gaps and 2-byte first
    /// occurrences) is well over the list limit; a few hold 「燕三条」, a short list.
    private func corpus() -> [SearchDocument] {
        var generator = CorpusGenerator(seed: 15)
        return (0..<900).map { i in
            let lead = String(repeating: "あいう", count: 40 + i % 90)
            let body = lead + "特許の相談。" + generator.text(pieces: 3) + (i % 97 == 0 ? "燕三条のＩｏＴ" : "")
            return SearchDocument(url: "visits/\(i).html", title: "訪問 \(i)", type: "visit",
                                  date: "2025-\(String(format: "%02d", 1 + i % 12))-01", body: body)
        }
    }

    private func bruteForce(_ docs: [SearchDocument], _ term: String) -> Int {
        docs.filter { SearchNormalizer.normalize($0.title + "\n" + $0.body).contains(SearchNormalizer.normalize(term)) }.count
    }

    func testReadersFindLongAndShortListsExactly() throws {
        let docs = corpus()
        let dir = try TestPaths.temporaryDirectory("long-lists")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels(), to: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertTrue(names.contains { $0.hasPrefix("g-") && $0.split(separator: "-").count == 3 }, "a list file: \(names.sorted().prefix(20))")

        let terms = ["特許", "特許の相談", "燕三条", "許の", "燕 特許"]
        var swift: [SearchResults] = []
        for term in terms {
            let reader = try SearchIndexReader(directory: dir)
            swift.append(try reader.search(SearchQuery(text: term, limit: 5)))
            if !term.contains(" ") { XCTAssertEqual(swift.last?.total, bruteForce(docs, term), term) }
        }
        // search.js reads the same list files and agrees.
        _ = try Node.require()
        guard let js = TestPaths.searchJS else { return XCTFail("cannot find search.js") }
        let queries = dir.appendingPathComponent("queries.json.tmp")
        try JSONEncoder().encode(terms.map { JavaScriptAgreementTests.JSQuery(text: $0, filters: [:], limit: 5) }).write(to: queries)
        let (status, out, err) = try Node.run([TestPaths.testsDir.appendingPathComponent("js-harness.js").path, js.path, dir.path, queries.path])
        XCTAssertEqual(status, 0, err)
        let output = try JSONDecoder().decode(JavaScriptAgreementTests.JSOutput.self, from: out)
        for (term, (fromJS, fromSwift)) in zip(terms, zip(output.results, swift)) {
            XCTAssertEqual(fromJS.total, fromSwift.total, term)
            XCTAssertEqual(fromJS.results.map(\.url), fromSwift.hits.map(\.url), term)
            XCTAssertEqual(fromJS.results.map(\.snippet), fromSwift.hits.map(\.snippet), term)
        }
        // A short list's shard does not carry the long list with it.
        let short = try SearchIndexReader(directory: dir)
        _ = try short.search(SearchQuery(text: "燕", limit: 0))
        XCTAssertEqual(short.filesLoaded, 1)
        let long = try SearchIndexReader(directory: dir)
        _ = try long.search(SearchQuery(text: "特許", limit: 0))
        XCTAssertEqual(long.filesLoaded, 2, "its shard and its list file")
    }

    func testSessionPatchesLongListsLikeAFullBuild() throws {
        var docs = corpus()
        let session = SearchIndexSession()
        let folder = IndexSessionTests.Folder()
        _ = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        // The first occurrence of 「特許」 moves in one note and goes from another; a third gains 「燕」.
        docs[10].body = "特許" + docs[10].body
        docs[20].body = docs[20].body.replacingOccurrences(of: "特許", with: "実用新案")
        docs[30].body += "燕"
        let update = try session.update(replacing: [docs[10], docs[20], docs[30]], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertTrue(update.patched)
        folder.keep(only: update.fileNames)
        let expected = try IndexSessionTests.fullBuild(docs)
        XCTAssertEqual(Set(folder.files.keys), Set(expected.keys))
        XCTAssertEqual(expected.keys.filter { folder.files[$0] != expected[$0] }.sorted(), [])
    }
}
