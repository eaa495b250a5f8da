import XCTest
@testable import Search

/// The shared table is the contract between SearchNormalizer and search.js's normalize.
final class NormalizationTests: XCTestCase {
    struct Row: Decodable { let input: String; let expected: String; let note: String }

    private func table() throws -> [Row] {
        let url = TestPaths.testsDir.appendingPathComponent("normalization-table.json")
        return try JSONDecoder().decode([Row].self, from: Data(contentsOf: url))
    }

    func testSwiftMatchesTable() throws {
        let rows = try table()
        XCTAssertGreaterThan(rows.count, 30)
        for row in rows {
            let got = SearchNormalizer.normalize(row.input)
            // Compare scalars: String == would call canonically equivalent forms equal.
            XCTAssertEqual(got.unicodeScalars.map(\.value), row.expected.unicodeScalars.map(\.value),
                           "\(row.note): \(row.input.debugDescription) → \(got.debugDescription), expected \(row.expected.debugDescription)")
        }
    }

    func testJavaScriptMatchesTable() throws {
        _ = try Node.require()
        guard let js = TestPaths.searchJS else { return XCTFail("cannot find the package root above \(#filePath)") }
        let script = TestPaths.testsDir.appendingPathComponent("normalize-check.js").path
        let table = TestPaths.testsDir.appendingPathComponent("normalization-table.json").path
        let (status, out, err) = try Node.run([script, js.path, table])
        XCTAssertEqual(status, 0, "search.js disagrees with the table:\n\(String(decoding: out, as: UTF8.self))\(err)")
    }

    func testQueryTermsSplitOnASCIIAndIdeographicSpace() {
        let terms = QueryTerm.parse("  特許\u{3000}ＩＰ  活用 ｍａｔｃ")
        XCTAssertEqual(terms.map { String(String.UnicodeScalarView($0.scalars.compactMap(Unicode.Scalar.init))) },
                       ["特許", "ip", "活用", "matc"])
        XCTAssertEqual(terms.map(\.kind), [.substring, .word(prefix: false), .substring, .word(prefix: true)])
        XCTAssertEqual(QueryTerm.parse("IP活用")[0].kind, .substring, "mixed terms are substrings")
        XCTAssertEqual(QueryTerm.parse("Café")[0].kind, .word(prefix: true), "Latin with diacritics is a word")
    }

    func testCoveringBigramsReachEveryScalar() {
        XCTAssertEqual(QueryTerm.coveringOffsets(length: 3), [0, 1])
        XCTAssertEqual(QueryTerm.coveringOffsets(length: 4), [0, 2])
        XCTAssertEqual(QueryTerm.coveringOffsets(length: 5), [0, 2, 3])
        XCTAssertEqual(QueryTerm.coveringOffsets(length: 6), [0, 2, 4])
    }

    func testVarintRoundTrip() {
        var bytes: [UInt8] = []
        let values = [0, 1, 127, 128, 16_383, 16_384, 123_456_789, 5]
        for v in values { Varint.append(v, to: &bytes) }
        XCTAssertEqual(bytes.withUnsafeBufferPointer { Varint.decode($0) }, values)
        XCTAssertEqual(bytes.count, 1 + 1 + 1 + 2 + 2 + 3 + 4 + 1)
    }
}
