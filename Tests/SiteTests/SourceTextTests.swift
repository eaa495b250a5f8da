import Foundation
import XCTest
@testable import Site

final class SourceTextTests: XCTestCase {
    func testInvalidUTF8IsLocatedAtTheBadByte() {
        var bytes = Array("---\nname: 株式会社\n".utf8)
        bytes += Array("ab".utf8) + [0xE6, 0x97] + Array("\n".utf8)   // truncated 3-byte sequence on line 3
        guard case .failure(let d) = SourceText.decode(Data(bytes), displayPath: "x.md") else { return XCTFail("accepted invalid UTF-8") }
        XCTAssertEqual(d.line, 3)
        XCTAssertEqual(d.column, 3)
        XCTAssertTrue(d.description.hasPrefix("x.md:3:3: error:"), d.description)
    }

    func testShiftJISIsRefused() {
        let sjis: [UInt8] = [0x93, 0xFA, 0x96, 0x7B]   // 日本 in Shift_JIS
        guard case .failure = SourceText.decode(Data(sjis), displayPath: "x.md") else { return XCTFail("accepted Shift_JIS") }
    }

    func testOverlongAndSurrogatesAreRefused() {
        XCTAssertEqual(SourceText.firstInvalidUTF8Offset([0x41, 0xC0, 0xAF]), 1)
        XCTAssertEqual(SourceText.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]), 0)
        XCTAssertEqual(SourceText.firstInvalidUTF8Offset([0xF4, 0x90, 0x80, 0x80]), 0)
        XCTAssertNil(SourceText.firstInvalidUTF8Offset(Array("伝承 ｶﾀｶﾅ ＡＢＣ 🎌".utf8)))
    }

    func testBOMAndLineEndingsAreNormalized() {
        let text = "\u{FEFF}---\r\nname: 田中\r\n---\rbody\r\n"
        guard case .success(let decoded) = SourceText.decode(Data(text.utf8), displayPath: "x.md") else { return XCTFail() }
        XCTAssertEqual(decoded, "---\nname: 田中\n---\nbody\n")
    }

    func testNulByteIsRefused() {
        guard case .failure(let d) = SourceText.decode(Data([0x61, 0x0A, 0x62, 0x00]), displayPath: "x.md") else { return XCTFail() }
        XCTAssertEqual(d.line, 2)
        XCTAssertEqual(d.column, 2)
    }
}

final class NamingTests: XCTestCase {
    func testSlugRules() {
        XCTAssertNil(SlugRules.problem(with: "minato-seiki"))
        XCTAssertNil(SlugRules.problem(with: "みなと精機"))
        XCTAssertNotNil(SlugRules.problem(with: "../etc"))
        XCTAssertNotNil(SlugRules.problem(with: "a/b"))
        XCTAssertNotNil(SlugRules.problem(with: ".hidden"))
        XCTAssertNotNil(SlugRules.problem(with: "a\u{07}b"))
        XCTAssertNotNil(SlugRules.problem(with: String(repeating: "あ", count: 70)))   // 210 bytes
        XCTAssertNotNil(SlugRules.problem(with: "a b"))
    }

    func testRelativeURLs() {
        XCTAssertEqual(RelativeURL.root(from: "index.html"), "")
        XCTAssertEqual(RelativeURL.root(from: "visits/2026/x.html"), "../../")
        XCTAssertEqual(RelativeURL.href("themes/知財.html", root: "../"), "../themes/%E7%9F%A5%E8%B2%A1.html")
        XCTAssertEqual(RelativeURL.href("a.html", root: "", fragment: "見立て"), "a.html#%E8%A6%8B%E7%AB%8B%E3%81%A6")
    }

    func testSuggestionsFindTypos() {
        XCTAssertEqual(Suggestions.closest(to: "minato-seik", among: ["minato-seiki", "kawa-foods", "sato"]).first, "minato-seiki")
        XCTAssertEqual(Suggestions.closest(to: "zzzzzzzz", among: ["minato-seiki"]), [])
    }
}

