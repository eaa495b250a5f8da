import Seeded
import Foundation
import XCTest
import TestTools
@testable import Search

enum TestPaths {
    /// The worktree / clone root: the ancestor of this file holding Package.swift.
    static func packageRoot(file: String = #filePath) -> URL? {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static var searchJS: URL? { packageRoot()?.appendingPathComponent("themes/default/static/search.js") }
    static var testsDir: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent() }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("densho-search-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

enum Node {
    /// Path of `node` (or `nodejs`); a failure when missing, a skip only when `scripts/setup --test`
    /// could not install it (see `RequiredTool`).
    static func require(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try RequiredTool.find("node", names: ["node", "nodejs"], file: file, line: line).path
    }

    /// Runs node with arguments; returns (exit status, stdout, stderr).
    static func run(_ arguments: [String]) throws -> (Int32, Data, String) {
        let node = try require()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
    }
}
