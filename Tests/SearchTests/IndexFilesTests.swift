import XCTest
@testable import Search

final class IndexFilesTests: XCTestCase {
    private func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    func testOutputIsDeterministicAndEveryFileRegistersItself() throws {
        var generator = CorpusGenerator(seed: 7)
        let docs = generator.documents(400)
        let a = try TestPaths.temporaryDirectory("det-a"), b = try TestPaths.temporaryDirectory("det-b")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let stats = try SearchIndexWriter.write(docs, labels: SearchFacetLabels(), to: a)
        _ = try SearchIndexWriter.write(docs.reversed(), labels: SearchFacetLabels(), to: b)
        let fa = try files(a), fb = try files(b)
        XCTAssertEqual(fa, fb, "same documents (in any input order) give byte-identical files")
        XCTAssertEqual(stats.files, fa.count)
        XCTAssertEqual(stats.bytes, fa.values.reduce(0) { $0 + $1.count })
        XCTAssertEqual(stats.documents, 400)
        for (name, data) in fa {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("densho_search_register(\"\(name.dropLast(3))\","), name)
            XCTAssertTrue(text.hasSuffix(");\n"), name)
        }
        XCTAssertNotNil(fa["index.js"])
    }

    func testRewritingASmallerIndexRemovesStaleShardsOnly() throws {
        var generator = CorpusGenerator(seed: 8)
        let dir = try TestPaths.temporaryDirectory("stale")
        defer { try? FileManager.default.removeItem(at: dir) }
        let keep = dir.appendingPathComponent("notes.txt")
        try Data("人が書いたもの".utf8).write(to: keep)
        _ = try SearchIndexWriter.write(generator.documents(1500), labels: SearchFacetLabels(), to: dir)
        let small = try SearchIndexWriter.write(generator.documents(3), labels: SearchFacetLabels(), to: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertEqual(names.count, small.files + 1)
        XCTAssertTrue(names.contains("notes.txt"))
    }

    func testAQueryLoadsOnlyTheShardsItNeeds() throws {
        var generator = CorpusGenerator(seed: 9)
        let dir = try TestPaths.temporaryDirectory("lazy")
        defer { try? FileManager.default.removeItem(at: dir) }
        let stats = try SearchIndexWriter.write(generator.documents(3000), labels: SearchFacetLabels(), to: dir)
        let reader = try SearchIndexReader(directory: dir)
        XCTAssertEqual(reader.filesLoaded, 0)
        let r = try reader.search(SearchQuery(text: "特許 活用", limit: 10))
        XCTAssertGreaterThan(r.total, 0)
        // per term its g shard and (a long list) its list file, ≤10 d shards for the hits
        XCTAssertLessThanOrEqual(reader.filesLoaded, 14)
        XCTAssertLessThan(reader.bytesLoaded * 10, stats.bytes, "a query reads a small part of the index")
        // A phrase may read the text of documents whose bigrams first occur apart.
        let phrase = try SearchIndexReader(directory: dir)
        XCTAssertGreaterThan(try phrase.search(SearchQuery(text: "開放特許 活用", limit: 10)).total, 0)
        XCTAssertLessThan(phrase.bytesLoaded * 2, stats.bytes)
    }

    func testBrokenFilesAreErrorsWithTheirPath() throws {
        let dir = try TestPaths.temporaryDirectory("broken")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try SearchIndexReader(directory: dir)) { error in
            XCTAssertTrue("\(error)".contains("index.js"), "\(error)")
        }
        try Data("console.log(1)".utf8).write(to: dir.appendingPathComponent("index.js"))
        XCTAssertThrowsError(try SearchIndexReader(directory: dir)) { error in
            XCTAssertTrue("\(error)".contains("index.js:1:1: error: not a densho search file"), "\(error)")
        }
        _ = try SearchIndexWriter.write([SearchDocument(url: "a.html", title: "特許", type: "visit")], labels: SearchFacetLabels(), to: dir)
        try Data("densho_search_register(\"g-0\",[1,2]);\n".utf8).write(to: dir.appendingPathComponent("g-0.js"))
        let reader = try SearchIndexReader(directory: dir)
        XCTAssertThrowsError(try reader.search(SearchQuery(text: "特"))) { error in
            XCTAssertTrue("\(error)".contains("g-0.js"), "\(error)")
        }
    }
}
