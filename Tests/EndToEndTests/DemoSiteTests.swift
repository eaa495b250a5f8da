import Foundation
import XCTest

/// Builds the demo content/ the README's first command builds, and walks every link of the result.
final class DemoSiteTests: XCTestCase {
    static let output = FileManager.default.temporaryDirectory.appendingPathComponent("densho-demo-\(UUID().uuidString)")

    override class func setUp() {
        super.setUp()
        let root = Densho.repositoryRoot
        _ = try? Densho.run(["build", "--content", root.appendingPathComponent("content").path, "--output", output.path,
                             "--theme", root.appendingPathComponent("themes/default").path, "--today", "2026-11-25"])
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: output)
        super.tearDown()
    }

    func htmlFiles() throws -> [URL] {
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: Self.output, includingPropertiesForKeys: nil))
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "html" }
    }

    func testDemoBuildsWithoutErrors() throws {
        let root = Densho.repositoryRoot
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("densho-demo-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Densho.run(["build", "--content", root.appendingPathComponent("content").path, "--output", scratch.path,
                                     "--theme", root.appendingPathComponent("themes/default").path, "--today", "2026-11-25"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "the demo content builds without warnings")
    }

    func testDemoHasTheContentTheIssueAsksFor() throws {
        let files = try htmlFiles().map { $0.path.replacingOccurrences(of: Self.output.path + "/", with: "") }
        XCTAssertGreaterThanOrEqual(files.filter { $0.hasPrefix("companies/") && $0 != "companies/index.html" }.count, 12)
        XCTAssertGreaterThanOrEqual(files.filter { $0.hasPrefix("visits/2") }.count, 60)
        XCTAssertGreaterThanOrEqual(files.filter { $0.hasPrefix("playbooks/") && !$0.hasSuffix("index.html") && !$0.hasSuffix("print.html") }.count, 8)
        XCTAssertGreaterThanOrEqual(files.filter { $0.hasPrefix("people/") && !$0.hasSuffix("index.html") && !$0.hasSuffix("-handover.html") }.count, 8)
        XCTAssertGreaterThanOrEqual(files.filter { $0.hasPrefix("partners/") && !$0.hasSuffix("index.html") }.count, 6)
        XCTAssertGreaterThanOrEqual(files.filter { $0.hasSuffix("-handover.html") }.count, 1)
    }

    /// Every href and src of every page points at a file of the site (and an existing id for #fragments).
    func testEveryLinkResolves() throws {
        let files = try htmlFiles()
        XCTAssertGreaterThan(files.count, 100)
        var idsByFile: [String: Set<String>] = [:]
        func ids(of path: String) -> Set<String> {
            if let known = idsByFile[path] { return known }
            let html = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let found = Set(DumpedDOM.matches(#"\sid="([^"]*)""#, in: html).map(DumpedDOM.unescape))
            idsByFile[path] = found
            return found
        }
        var broken: [String] = []
        var checked = 0
        for file in files {
            let html = try String(contentsOf: file, encoding: .utf8)
            for raw in DumpedDOM.matches(#"\s(?:href|src)="([^"]*)""#, in: html) {
                let link = DumpedDOM.unescape(raw)
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { continue }
                XCTAssertFalse(link.hasPrefix("/"), "absolute URL \(link) in \(file.lastPathComponent) breaks file:// and sub-paths")
                var pathPart = link
                var fragment: String? = nil
                if let hash = pathPart.firstIndex(of: "#") {
                    fragment = String(pathPart[pathPart.index(after: hash)...]).removingPercentEncoding
                    pathPart = String(pathPart[..<hash])
                }
                if let q = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<q]) }
                let target = pathPart.isEmpty ? file
                    : file.deletingLastPathComponent().appendingPathComponent(pathPart.removingPercentEncoding ?? pathPart).standardizedFileURL
                checked += 1
                guard target.path.hasPrefix(Self.output.path), FileManager.default.fileExists(atPath: target.path) else {
                    broken.append("\(file.lastPathComponent): \(link)")
                    continue
                }
                if let fragment, !fragment.isEmpty, target.pathExtension == "html", !ids(of: target.path).contains(fragment) {
                    broken.append("\(file.lastPathComponent): \(link) (no id '\(fragment)')")
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        XCTAssertEqual(broken, [], "broken links")
    }
}
