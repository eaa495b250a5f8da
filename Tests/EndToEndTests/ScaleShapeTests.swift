import Foundation
import XCTest

/// One note that carries a huge list: themes, broken wiki links, task items. Each shape is built at
/// 10⁴ and 10⁵; the larger must finish within 15× of the smaller (linear work is 10×), so the bound
/// holds on a slow or loaded machine and fails when a path grows with the square of the list.
final class ScaleShapeTests: XCTestCase {
    enum Shape: String, CaseIterable { case themes, brokenLinks, taskItems }

    static func writeProject(_ shape: Shape, _ n: Int) throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.write("content/site.yml", "title: 規模の試験\nlanguage: ja\n")
        try project.write("content/people/tanaka.md", "---\nname: 田中 花子\n---\n")
        try project.write("content/companies/minato-seiki.md", "---\nname: 株式会社みなと精機\nowner: tanaka\n---\n")
        var frontMatter = "---\ndate: 2026-10-01\ncompany: minato-seiki\nstaff: [tanaka]\n"
        var body = ""
        switch shape {
        case .themes:
            frontMatter += "themes:\n"
            for i in 0..<n { frontMatter += "  - テーマ\(i)\n" }
        case .brokenLinks:
            for i in 0..<n { body += "[[存在しない-\(i)]]\n" }
        case .taskItems:
            body = "## 次の一手\n"
            for i in 0..<n { body += "- [ ] 約束 \(i) を果たす\n" }
        }
        try project.write("content/visits/2026/2026-10-01-minato-seiki.md", frontMatter + "---\n" + body)
        return project
    }

    private func timedBuild(_ shape: Shape, _ n: Int) throws -> (Densho.Result, TimeInterval, TemporaryProject) {
        let project = try Self.writeProject(shape, n)
        let start = Date()
        let result = try project.build()
        return (result, Date().timeIntervalSince(start), project)
    }

    private func checkLinear(_ shape: Shape, _ verify: (Int, Densho.Result, TemporaryProject) throws -> Void) throws {
        let (small, smallSeconds, smallProject) = try timedBuild(shape, 10_000)
        try verify(10_000, small, smallProject)
        let (large, largeSeconds, largeProject) = try timedBuild(shape, 100_000)
        try verify(100_000, large, largeProject)
        print("scale \(shape.rawValue): 10⁴ \(String(format: "%.2f", smallSeconds)) s, 10⁵ \(String(format: "%.2f", largeSeconds)) s (×\(String(format: "%.1f", largeSeconds / smallSeconds)))")
        XCTAssertLessThan(largeSeconds, smallSeconds * 15, "\(shape): 10⁵ took \(largeSeconds) s against \(smallSeconds) s at 10⁴")
    }

    func testAHugeThemeListIsALocatedErrorInLinearTime() throws {
        try checkLinear(.themes) { n, result, project in
            XCTAssertEqual(result.status, 1)
            let path = project.content.path + "/visits/2026/2026-10-01-minato-seiki.md"
            XCTAssertTrue(result.stderr.contains("\(path):206:5: error: 'themes' lists \(n) entries; a page may carry at most 200"), result.stderr)
            XCTAssertLessThan(result.stderr.utf8.count, 2000, "one error, not one per theme")
        }
    }

    func testHugeNumbersOfBrokenLinksAreCountedInLinearTime() throws {
        try checkLinear(.brokenLinks) { n, result, _ in
            XCTAssertEqual(result.status, 1)
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.filter { $0.contains("error: link [[存在しない-") }.count, 1000, "the first 1,000 of one kind are shown")
            XCTAssertTrue(result.stderr.contains("densho: … and \(n == 10_000 ? "9,000" : "99,000") more errors like link [[存在しない-"), result.stderr.suffix(500).description)
            XCTAssertTrue(result.stderr.contains("densho: \(n) errors; nothing was written"))
        }
    }

    func testHugeTaskListsBuildInLinearTime() throws {
        try checkLinear(.taskItems) { n, result, project in
            XCTAssertEqual(result.status, 0, result.stderr)
            let company = try project.read("site/companies/minato-seiki.html")
            XCTAssertTrue(company.contains("約束 \(n - 1) を果たす"), "every open promise follows the company")
        }
    }
}