final class SiteOutputTests: XCTestCase {
    var parent: URL!

    override func setUpWithError() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("densho-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: parent) }

    func testCommitSwapsTheWholeSiteAndKeepsGitkeep() throws {
        let site = parent.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data().write(to: site.appendingPathComponent(".gitkeep"))
        let first = try StagedSite(output: site)
        try first.write("a/b.html", "一回目")
        try first.commit()
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("a/b.html"), encoding: .utf8), "一回目")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(".gitkeep").path))

        let second = try StagedSite(output: site)
        try second.write("c.html", "二回目")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("a/b.html").path), "nothing changes before commit")
        try second.commit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("a/b.html").path), "old pages are gone")
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("c.html"), encoding: .utf8), "二回目")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["site"], "no staging folders remain")
    }

    func testAbandonLeavesThePreviousSite() throws {
        let site = parent.appendingPathComponent("site")
        let first = try StagedSite(output: site)
        try first.write("index.html", "ok")
        try first.commit()
        let second = try StagedSite(output: site)
        try second.write("index.html", "half")
        second.abandon()
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8), "ok")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["site"])
    }

    func testRefusesPathsOutsideTheSite() throws {
        let output = try StagedSite(output: parent.appendingPathComponent("site"))
        defer { output.abandon() }
        XCTAssertThrowsError(try output.write("../escape.html", "x"))
        XCTAssertThrowsError(try output.write("/etc/passwd", "x"))
        XCTAssertThrowsError(try output.write("a/../../x", "x"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent.appendingPathComponent("escape.html").path))
    }

    func testRefusesAFolderOfSomeoneElsesFiles() throws {
        let mine = parent.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("メモ".utf8).write(to: mine.appendingPathComponent("memo.txt"))
        XCTAssertThrowsError(try StagedSite(output: mine))
        XCTAssertThrowsError(try LiveSite(updating: mine), "nor updates it in place")
        XCTAssertThrowsError(try SiteFolder.checkReplaceable(mine), "the check both outputs make says the same")
    }

    func testWhatMayBeReplaced() throws {
        let fm = FileManager.default
        XCTAssertNoThrow(try SiteFolder.checkReplaceable(parent.appendingPathComponent("none-yet")))
        let empty = parent.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data().write(to: empty.appendingPathComponent(".gitkeep"))
        XCTAssertNoThrow(try SiteFolder.checkReplaceable(empty), "empty but for .gitkeep")
        let file = parent.appendingPathComponent("site.html")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try SiteFolder.checkReplaceable(file), "a file is not a site folder")
        let site = parent.appendingPathComponent("site")
        let output = try StagedSite(output: site)
        try output.write("index.html", "ok")
        try output.commit()
        XCTAssertNoThrow(try SiteFolder.checkReplaceable(site), "densho's own site")
    }

    /// The live updater writes only files whose bytes change, keeps the rest, and removes what
    /// the previous build made and this one did not.
    func testLiveSiteWritesOnlyChangesAndRemovesStaleFiles() throws {
        let site = parent.appendingPathComponent("site")
        let first = try StagedSite(output: site)
        try first.write("visits/2025/a.html", "古い")
        try first.write("index.html", "同じ")
        try first.commit()
        let before = try XCTUnwrap(FileStamp.of(site.appendingPathComponent("index.html").path))
        let live = try LiveSite(updating: site)
        try live.write("index.html", "同じ")
        try live.write("visits/2026/b.html", "新しい")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("visits/2026/b.html").path), "nothing before commit")
        try live.commit(removing: ["visits/2025/a.html", "index.html"])
        XCTAssertEqual(live.filesReused, 2, "index.html and the marker")
        XCTAssertEqual(FileStamp.of(site.appendingPathComponent("index.html").path), before, "an unchanged file is not rewritten")
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("visits/2026/b.html"), encoding: .utf8), "新しい")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("visits/2025").path), "a stale file and its emptied folder go")
    }
}
