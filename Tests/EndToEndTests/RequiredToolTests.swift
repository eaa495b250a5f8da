import Foundation
import TestTools
import XCTest

/// A test that needs node or chromium fails when the program is missing, and is skipped (saying
/// why) only when `scripts/setup --test` recorded that it could not install it.
final class RequiredToolTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("densho-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testMissingProgramWithoutSetupRecordFailsInsteadOfSkipping() {
        let record = folder.appendingPathComponent("unavailable-test-tools")
        XCTAssertThrowsError(try RequiredTool.find("chromium", names: ["chromium"], searchPath: folder.path, record: record)) {
            XCTAssertFalse($0 is XCTSkip, "a missing chromium with no record from setup must fail, not skip")
            XCTAssertTrue("\($0)".contains("run scripts/setup --test"), "\($0)")
        }
    }

    func testMissingProgramThatSetupCouldNotInstallSkipsWithTheReason() throws {
        let record = folder.appendingPathComponent("unavailable-test-tools")
        try "node: apt-get install nodejs failed: E: Unable to locate package nodejs\n".write(to: record, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RequiredTool.find("node", names: ["node"], searchPath: folder.path, record: record)) {
            guard let skip = $0 as? XCTSkip else { return XCTFail("expected a skip, got \($0)") }
            XCTAssertTrue("\(skip)".contains("Unable to locate package nodejs"), "\(skip)")
        }
        // The record names node only: chromium still fails.
        XCTAssertThrowsError(try RequiredTool.find("chromium", names: ["chromium"], searchPath: folder.path, record: record)) {
            XCTAssertFalse($0 is XCTSkip)
        }
    }

    func testProgramOnPathIsFound() throws {
        let program = folder.appendingPathComponent("node")
        try "#!/bin/sh\n".write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        XCTAssertEqual(try RequiredTool.find("node", names: ["node"], searchPath: folder.path).path, program.path)
    }
}
