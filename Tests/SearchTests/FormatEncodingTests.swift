import Foundation
import Seeded
import XCTest
@testable import Search

/// The file encodings of format 4 (docs/search-index.md): raw DEFLATE that both our inflater
/// and zlib (node's, as the browser's DecompressionStream) read back, and posting columns.
final class FormatEncodingTests: XCTestCase {
    private func samples() -> [[UInt8]] {
        var random = SeededRandom(seed: 21)
        let japanese = Array(String(repeating: "開放特許の活用を相談。後継者と面談し、資金繰りを確認した。", count: 300).utf8)
        var noise: [UInt8] = []
        for _ in 0..<100_000 { noise.append(UInt8.random(in: 0...255, using: &random)) }
        var mixed: [UInt8] = []
        for _ in 0..<4000 {
            if Bool.random(using: &random) { mixed += japanese[0..<Int.random(in: 1...60, using: &random)] }
            else { mixed.append(UInt8.random(in: 0...9, using: &random)) }
        }
        return [[], [7], Array(repeating: 0, count: 70_000), japanese, noise, mixed, Array("ab".utf8)]
    }

    func testDeflateRoundTripsAndShrinksRepeatedText() throws {
        for input in samples() {
            let compressed = Deflate.compress(input)
            XCTAssertEqual(Inflate.decompress(compressed), input, "\(input.count) bytes")
        }
        let text = samples()[3]
        XCTAssertLessThan(Deflate.compress(text).count * 20, text.count)
        XCTAssertNil(Inflate.decompress([0xFF, 0xFF, 0xFF]), "a malformed stream is an error, not a crash")
    }

    /// The match finder's tables are reused from one file to the next without being cleared:
    /// nothing of an earlier input may show through into a later one's bytes.
    func testDeflateOfAnInputIsTheSameWhateverWasCompressedBefore() throws {
        let inputs = samples()
        let alone = inputs.map { Deflate.compress($0) }
        // Each again, after inputs sharing its text (the Japanese sample after the mixed one
        // made of its pieces), on several threads at once.
        let again = ConcurrentBox(count: inputs.count * 4)
        DispatchQueue.concurrentPerform(iterations: inputs.count * 4) { k in
            let order = (k / inputs.count) % 2 == 0 ? k % inputs.count : inputs.count - 1 - k % inputs.count
            again.set(k, (order, Deflate.compress(inputs[order])))
        }
        for (order, bytes) in again.values {
            XCTAssertEqual(bytes, alone[order], "sample \(order)")
            XCTAssertEqual(Inflate.decompress(bytes), inputs[order])
        }
    }

