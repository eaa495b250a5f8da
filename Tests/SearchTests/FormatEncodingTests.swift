import Foundation
import Seeded
import XCTest
@testable import Search

/// The file encodings of format 2 (docs/search-index.md): raw DEFLATE that both our inflater
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

    func testPostingShardsAreColumnsOfGapsThenOccurrences() throws {
        var builder = DocPostingBuilder()
        let docs = [0, 1, 5, 300, 301], occurrences = [2, 5, 40_000, 7, 1]
        for (d, o) in zip(docs, occurrences) { builder.add(doc: d, occurrence: o) }
        var entries = [ShardEntry(key: [0x7279, 0x8A31], builder: &builder)]
        let payloads = PayloadBox()
        ShardEntry.emit(&entries, count: 1, key: { $0 }, name: { "g-\($0)" }) { id, payload in payloads.set(id, payload) }
        var expected: [UInt8] = []
        for v in [2, 0x7279, 0x8A31, 5] + [0, 0, 3, 294, 0] + occurrences { Varint.append(v, to: &expected) }
        XCTAssertEqual(payloads.get("g-0"), expected)
        let shard = try PostingShard(expected, file: "g-0.js")
        let list = try XCTUnwrap(shard.matches(of: [0x7279, 0x8A31]))
        XCTAssertEqual(list.docs, docs.map(Int32.init))
        XCTAssertEqual(list.occurrences, occurrences.map(Int32.init))
        XCTAssertThrowsError(try PostingShard(Array(expected.dropLast(3)), file: "g-0.js"))
    }
}

final class PayloadBox: @unchecked Sendable {
    private let lock = NSLock()
    private var payloads: [String: [UInt8]] = [:]
    func set(_ id: String, _ payload: [UInt8]) { lock.lock(); payloads[id] = payload; lock.unlock() }
    func get(_ id: String) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return payloads[id] }
}
