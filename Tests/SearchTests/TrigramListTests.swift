import Seeded
import Foundation
import XCTest
@testable import Search

/// Format 4: a three-scalar term whose two bigrams are both frequent (in at least
/// `IndexLayout.trigramMinimum` documents) is answered by its trigram's document list, which has
/// no positions; every other term as before. Both readers stay exact.
final class TrigramListTests: XCTestCase {
    /// 1,200 notes from a few words, so that many bigrams are frequent and their lists long (list
    /// and positions files); 「中継者」 and 「後継ぎ」 hold the bigrams of 「後継者」 without it.
    private func corpus() -> [SearchDocument] {
        var random = SeededRandom(seed: 4)
        let words = ["後継者", "後継ぎ", "中継者", "面談", "資金繰り", "事業承継", "承継者", "展示会", "出展",
                     "補助金", "金型", "特許", "許可", "の", "と", "。", "、"]
        return (0..<1200).map { i in
            var body = ""
            for _ in 0..<(20 + i % 40) { body += words.randomElement(using: &random)! }
            let heading = i % 7 == 0 ? ["事業承継の見立て"] : []
            return SearchDocument(url: "visits/\(i).html", title: i % 11 == 0 ? "後継者と面談" : "訪問 \(i)", type: "visit",
                                  date: "2025-\(String(format: "%02d", 1 + i % 12))-\(String(format: "%02d", 1 + i % 28))",
                                  headings: heading, body: body)
        }
    }

    /// Every three-scalar string whose two bigrams are frequent, from the bigrams of the corpus.
    private func frequentTrigrams(_ docs: [SearchDocument]) -> [String] {
        let frequent = IndexSessionTests.frequentBigrams(docs)
        var byFirst: [UInt32: [UInt32]] = [:]
        for key in frequent {
            let s = BigramKey.scalars(key)
            byFirst[s[0], default: []].append(s[1])
        }
        var out: [String] = []
        for key in frequent.sorted() {
            let s = BigramKey.scalars(key)
            for c in (byFirst[s[1]] ?? []).sorted() { out.append(IndexAccumulator.string([s[0], s[1], c])) }
        }
        return out
    }

    func testThreeScalarTermsOfFrequentBigramsAreExactWithoutPositions() throws {
        let docs = corpus()
        let dir = try TestPaths.temporaryDirectory("trigrams")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels(), to: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertTrue(names.contains { $0.hasPrefix("p-") }, "long bigram lists keep their positions in p files")

        let brute = BruteForce(docs)
        let trigrams = frequentTrigrams(docs)
        XCTAssertTrue(trigrams.contains("後継者"))
        var reader = try SearchIndexReader(directory: dir)
        var found = 0, absent = 0
        for term in trigrams {
            let got = try QueryEngine(reader: reader).rankedDocuments(SearchQuery(text: term), terms: QueryTerm.parse(term))
            XCTAssertEqual(Set(got.map(Int.init)), brute.matches(term), term)
            if got.isEmpty { absent += 1 } else { found += 1 }
        }
        XCTAssertGreaterThan(found, 10)
        XCTAssertGreaterThan(absent, 10, "frequent bigrams side by side that never occur: no list, no document")

        // Answered from trigram lists alone: no positions file is read (they are gone now)…
        for name in names where name.hasPrefix("p-") { try FileManager.default.removeItem(at: dir.appendingPathComponent(name)) }
        reader = try SearchIndexReader(directory: dir)
        for term in ["後継者", "承継者", "中継者", "継者と"] {
            XCTAssertEqual(try reader.search(SearchQuery(text: term, limit: 3)).total, brute.matches(term).count, term)
        }
        // …while a four-scalar term checks its covering bigrams' positions.
        XCTAssertThrowsError(try reader.search(SearchQuery(text: "資金繰り", limit: 3))) { error in
            XCTAssertTrue("\(error)".contains("p-"), "\(error)")
        }
    }

    func testSearchJSAnswersTrigramTermsLikeSwift() throws {
        _ = try Node.require()
        guard let js = TestPaths.searchJS else { return XCTFail("cannot find search.js") }
        let docs = corpus()
        let dir = try TestPaths.temporaryDirectory("trigrams-js")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels(), to: dir)
        let trigrams = frequentTrigrams(docs)
        let terms = Array(trigrams.prefix(40)) + ["後継者 面談", "後継者", "継者と", "資金繰り", "後継", "者", "事業承継 承継者"]
        let reader = try SearchIndexReader(directory: dir)
        let swift = try terms.map { try reader.search(SearchQuery(text: $0, limit: 8)) }
        let queries = dir.appendingPathComponent("queries.json.tmp")
        try JSONEncoder().encode(terms.map { JavaScriptAgreementTests.JSQuery(text: $0, filters: [:], limit: 8) }).write(to: queries)
        let (status, out, err) = try Node.run([TestPaths.testsDir.appendingPathComponent("js-harness.js").path, js.path, dir.path, queries.path])
        XCTAssertEqual(status, 0, err)
        let output = try JSONDecoder().decode(JavaScriptAgreementTests.JSOutput.self, from: out)
        XCTAssertEqual(output.results.count, terms.count)
        for (term, (fromJS, fromSwift)) in zip(terms, zip(output.results, swift)) {
            XCTAssertEqual(fromJS.total, fromSwift.total, term)
            XCTAssertEqual(fromJS.results.map(\.url), fromSwift.hits.map(\.url), term)
        }
        XCTAssertGreaterThan(swift.filter { $0.total > 0 }.count, terms.count / 3)
    }

    func testOnlyTrigramsOfTwoFrequentBigramsHaveLists() throws {
        let docs = corpus()
        let folder = IndexSessionTests.Folder()
        _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        let manifest = try XCTUnwrap(folder.files["index.js"])
        let minimum = IndexLayout.trigramMinimum(documents: docs.count)
        XCTAssertEqual(minimum, 75, "a sixteenth of 1,200 documents")
        XCTAssertTrue(String(decoding: manifest, as: UTF8.self).contains("\"trigramMinimum\":75"))
        let frequent = IndexSessionTests.frequentBigrams(docs)
        var trigramKeys: [[UInt32]] = []
        for (name, data) in folder.files where IndexLayout.isShardFileName(name) && name.hasPrefix("g-") && name.split(separator: "-").count == 2 {
            let (_, body) = try IndexFile.parse(data, file: name)
            let payload = try IndexFile.payload(body, file: name)
            let entries = try XCTUnwrap(ShardEntry.entries(of: payload, grams: true))
            trigramKeys += entries.map(\.key).filter { $0.count == 3 }
        }
        XCTAssertFalse(trigramKeys.isEmpty)
        for key in trigramKeys {
            XCTAssertTrue(frequent.contains(BigramKey.make(key[0], key[1])) && frequent.contains(BigramKey.make(key[1], key[2])),
                          IndexAccumulator.string(key))
        }
        // Every trigram of two frequent bigrams that occurs has its list.
        let brute = BruteForce(docs)
        let occurring = frequentTrigrams(docs).filter { !brute.matches($0).isEmpty }
        XCTAssertEqual(Set(trigramKeys.map(IndexAccumulator.string)), Set(occurring))
    }
}
