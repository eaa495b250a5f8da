import Seeded
import XCTest
@testable import Search

/// The writer holds postings as varints and transcodes them to the file's VLQ digits when a
/// shard is written; these tests compare that path with encodings written straight from the
/// format (docs/search-index.md) with `VLQ.append`.
final class PostingEncodingTests: XCTestCase {
    private func vlq(_ values: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        for v in values { VLQ.append(v, to: &out) }
        return out
    }

    func testVarintsTranscodeToTheSameDigitsAsVLQ() {
        var random = SeededRandom(seed: 11)
        var values = [0, 1, 31, 32, 63, 64, 127, 128, 1023, 1024, 16383, 16384, (1 << 35) - 1]
        for _ in 0..<2000 { values.append(Int.random(in: 0..<(1 << Int.random(in: 1...35, using: &random)), using: &random)) }
        var varints: [UInt8] = []
        for v in values { Varint.append(v, to: &varints) }
        var transcoded: [UInt8] = []
        Varint.appendAsVLQ(varints, to: &transcoded)
        XCTAssertEqual(transcoded, vlq(values))
        for v in values { XCTAssertEqual(Varint.vlqLength(v), vlq([v]).count, "\(v)") }
        var reader = VarintReader(varints)
        var read: [Int] = []
        while let v = reader.next() { read.append(v) }
        XCTAssertEqual(read, values)
    }

    /// Enough documents that the lists span many chunks (up to the chunk size cap).
    func testPositionAndDocumentListsMatchTheFormat() {
        var random = SeededRandom(seed: 12)
        var positions = PositionPostingBuilder(), documents = DocPostingBuilder()
        var expectedPositions: [Int] = [], expectedLevel: [Int] = [], expectedDocs: [Int] = []
        var doc = -1, lastDoc = -1
        for _ in 0..<30_000 {
            doc += Int.random(in: 1...(Bool.random(using: &random) ? 2 : 300), using: &random)
            var values: [Int32] = []
            var v = Int.random(in: 0..<50, using: &random)
            for _ in 0..<(Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 2...9, using: &random) : 1) {
                values.append(Int32(v))
                v += Int.random(in: 1...6000, using: &random)
            }
            positions.add(doc: doc, values: values[...])
            let info = OccurrenceInfo.make(position: Int(values[0]) / 3, fieldClass: Int(values[0]) % 3)
            documents.add(doc: doc, info: info)
            // Straight from docs/search-index.md.
            let gap = doc - lastDoc - 1
            expectedPositions.append(gap * 2 + (values.count > 1 ? 1 : 0))
            if values.count > 1 { expectedPositions.append(values.count - 2) }
            var previous = -1
            for value in values {
                expectedPositions.append(Int(value) - previous - 1)
                previous = Int(value)
            }
            expectedLevel += [gap, info]
            expectedDocs += [gap, info]
            lastDoc = doc
        }
        XCTAssertGreaterThan(positions.bytes.full.count, 4, "the list spans several chunks")
        XCTAssertEqual(positions.vlq(), vlq(expectedPositions))
        XCTAssertEqual(positions.vlqCount, vlq(expectedPositions).count)
        XCTAssertEqual(positions.documentPostings(), vlq(expectedLevel))
        XCTAssertEqual(documents.vlq(), vlq(expectedDocs))
        XCTAssertEqual(documents.vlqCount, vlq(expectedDocs).count)
        XCTAssertLessThan(positions.bytes.count, positions.vlqCount, "held denser than the file form")

