import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Read-modify-writes of a note never lose a write: two `reflect` runs at once both land (or the
/// second says why not), and the temporary files of a killed run are named and cleaned up.
final class LostWriteTests: XCTestCase {
    private let note = "content/visits/2026/2026-08-01-minato-seiki.md"

    private func startReflect(_ project: TemporaryProject, today: String) throws -> Process {
        let process = Process()
        process.executableURL = Densho.executable
        process.arguments = ["reflect", note, "--today", today]
        process.currentDirectoryURL = project.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        try process.run()
        return process
    }

    func testTwoReflectsAtOnceNeverLoseASection() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        for round in 0..<12 {
            let before = try project.read(note)
            let days = ["2026-11-\(10 + round)", "2026-12-\(10 + round)"]
            let runs = try days.map { try startReflect(project, today: $0) }
            runs.forEach { $0.waitUntilExit() }
            XCTAssertEqual(runs.map(\.terminationStatus), [0, 0], "round \(round)")
            let after = try project.read(note)
            XCTAssertTrue(after.hasPrefix(before), "every byte already there stays")
            for day in days {
                XCTAssertEqual(after.components(separatedBy: "## 振り返り (\(day))").count - 1, 1, "round \(round): the section of \(day)")
            }
        }
        // The same day twice: one writes, the other is told, clearly, and nothing is doubled.
        let runs = try [0, 1].map { _ in try startReflect(project, today: "2027-01-05") }
        runs.forEach { $0.waitUntilExit() }
        XCTAssertEqual(runs.map(\.terminationStatus).sorted(), [0, 1])
        let refused = runs.first { $0.terminationStatus == 1 }!
        let message = String(decoding: (refused.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(message.contains("にはもう '## 振り返り (2027-01-05)' があります"), message)   // a Japanese site
        XCTAssertEqual(try project.read(note).components(separatedBy: "## 振り返り (2027-01-05)").count - 1, 1)
    }

    func testTemporaryFilesOfAKilledRunAreNamedByCheckAndRemovedByTheNextRun() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        // A process id that has ended: a child we started and waited for.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let pid = ended.processIdentifier
        let strays = ["content/visits/2026/.2026-08-01-minato-seiki.md.densho-\(pid)-12345.tmp",
                      "content/companies/.minato-seiki.md.densho-\(pid)-7.tmp"]
        for stray in strays { try project.write(stray, "半分だけ書かれた") }
        try project.write("content/companies/.my-own-notes.tmp", "人の書いたもの")   // not ours: never touched
        let check = try Densho.run(["check", "--today", "2026-11-25"], in: project.root)
        for stray in strays {
            XCTAssertTrue(check.stdout.contains("\(stray):1:1: warning: temporary file left by an interrupted densho run"), check.stdout)
        }
        let build = try project.build()
        XCTAssertEqual(build.status, 0, "strays never stop a build: \(build.stderr)")
        XCTAssertTrue(strays.allSatisfy { project.exists($0) }, "a build removes nothing")

        let reflect = try Densho.run(["reflect", note, "--today", "2026-11-25"], in: project.root)
        XCTAssertEqual(reflect.status, 0, reflect.stderr)
        XCTAssertFalse(strays.contains { project.exists($0) }, "the next reflect cleans up")
        XCTAssertTrue(project.exists("content/companies/.my-own-notes.tmp"))
        let again = try Densho.run(["check", "--today", "2026-11-25"], in: project.root)
        XCTAssertFalse(again.stdout.contains("temporary file"), again.stdout)
    }
}
