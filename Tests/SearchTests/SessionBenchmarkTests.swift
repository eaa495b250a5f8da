import Seeded
import Foundation
import XCTest
@testable import Search

/// Watch-session scale check, run on demand: `DENSHO_SESSION_BENCH=10000 swift test -c release
/// -Xswiftc -enable-testing --filter SessionBenchmarkTests` builds a session over that many
/// ~1,850-character notes, then times `update` after one-visit edits (append a line, as
/// `densho-bench --incremental` does; change a word mid-body; insert mid-body; the title; a new
/// theme) and checks the result against a full build.
final class SessionBenchmarkTests: XCTestCase {
    final class Sizes: @unchecked Sendable {
        private let lock = NSLock()
        var files: [String: Int] = [:]
        func put(_ name: String, _ n: Int) { lock.lock(); files[name] = n; lock.unlock() }
    }

    func testSessionScale() throws {
        guard let n = ProcessInfo.processInfo.environment["DENSHO_SESSION_BENCH"].flatMap(Int.init) else {
            throw XCTSkip("set DENSHO_SESSION_BENCH=<documents> to run the session benchmark")
        }
        var random = SeededRandom(seed: 1)
        let kanji = (0..<2500).compactMap { Unicode.Scalar(0x4E00 + UInt32($0) * 7) }
        let kana = Array("のをにはがでとしてたいるますでしたです、。".unicodeScalars)
        var vocabulary: [String] = (0..<8000).map { i in
            String(String.UnicodeScalarView((0..<(2 + i % 3)).map { _ in
                kanji[Int(Double(kanji.count) * pow(Double.random(in: 0..<1, using: &random), 2))] }))
        }
        vocabulary += ["特許", "海外展開", "資金繰り", "IP", "matching", "DX", "マッチング", "ライセンス"]
        func word() -> String {
            if random.chance(0.35) { return String(random.pick(kana)) }
            return vocabulary[Int(Double(vocabulary.count) * pow(Double.random(in: 0..<1, using: &random), 3))]
        }
        var docs: [SearchDocument] = (0..<n).map { i in
            var body = ""
            while body.unicodeScalars.count < 1850 { body += word() }
            return SearchDocument(url: "visits/\(i).html", title: word() + word() + "訪問", type: "visit",
                                  date: String(format: "20%02d-%02d-%02d", 18 + i % 9, 1 + i % 12, 1 + i % 28),
                                  headings: ["聞いたこと", "見立て", "次の一手"], body: body, meta: word(),
                                  facets: ["company": ["c\(i % 500)"], "person": ["p\(i % 40)"], "theme": ["t\(i % 12)"]])
        }
        func rss() -> Int {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }

        let session = SearchIndexSession()
        let sizes = Sizes()
        var before = rss()
        var t = Date()
        if ProcessInfo.processInfo.environment["DENSHO_SESSION_BENCH_WRITER"] != nil {
            for _ in 0..<2 { _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels()) { _, _ in } }
            t = Date()
            _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels()) { _, _ in }
            print("SESSION writer alone: \(String(format: "%.2f", Date().timeIntervalSince(t))) s, RSS +\((rss() - before) / 1024) MB")
            before = rss()
            t = Date()
        }
        let full = try session.build(docs, labels: SearchFacetLabels()) { sizes.put($0, $1.count) }
        print("SESSION build \(n): \(String(format: "%.2f", Date().timeIntervalSince(t))) s, \(full.stats.files) files, RSS +\((rss() - before) / 1024) MB")

        var last = full
        for (k, edit) in ["append", "append", "mid-body word", "mid-body insert", "title", "theme", "append"].enumerated() {
            let id = (k * 2_731) % n
            var doc = docs[id]
            switch edit {
            case "append": doc.body += "\n追記: ＩＰ matching の相談 \(k)。"
            case "mid-body word":
                var s = Array(doc.body.unicodeScalars)
                s.replaceSubrange(900..<904, with: "海外展開".unicodeScalars)
                doc.body = String(String.UnicodeScalarView(s))
            case "mid-body insert":
                var s = Array(doc.body.unicodeScalars)
                s.insert(contentsOf: "（第２稿）".unicodeScalars, at: 900)
                doc.body = String(String.UnicodeScalarView(s))
            case "theme": doc.facets["theme", default: []].append("ベンチ\(k)")
            default: doc.title += "（再訪）"
            }
            docs[id] = doc
            t = Date()
            last = try session.update(replacing: [doc], labels: SearchFacetLabels()) { sizes.put($0, $1.count) }
            let seconds = Date().timeIntervalSince(t)
            let bytes = last.emitted
            print("SESSION update (\(edit), doc \(id)): \(String(format: "%.3f", seconds)) s, emitted \(bytes) files, \(last.patched ? "patched" : "built again")")
        }
        print("SESSION RSS after updates +\((rss() - before) / 1024) MB")

        // The last state against a fresh full build (file sizes here; byte equality is the
        // job of IndexSessionTests).
        let fresh = Sizes()
        _ = try SearchIndexWriter.write(docs, labels: SearchFacetLabels()) { fresh.put($0, $1.count) }
        XCTAssertEqual(sizes.files.filter { last.fileNames.contains($0.key) }, fresh.files)
    }
}