        var entries = [ShardEntry(key: [0x7279, 0x8A31], varintChunks: positions.bytes.takeChunks(), vlqCount: positions.vlqCount),
                       ShardEntry(key: [0x7279], bytes: vlq([3, 4]))]
        var files: [String: [UInt8]] = [:]
        let lock = NSLock()
        ShardEntry.emit(&entries, count: 1, key: { $0 }, name: { "p-\($0)" }) { id, json in
            lock.lock(); files[id] = json; lock.unlock()
        }
        let expected = "[\"特\",\"" + String(decoding: vlq([3, 4]), as: UTF8.self) + "\",\"特許\",\""
            + String(decoding: vlq(expectedPositions), as: UTF8.self) + "\"]"
        XCTAssertEqual(files["p-0"].map { String(decoding: $0, as: UTF8.self) }, expected)
        XCTAssertTrue(entries.allSatisfy { $0.chunks.isEmpty }, "entries are released once written")
    }

    /// The g copy of a bigram's document postings, the shard counts and the key placement,
    /// checked from the written files against the rules in docs/search-index.md.
    func testFilesFollowTheCopyAndShardRules() throws {
        var generator = CorpusGenerator(seed: 13)
        let dir = try TestPaths.temporaryDirectory("rules")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SearchIndexWriter.write(generator.documents(1500), labels: SearchFacetLabels(), to: dir)
        func load(_ id: String) throws -> Any {
            let file = dir.appendingPathComponent(id + ".js")
            let (_, payload) = try ShardFile.parse(try Data(contentsOf: file), file: file.path)
            return try ShardFile.json(payload, file: file.path)
        }
        func pairs(_ family: String, _ count: Int) throws -> [(key: String, value: String, shard: Int)] {
            var out: [(String, String, Int)] = []
            for n in 0..<count {
                let flat = try XCTUnwrap(try load("\(family)-\(n)") as? [String])
                for i in stride(from: 0, to: flat.count - 1, by: 2) { out.append((flat[i], flat[i + 1], n)) }
            }
            return out
        }
        let manifest = try XCTUnwrap(try load("index") as? [String: Any])
        let shards = try XCTUnwrap(manifest["shards"] as? [String: Int])
        let (g, p, w) = (try pairs("g", shards["g"] ?? 0), try pairs("p", shards["p"] ?? 0), try pairs("w", shards["w"] ?? 0))

        XCTAssertEqual(shards["g"], IndexLayout.shardCount(totalBytes: g.reduce(0) { $0 + $1.value.utf8.count + 8 }, target: 32 * 1024))
        XCTAssertEqual(shards["p"], IndexLayout.shardCount(totalBytes: p.reduce(0) { $0 + $1.value.utf8.count + 8 }, target: 48 * 1024))
        XCTAssertEqual(shards["w"], IndexLayout.shardCount(totalBytes: w.reduce(0) { $0 + $1.value.utf8.count + $1.key.unicodeScalars.count + 6 },
                                                           target: 32 * 1024))
        for (family, list, count) in [("g", g, shards["g"] ?? 1), ("p", p, shards["p"] ?? 1)] {
            for e in list {
                XCTAssertEqual(ShardHash.shard(of: e.key.unicodeScalars.map(\.value), count: count), e.shard, "\(family) \(e.key)")
            }
        }

        let gByKey = Dictionary(g.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        var copies = 0
        for e in p {
            // Document form of the positions: per document gap and the info of the first value.
            let numbers = try XCTUnwrap(VLQ.decode(e.value))
            var level: [Int] = []
            var at = 0, doc = -1, last = -1
            while at < numbers.count {
                let head = numbers[at]; at += 1
                doc += head >> 1 + 1
                let count = head & 1 == 1 ? numbers[at] + 2 : 1
                if head & 1 == 1 { at += 1 }
                let v = numbers[at]
                level += [doc - last - 1, OccurrenceInfo.make(position: v / 3, fieldClass: v % 3)]
                last = doc
                at += count
            }
            let form = String(decoding: vlq(level), as: UTF8.self)
            let copied = e.value.utf8.count >= 4096 && form.utf8.count * 3 <= e.value.utf8.count * 2
            XCTAssertEqual(gByKey[e.key], copied ? form : nil, e.key)
            if copied { copies += 1 }
        }
        XCTAssertGreaterThan(copies, 0, "the corpus has frequent bigrams")
    }
}
