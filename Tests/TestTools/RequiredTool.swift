import Foundation
import XCTest

/// The outside programs some tests drive (node, chromium). A missing one fails the test, with the
/// command that installs it; the test is skipped only when `scripts/setup --test` tried to install
/// the program and could not, and then the skip names the reason setup recorded.
public enum RequiredTool {
    /// Written by `scripts/setup --test`: one `tool: reason` line per program it could not install.
    public static let unavailableList = packageRoot.appendingPathComponent(".build/unavailable-test-tools")

    /// The first executable of `names` found in `candidates` or on PATH; otherwise a skip (setup
    /// could not install it) or a failure (nobody tried).
    public static func find(_ tool: String, names: [String], candidates: [String] = [],
                            searchPath: String? = ProcessInfo.processInfo.environment["PATH"],
                            record: URL = unavailableList,
                            file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let path = searchPath ?? "/usr/local/bin:/usr/bin:/bin"
        let onPath = path.split(separator: ":").flatMap { dir in names.map { "\(dir)/\($0)" } }
        if let found = (candidates + onPath).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return URL(fileURLWithPath: found)
        }
        if let reason = unavailableReason(tool, record: record) {
            throw XCTSkip("\(tool) is not installed and scripts/setup --test could not install it (\(reason)); "
                          + "this test needs it and is skipped", file: file, line: line)
        }
        throw MissingTool(description: "\(tool) is not installed: run scripts/setup --test (it installs it with apt-get)")
    }

    /// Setup's recorded reason for `tool`, nil when it did not record one.
    public static func unavailableReason(_ tool: String, record: URL = unavailableList) -> String? {
        guard let text = try? String(contentsOf: record, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("\(tool):") {
            return line.dropFirst(tool.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The clone: the ancestor of this file holding Package.swift.
    static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/",
              !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    public struct MissingTool: Error, CustomStringConvertible {
        public let description: String
    }
}
