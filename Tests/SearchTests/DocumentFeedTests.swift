import Foundation
import XCTest
@testable import Search

/// The writer fed one batch at a time (`write(outlines:document:…)`, what a site build uses so it
/// never holds every page's text twice) must write exactly the files of the writer fed an array,
/// asking for each document once.
final class DocumentFeedTests: XCTestCase {
    final class Requests: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [Int: Int] = [:]
        func note(_ i: Int) { lock.lock(); counts[i, default: 0] += 1; lock.unlock() }
    }

    func testDocumentsMadeOnDemandGiveTheFilesOfAnArray() throws {
        var docs = IndexSessionTests.corpus(seed: 29, count: 2_600)   // several batches of 1,024
        // Undated documents and equal dates exercise every rule of the id order.
        for i in docs.indices where i % 17 == 0 { docs[i].date = nil }
        for i in docs.indices where i % 13 == 0 { docs[i].date = docs[0].date }
        docs[5].body = "全角ＡＢＣと半角ｶﾀｶﾅ、IoT と ＩｏＴ。"
        let expected = try IndexSessionTests.fullBuild(docs)

        let requests = Requests()
        let folder = IndexSessionTests.Folder()
        let frozen = docs
        let stats = try SearchIndexWriter.write(outlines: docs.map { SearchDocumentOutline($0) }, document: { i in
            requests.note(i)
            return frozen[i]
        }, labels: SearchFacetLabels()) { folder.put($0, $1) }

        XCTAssertEqual(Set(folder.files.keys), Set(expected.keys))
        XCTAssertEqual(expected.keys.filter { folder.files[$0] != expected[$0] }.sorted(), [], "files differing")
        XCTAssertEqual(stats.documents, docs.count)
        XCTAssertEqual(requests.counts.count, docs.count, "every document asked for")
        XCTAssertEqual(Set(requests.counts.values), [1], "and each only once")
    }

    func testOutlineSizeIsTheDocumentShardFormula() {
        let doc = SearchDocument(url: "visits/2026/a.html", title: "訪問", type: "visit", date: nil,
                                 headings: ["見立て", "次の一手"], body: "本文ＡＢＣ", meta: "株式会社")
        let outline = SearchDocumentOutline(doc)
        // url 18, title 6, type 5, no date 4, headings 9+3 + 12+3, body 15, meta 12, + 24
        XCTAssertEqual(outline.inputSize, 18 + 6 + 5 + 4 + 12 + 15 + 15 + 12 + 24)
        XCTAssertEqual(outline.url, doc.url)
        XCTAssertNil(outline.date)
    }
}