    func testZlibInflatesWhatSwiftDeflates() throws {
        _ = try Node.require()
        let dir = try TestPaths.temporaryDirectory("deflate")
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = samples()
        for (i, input) in inputs.enumerated() {
            try Data(Deflate.compress(input)).write(to: dir.appendingPathComponent("\(i).deflate"))
        }
        let script = """
            const fs = require('fs'), zlib = require('zlib'), crypto = require('crypto');
            const out = [];
            for (let i = 0; i < \(inputs.count); i++) {
              const raw = zlib.inflateRawSync(fs.readFileSync(process.argv[1] + '/' + i + '.deflate'));
              out.push(raw.length + ':' + crypto.createHash('sha256').update(raw).digest('hex'));
            }
            console.log(out.join('\\n'));
            """
        let (status, out, err) = try Node.run(["-e", script, dir.path])
        XCTAssertEqual(status, 0, err)
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, inputs.count)
        for (line, input) in zip(lines, inputs) {
            XCTAssertTrue(line.hasPrefix("\(input.count):"), "zlib read \(line) for \(input.count) bytes")
        }
    }

    func testPostingShardsAreColumnsOfGapsClassesAndBigramPositions() throws {
        // A bigram (特許) keeps gaps, field classes and positions; a trigram (特許権) gap × 3 + class.
        var bigram = DocPostingBuilder(), trigram = DocPostingBuilder()
        let docs = [0, 1, 5, 300, 301], occurrences = [2, 5, 40_000, 7, 1]
        for (d, o) in zip(docs, occurrences) { bigram.add(doc: d, occurrence: o) }
        for (d, o) in zip(docs, occurrences) { trigram.add(doc: d, fieldClass: o % 3) }
        var entries = [ShardEntry(key: [0x7279, 0x8A31, 0x6A29], builder: &trigram, positions: false),
                       ShardEntry(key: [0x7279, 0x8A31], builder: &bigram, positions: true)]
        let payloads = PayloadBox()
        ShardEntry.emit(&entries, count: 1, key: { $0 }, name: { "g-\($0)" }) { id, payload in payloads.set(id, payload) }
        var expected: [UInt8] = []
        // 2n: the columns follow in the shard; shorter keys first.
        let gaps = [0, 0, 3, 294, 0], classes = occurrences.map { $0 % 3 }
        for v in [2, 0x7279, 0x8A31, 10] + gaps + classes + occurrences.map({ $0 / 3 }) { Varint.append(v, to: &expected) }
        for v in [3, 0x7279, 0x8A31, 0x6A29, 10] + zip(gaps, classes).map({ $0 * 3 + $1 }) { Varint.append(v, to: &expected) }
        XCTAssertEqual(payloads.get("g-0"), expected)
        XCTAssertNil(payloads.get("g-0-0"), "a short list stays in its shard")
        let shard = try PostingShard(expected, file: "g-0.js", grams: true)
        let list = try XCTUnwrap(try shard.matches(of: [0x7279, 0x8A31], in: "g-0") { XCTFail("no list file: \($0)"); return [] })
        XCTAssertEqual(list.docs, docs.map(Int32.init))
        XCTAssertEqual(list.occurrences, occurrences.map(Int32.init))
        let three = try XCTUnwrap(try shard.matches(of: [0x7279, 0x8A31, 0x6A29], in: "g-0") { XCTFail("no list file: \($0)"); return [] })
        XCTAssertEqual(three.docs, docs.map(Int32.init))
        XCTAssertEqual(three.occurrences, classes.map(Int32.init))
        XCTAssertEqual(shard.count(of: [0x7279, 0x8A31]), 5)
        XCTAssertThrowsError(try PostingShard(Array(expected.dropLast(3)), file: "g-0.js", grams: true))
        // In a w shard a two-letter word has no positions: the same bytes read differently.
        XCTAssertThrowsError(try PostingShard(expected, file: "w-0.js", grams: false))
    }

    func testALongListIsAFileOfItsOwnNamedAfterItsShard() throws {
        // 「特許」 in 1,500 documents, 「燕」 in two: the long list leaves the shard, the short stays;
        // its positions are a file of their own too.
        var long = DocPostingBuilder(), short = DocPostingBuilder()
        for d in 0..<1500 { long.add(doc: d * 2, occurrence: 3 * (d % 700) + 2) }
        short.add(doc: 4, fieldClass: 0)
        short.add(doc: 9, fieldClass: 1)
        var entries = [ShardEntry(key: [0x7279, 0x8A31], builder: &long, positions: true),
                       ShardEntry(key: [0x71D5], builder: &short, positions: false)]
        XCTAssertTrue(entries[0].outboard)
        XCTAssertFalse(entries[1].outboard)
        let payloads = PayloadBox()
        ShardEntry.emit(&entries, count: 1, key: { $0 }, name: { "g-\($0)" }) { id, payload in payloads.set(id, payload) }
        var expected: [UInt8] = []
        // Shorter keys first: 燕 (2n = 4, then gap × 3 + class: 4 × 3 + 0, 4 × 3 + 1), then 特許
        // (2n + 1 = 3001: list file 0).
        for v in [1, 0x71D5, 4, 12, 13] + [2, 0x7279, 0x8A31, 3001] { Varint.append(v, to: &expected) }
        XCTAssertEqual(payloads.get("g-0"), expected)
        var columns: [UInt8] = [], positions: [UInt8] = []
        for d in 0..<1500 { Varint.append(d == 0 ? 0 : 1, to: &columns) }
        for _ in 0..<1500 { Varint.append(2, to: &columns) }
        for d in 0..<1500 { Varint.append(d % 700, to: &positions) }
        XCTAssertEqual(payloads.get("g-0-0"), columns)
        XCTAssertEqual(payloads.get("p-0-0"), positions)

        let shard = try PostingShard(expected, file: "g-0.js", grams: true)
        XCTAssertEqual(shard.lists, 1)
        var asked: [String] = []
        let files = ["g-0-0": columns, "p-0-0": positions]
        let classes = try XCTUnwrap(try shard.matches(of: [0x7279, 0x8A31], in: "g-0") { asked.append($0); return files[$0] ?? [] })
        XCTAssertEqual(asked, ["g-0-0"], "a two-scalar term needs no positions")
        XCTAssertEqual(classes.docs, (0..<1500).map { Int32($0 * 2) })
        XCTAssertEqual(Set(classes.occurrences), [2])
        asked = []
        let list = try XCTUnwrap(try shard.matches(of: [0x7279, 0x8A31], in: "g-0", positions: true) { asked.append($0); return files[$0] ?? [] })
        XCTAssertEqual(asked, ["g-0-0", "p-0-0"])
        XCTAssertEqual(list.occurrences.last, Int32(3 * (1499 % 700) + 2))
        XCTAssertThrowsError(try shard.matches(of: [0x7279, 0x8A31], in: "g-0") { _ in Array(columns.dropLast(2)) }) { error in
            XCTAssertTrue("\(error)".contains("g-0-0.js"), "\(error)")
        }
        XCTAssertThrowsError(try shard.matches(of: [0x7279, 0x8A31], in: "g-0", positions: true) {
            $0 == "g-0-0" ? columns : Array(positions.dropLast(2))
        }) { error in
            XCTAssertTrue("\(error)".contains("p-0-0.js"), "\(error)")
        }
        XCTAssertTrue(IndexLayout.isShardFileName("g-12-0.js"))
        XCTAssertTrue(IndexLayout.isShardFileName("p-12-0.js"))
        XCTAssertFalse(IndexLayout.isShardFileName("g-12-0-1.js"))
        XCTAssertFalse(IndexLayout.isShardFileName("g-12-.js"))
        // Facet values and lists (version 5), and the facet file of versions 2–4.
        XCTAssertTrue(IndexLayout.isShardFileName("f-2.js"))
        XCTAssertTrue(IndexLayout.isShardFileName("f-2-40.js"))
        XCTAssertTrue(IndexLayout.isShardFileName("facets.js"))
        XCTAssertFalse(IndexLayout.isShardFileName("facet.js"))
    }

    func testBase93TextRoundTripsAndNeedsNoEscape() throws {
        var random = SeededRandom(seed: 93)
        for n in [0, 1, 2, 3, 7, 8, 13, 14, 26, 100, 1000] {
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &random) }
            var text: [UInt8] = []
            Base93.encode(bytes, to: &text)
            XCTAssertTrue(text.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }, "\(n) bytes")
            XCTAssertEqual(Base93.decode(text[...]), bytes, "\(n) bytes")
            XCTAssertLessThanOrEqual(text.count, (n * 16 + 12) / 13 + 1, "two characters per 13 bits")
        }
        XCTAssertNil(Base93.decode(Array("ab\\c".utf8)[...]), "a backslash is not a digit")
        XCTAssertNil(Base93.decode(Array("~~".utf8)[...]), "92 + 93 · 92 is more than 13 bits")
    }
}

final class PayloadBox: @unchecked Sendable {
    private let lock = NSLock()
    private var payloads: [String: [UInt8]] = [:]
    func set(_ id: String, _ payload: [UInt8]) { lock.lock(); payloads[id] = payload; lock.unlock() }
    func get(_ id: String) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return payloads[id] }
}

/// Results set from several threads.
private final class ConcurrentBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(Int, [UInt8])?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: (Int, [UInt8])) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [(Int, [UInt8])] { slots.compactMap { $0 } }
}
