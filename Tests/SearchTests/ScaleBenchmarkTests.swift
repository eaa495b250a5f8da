import Seeded
import XCTest
@testable import Search

/// Scale check, run on demand: `DENSHO_SEARCH_BENCH=10000 swift test -c release -Xswiftc -enable-testing
/// --filter ScaleBenchmarkTests` builds an index of that many ~1,850-character notes and prints
/// build time, index size and what typical queries load.
final class ScaleBenchmarkTests: XCTestCase {
    func testScale() throws {
        guard let n = ProcessInfo.processInfo.environment["DENSHO_SEARCH_BENCH"].flatMap(Int.init) else {
            throw XCTSkip("set DENSHO_SEARCH_BENCH=<documents> to run the scale benchmark")
        }
        var random = SeededRandom(seed: 1)
        // A vocabulary with a Zipf-like use: a few very common words, a long tail of rare ones.
        let kanji = (0..<2500).map { Unicode.Scalar(0x4E00 + UInt32($0) * 7)! }
        let kana = Array("のをにはがでとしてたいるますでしたです、。".unicodeScalars)
        var vocabulary: [String] = []
        for i in 0..<8000 {
            let length = 2 + i % 3
            vocabulary.append(String(String.UnicodeScalarView((0..<length).map { _ in kanji[Int(Double(kanji.count) * pow(Double.random(in: 0..<1, using: &random), 2))] })))
        }
        vocabulary += ["特許", "海外展開", "資金繰り", "IP", "matching", "DX", "マッチング", "ライセンス"]
        func word() -> String {
            let r = Double.random(in: 0..<1, using: &random)
            if r < 0.35 { return String(kana[Int.random(in: 0..<kana.count, using: &random)]) }
            return vocabulary[Int(Double(vocabulary.count) * pow(Double.random(in: 0..<1, using: &random), 3))]
        }
        var docs: [SearchDocument] = []
        for i in 0..<n {
            var body = ""
            var length = 0
            while length < 1850 {
                let w = word()
                body += w
                length += w.unicodeScalars.count
            }
            docs.append(SearchDocument(url: "visits/\(i).html", title: word() + word() + "訪問", type: "visit",
                                       date: String(format: "20%02d-%02d-%02d", 18 + i % 9, 1 + i % 12, 1 + i % 28),
                                       headings: ["聞いたこと", "見立て", "次の一手"], body: body, meta: word(),
                                       facets: ["company": ["c\(i % 500)"], "person": ["p\(i % 40)"], "theme": ["t\(i % 12)"]]))
        }
        let dir = try TestPaths.temporaryDirectory("bench")
        defer { try? FileManager.default.removeItem(at: dir) }
        let start = Date()
        let stats = try SearchIndexWriter.write(docs, labels: SearchFacetLabels(), to: dir)
        var families: [Character: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let size = (try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            families[name.first!, default: 0] += size
        }
        print("BENCH families (bytes): \(families.sorted { $0.key < $1.key })")
        print("BENCH build \(n) docs: \(String(format: "%.2f", Date().timeIntervalSince(start))) s, \(stats.files) files, \(stats.bytes / 1_000_000) MB")
        for q in ["特許", "海外展開", "特許 海外展開", "ip matc", "資金繰り マッチング", vocabulary[3] + " " + vocabulary[40], "の", "して"] {
            let reader = try SearchIndexReader(directory: dir)
            let t = Date()
            let r = try reader.search(SearchQuery(text: q, limit: 10))
            print("BENCH query \(q): total \(r.total), \(reader.filesLoaded) shards, \(reader.bytesLoaded / 1000) KB, \(String(format: "%.1f", Date().timeIntervalSince(t) * 1000)) ms")
        }
    }
}
