import Foundation
import XCTest
@testable import Site

/// The speed paths of the Site room must give exactly what the general (Foundation) paths give.
final class FastPathTests: XCTestCase {
    /// Every scalar the fast promise key accepts, alone and between others, against Foundation's NFKC.
    func testFastPromiseKeyAgreesWithNFKCForEveryScalarItAccepts() {
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ａ" + String(Character(scalar)) + "ｂ 済"
            guard let fast = PublishedSite.fastPromiseKey(text) else { continue }
            XCTAssertEqual(fast, PublishedSite.normalizedPromiseKey(text), "U+\(String(value, radix: 16))")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20_000)   // ASCII, full-width forms, kana, CJK ideographs
    }

    func testPromiseKeyOfMixedJapaneseText() {
        let samples = ["見積りを　送る", "ＩｏＴ センサーの 見積り", "ｱﾙﾊﾞｲﾄ比率を確認", "Call\tBack\r\nTomorrow",
                       "ガ（濁点の合成）", "カ\u{3099}を含む", "試作品ＯＫ。", "", "㈱丸々精機へ連絡"]
        for text in samples {
            XCTAssertEqual(PublishedSite.promiseKey(text), PublishedSite.normalizedPromiseKey(text), text)
        }
        XCTAssertNil(PublishedSite.fastPromiseKey("ｱﾙﾊﾞｲﾄ"))   // half-width kana compose: the slow path decides
        XCTAssertEqual(PublishedSite.promiseKey("ＩｏＴ センサー"), PublishedSite.promiseKey("iot センサー"))
    }

    func testTrimmingMatchesFoundationWhitespaces() {
        let samples = ["  見積り ", "\u{3000}全角空白\u{3000}", "\t tab", "none", "", " ", "\u{3000}", "a\u{00A0}",
                       "\n改行は残る\n", "\u{2003}em\u{202F}", "中 間 の 空白"]
        for text in samples {
            XCTAssertEqual(WhiteSpace.trimmed(text), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    func testSlugFastPathAgreesWithTheFullRules() {
        let samples = ["2026-10-14-marumaru-seiki", "a..b", ".hidden", "a/b", "a\\b", "a b", "a:b", "a%b", "ok_1.2~x",
                       "丸々精機", "ＡＢＣ", "tab\there", "", String(repeating: "x", count: 201), String(repeating: "x", count: 200),
                       "a?b", "a#b", "a\"b", "a'b", "a<b", "a>b", "a&b", "a|b", "a*b", "a\u{7F}b", "x."]
        for slug in samples {
            let fast = SlugRules.isPlainASCII(slug)
            if fast { XCTAssertNil(SlugRules.problem(with: slug), slug) }
            // The fast path accepts exactly the ASCII slugs the full rules accept.
            if slug.utf8.allSatisfy({ $0 < 0x80 }) {
                XCTAssertEqual(fast, slugProblemWithoutFastPath(slug) == nil, slug)
            }
        }
        XCTAssertNotNil(SlugRules.problem(with: "a..b"))
        XCTAssertNil(SlugRules.problem(with: "丸々精機"))
    }

    /// The full rules, spelled as before the fast path existed (the reference for the test above).
    private func slugProblemWithoutFastPath(_ slug: String) -> String? {
        if slug.isEmpty || slug.utf8.count > SlugRules.maximumBytes || slug.hasPrefix(".") { return "x" }
        if slug.contains("/") || slug.contains("\\") || slug.contains("..") { return "x" }
        for scalar in slug.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format { return "x" }
            if scalar.properties.isWhitespace { return "x" }
            if "?#%\"'<>&|*:".unicodeScalars.contains(scalar) { return "x" }
        }
        return nil
    }

    func testPercentEncodingMatchesFoundation() {
        let allowed: CharacterSet = {
            var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
            set.insert(charactersIn: "-._~")
            return set
        }()
        for segment in ["知財", "販路 開拓", "a+b&c", "ＩｏＴ", "ｱﾙﾊﾞｲﾄ", "plain-ascii_1.2~", "100%", "é"] {
            XCTAssertEqual(RelativeURL.encodeSegment(segment), segment.addingPercentEncoding(withAllowedCharacters: allowed), segment)
        }
    }

    /// The readdir scan finds what a FileManager walk finds, in the same order, and follows a symlink
    /// that stays inside content/ but refuses one that leaves it.
    func testScannerListsFilesSortedAndChecksLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fastpath-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        let fm = FileManager.default
        for dir in ["visits/2026", "visits/2025", "companies", "companies/sub", "people"] {
            try fm.createDirectory(at: content.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        for file in ["visits/2026/2026-02-01-b.md", "visits/2026/2026-01-01-a.md", "visits/2025/2025-05-05-丸々.md",
                     "companies/zeta.md", "companies/alpha.md", "companies/.hidden.md", "companies/readme.txt", "people/ito.md"] {
            try Data("---\n---\n".utf8).write(to: content.appendingPathComponent(file))
        }
        try Data().write(to: root.appendingPathComponent("outside.md"))
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("companies/link.md").path, withDestinationPath: "alpha.md")
        try fm.createSymbolicLink(atPath: content.appendingPathComponent("people/away.md").path,
                                  withDestinationPath: root.appendingPathComponent("outside.md").path)
        var diagnostics = DiagnosticList()
        let files = ContentScanner(contentDirectory: content, displayRoot: "content").scan(into: &diagnostics)
        XCTAssertEqual(files.map(\.relativePath), ["companies/alpha.md", "companies/link.md", "companies/zeta.md",
                                                   "people/ito.md", "visits/2025/2025-05-05-丸々.md",
                                                   "visits/2026/2026-01-01-a.md", "visits/2026/2026-02-01-b.md"])
        XCTAssertEqual(files.last?.slug, "2026-02-01-b")
        XCTAssertEqual(files.first?.displayPath, "content/companies/alpha.md")
        XCTAssertTrue(files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        let messages = diagnostics.sorted.map { "\($0.path): \($0.message)" }
        XCTAssertTrue(messages.contains { $0.hasPrefix("content/people/away.md: symbolic link points outside") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("content/companies/sub: sub-folders are not read") }, "\(messages)")
    }

    /// Reading by path gives the same text and problems as before, including for a file that is not UTF-8.
    func testSourceTextReadsByPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fastpath-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("\u{FEFF}見立て\r\n次の一手\r\n".utf8).write(to: url)
        XCTAssertEqual(try SourceText.read(path: url.path, displayPath: "x.md").get(), "見立て\n次の一手\n")
        try Data([0x41, 0x0A, 0xE3, 0x81]).write(to: url)
        guard case .failure(let problem) = SourceText.read(path: url.path, displayPath: "x.md") else { return XCTFail("read invalid UTF-8") }
        XCTAssertEqual([problem.line, problem.column], [2, 1])
        guard case .failure = SourceText.read(path: url.deletingLastPathComponent().path, displayPath: "dir") else { return XCTFail("read a folder") }
    }
}
