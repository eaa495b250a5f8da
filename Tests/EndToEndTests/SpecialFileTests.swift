import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Files that are not regular files, named like notes, and names that are not UTF-8: each is a
/// located error at once, never a read that waits (a FIFO) or never ends (a device).
final class SpecialFileTests: XCTestCase {
    /// Far below the 300 s watchdog of `ChildProcess`; a hang fails here instead of eating CI time.
    private func build(_ project: TemporaryProject, _ command: String = "build") throws -> (Densho.Result, TimeInterval) {
        let start = Date()
        let arguments = [command, "--content", project.content.path] +
            (command == "build" ? ["--output", project.site.path, "--theme", project.theme.path] : []) + ["--today", "2026-11-25"]
        let result = try ChildProcess.run(Densho.executable, arguments, timeout: 60)
        return (result, Date().timeIntervalSince(start))
    }

    func testFIFOsAndDevicesNamedLikeNotesAreLocatedErrorsAtOnce() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let c = project.content.path
        try FileManager.default.createDirectory(atPath: c + "/visits/2026", withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(c + "/visits/2026/2026-10-01-minato-seiki.md", 0o644), 0)
        XCTAssertEqual(mkfifo(c + "/drafts-pipe", 0o644), 0)
        let fm = FileManager.default
        // A link that stays inside content/ but leads to a FIFO: caught when the file is opened.
        try fm.createSymbolicLink(atPath: c + "/companies/piped.md", withDestinationPath: "../drafts-pipe")
        // A link to /dev/zero leads out of content/ and is refused as such.
        try fm.createSymbolicLink(atPath: c + "/partners/zero.md", withDestinationPath: "/dev/zero")
        // A character device inside content/ (root can make one; elsewhere this part is skipped).
        let device = mknod(c + "/people/null.md", S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0   // makedev(1, 3): /dev/null

        for command in ["build", "check"] {
            let (result, seconds) = try build(project, command)
            let said = result.stdout + result.stderr   // check reports on stdout, build on stderr
            XCTAssertEqual(result.status, 1, said)
            XCTAssertLessThan(seconds, 30, "\(command) must not wait on a FIFO")
            XCTAssertTrue(said.contains(c + "/visits/2026/2026-10-01-minato-seiki.md:1:1: error: FIFO（名前付きパイプ）で、通常のファイルではありません"), said)
            XCTAssertTrue(said.contains(c + "/companies/piped.md:1:1: error: FIFO（名前付きパイプ）で、通常のファイルではありません"), said)
            XCTAssertTrue(said.contains(c + "/partners/zero.md:1:1: error: シンボリックリンクが content フォルダの外を指しているため読みません"), said)
            if device {
                XCTAssertTrue(said.contains(c + "/people/null.md:1:1: error: デバイスで、通常のファイルではありません"), said)
            }
        }
        XCTAssertFalse(project.exists("site/index.html"), "a failed first build writes no site")
    }

    func testAFIFOAsSiteYmlIsAnError() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try FileManager.default.removeItem(atPath: project.content.path + "/site.yml")
        XCTAssertEqual(mkfifo(project.content.path + "/site.yml", 0o644), 0)
        let (result, seconds) = try build(project)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertLessThan(seconds, 30)
        XCTAssertTrue(result.stderr.contains("site.yml:1:1: error: FIFO（名前付きパイプ）で、通常のファイルではありません"), result.stderr)
    }

    func testANameThatIsNotUTF8GetsAClearMessage() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        // 「会社」 in Shift_JIS (0x89EF 0x8ED0), as an old tool might save it.
        let name: [UInt8] = Array((project.content.path + "/companies/").utf8) + [0x89, 0xEF, 0x8E, 0xD0] + Array(".md".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = "---\nname: 会社\n---\n".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let (result, _) = try build(project)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains(project.content.path + "/companies/\\x89\\xEF\\x8E\\xD0.md:1:1: error: ファイル名が UTF-8 ではありません。名前を付け直してください"),
                      result.stderr)
        XCTAssertFalse(result.stderr.contains("cannot read the file"), result.stderr)
    }

    func testASiteYmlLinkedFromOutsideTheContentFolderIsRefused() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("outside.yml", "title: 社外のタイトル zqxoutside\n")
        try FileManager.default.removeItem(atPath: project.content.path + "/site.yml")
        try FileManager.default.createSymbolicLink(atPath: project.content.path + "/site.yml", withDestinationPath: "../outside.yml")
        let (result, _) = try build(project)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(project.content.path + "/site.yml:1:1: error: シンボリックリンクが content フォルダの外を指しているため読みません"), result.stderr)
        XCTAssertFalse(result.stderr.contains("zqxoutside"))
        // A link that stays inside content/ is fine.
        try project.write("content/settings/site.yml", "title: 中の設定\n")
        try FileManager.default.removeItem(atPath: project.content.path + "/site.yml")
        try FileManager.default.createSymbolicLink(atPath: project.content.path + "/site.yml", withDestinationPath: "settings/site.yml")
        let (inside, _) = try build(project)
        XCTAssertEqual(inside.status, 0, inside.stderr)
        XCTAssertTrue(try project.read("site/index.html").contains("中の設定"))
    }

    func testOneBrokenCompanyIsReportedOnceNotOncePerVisit() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/companies/minato-seiki.md", "---\nname: [壊れた\nowner: tanaka\n---\n")
        for day in 10...23 {
            try project.write("content/visits/2026/2026-09-\(day)-minato-seiki.md", "---\ndate: 2026-09-\(day)\ncompany: minato-seiki\nstaff: [suzuki]\n---\n")
        }
        let (result, _) = try build(project)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(project.content.path + "/companies/minato-seiki.md:2:"), result.stderr)
        XCTAssertFalse(result.stderr.contains("unknown company"), "the cause once, no follow-on errors:\n\(result.stderr)")
    }
}
