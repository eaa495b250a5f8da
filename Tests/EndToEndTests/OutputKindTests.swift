import Foundation
import XCTest

/// `--public` never replaces the internal site: its default output is public/, and the
/// `.densho-site` marker says which kind a folder holds, so neither kind replaces the other.
final class OutputKindTests: XCTestCase {
    private var project: TemporaryProject!

    override func setUpWithError() throws {
        project = try TemporaryProject()
        XCTAssertEqual(try Densho.run(["init", "p", "--today", "2026-11-25"], in: project.root).status, 0)
    }

    override func tearDown() { project = nil }

    private func densho(_ arguments: [String], timeout: TimeInterval = 120) throws -> Densho.Result {
        try ChildProcess.run(Densho.executable, arguments + ["--today", "2026-11-25"],
                             in: project.root.appendingPathComponent("p"), environment: Densho.englishEnvironment, timeout: timeout)
    }

    func testPublicBuildGoesToPublicAndLeavesTheInternalSiteAlone() throws {
        XCTAssertEqual(try densho(["build"]).status, 0)
        let internalSite = try siteFiles(project.root.appendingPathComponent("p/site"))
        XCTAssertTrue(try project.read("p/site/.densho-site").contains("kind: internal"))

        let published = try densho(["build", "--public"])
        XCTAssertEqual(published.status, 0, published.stderr)
        XCTAssertTrue(published.stdout.contains("into public/ (public only)"), published.stdout)
        XCTAssertTrue(try project.read("p/public/.densho-site").contains("kind: public"))
        XCTAssertEqual(try siteFiles(project.root.appendingPathComponent("p/site")), internalSite, "the internal site changed")
        XCTAssertTrue(project.exists("p/public/index.html"))
    }

    func testNeitherKindReplacesTheOther() throws {
        XCTAssertEqual(try densho(["build"]).status, 0)
        XCTAssertEqual(try densho(["build", "--public"]).status, 0)
        let internalSite = try siteFiles(project.root.appendingPathComponent("p/site"))
        let publicSite = try siteFiles(project.root.appendingPathComponent("p/public"))

        let publicOverInternal = try densho(["build", "--public", "--output", "site"])
        XCTAssertEqual(publicOverInternal.status, 1)
        XCTAssertTrue(publicOverInternal.stderr.contains("holds densho's internal site"), publicOverInternal.stderr)
        XCTAssertFalse(publicOverInternal.stderr.contains("error: error:"), publicOverInternal.stderr)

        let internalOverPublic = try densho(["build", "--output", "public"])
        XCTAssertEqual(internalOverPublic.status, 1)
        XCTAssertTrue(internalOverPublic.stderr.contains("holds densho's public site"), internalOverPublic.stderr)

        XCTAssertEqual(try siteFiles(project.root.appendingPathComponent("p/site")), internalSite)
        XCTAssertEqual(try siteFiles(project.root.appendingPathComponent("p/public")), publicSite)
    }

    func testServePublicNeverServesTheInternalSite() throws {
        XCTAssertEqual(try densho(["build"]).status, 0)
        let served = try densho(["serve", "--public", "--output", "site", "--port", "0"], timeout: 60)
        XCTAssertEqual(served.status, 1, "serve must stop, not serve the internal site: \(served.stdout)")
        XCTAssertFalse(served.stdout.contains("serving"), served.stdout)
        XCTAssertTrue(served.stderr.contains("holds densho's internal site"), served.stderr)
    }

    func testServeWithNoContentStopsWithTheError() throws {
        let empty = project.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let served = try ChildProcess.run(Densho.executable, ["serve", "--port", "0"], in: empty, timeout: 60)
        XCTAssertEqual(served.status, 1, served.stdout)
        XCTAssertFalse(served.stdout.contains("serving"), served.stdout)
        XCTAssertTrue(served.stderr.hasPrefix("content:1:1: error: "), "the build's located error: \(served.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: empty.appendingPathComponent("site").path))
    }
}
