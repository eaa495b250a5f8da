import Seeded
import Foundation
import XCTest
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
    /// Path of `node` (or `nodejs`) on PATH, nil when absent.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["node", "nodejs"] {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static let missingMessage = "node is not on PATH: install nodejs (e.g. `apt-get install nodejs`) — the JS/Swift agreement of search.js cannot be checked without it"

    /// Runs node with arguments; returns (exit status, stdout, stderr).
    static func run(_ arguments: [String]) throws -> (Int32, Data, String) {
        guard let node = executable else { throw SearchIndexError(location: "PATH", message: missingMessage) }
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
