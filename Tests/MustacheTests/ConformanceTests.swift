import Foundation
import Mustache
import XCTest

/// Runs the official Mustache spec files the repository carries in `Conformance/` (see its README): every required file (names not
/// starting with `~`) and the optional inheritance module, which the theme's base layout relies on.
final class ConformanceTests: XCTestCase {
    func testEveryRequiredSpecFilePasses() throws {
        let directory = try Self.specDirectory()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("~") }
            .sorted()
        XCTAssertEqual(files, ["comments.json", "delimiters.json", "interpolation.json", "inverted.json",
                               "partials.json", "sections.json"], "the set of required spec files changed")
        var total = 0
        var passed = 0
        for file in files {
            let result = try Self.run(directory.appendingPathComponent(file))
            total += result.total
            passed += result.passed
        }
        XCTAssertGreaterThan(total, 100, "spec files look truncated")
        XCTAssertEqual(passed, total, "\(total - passed) of \(total) required spec tests failed (see log)")
    }

    func testInheritanceSpecPasses() throws {
        let result = try Self.run(try Self.specDirectory().appendingPathComponent("~inheritance.json"))
        XCTAssertGreaterThan(result.total, 20)
        XCTAssertEqual(result.passed, result.total, "\(result.total - result.passed) inheritance tests failed")
    }

    func testDynamicNamesSpecPasses() throws {
        let result = try Self.run(try Self.specDirectory().appendingPathComponent("~dynamic-names.json"))
        XCTAssertGreaterThan(result.total, 15)
        XCTAssertEqual(result.passed, result.total, "\(result.total - result.passed) dynamic-name tests failed")
    }

    // MARK: Runner

    private static func run(_ file: URL) throws -> (total: Int, passed: Int) {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let tests = root?["tests"] as? [[String: Any]] else {
            XCTFail("\(file.lastPathComponent): no tests array")
            return (0, 0)
        }
        var passed = 0
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let template = test["template"] as? String ?? ""
            let expected = test["expected"] as? String ?? ""
            let partials = test["partials"] as? [String: String] ?? [:]
            let data = MustacheValue(jsonObject: test["data"] ?? NSNull())
            do {
                let actual = try Mustache.render(template, data, partials: partials)
                if actual == expected {
                    passed += 1
                } else {
                    print("FAIL \(file.lastPathComponent) — \(name)\n  template: \(template.debugDescription)\n"
                        + "  expected: \(expected.debugDescription)\n  actual:   \(actual.debugDescription)")
                }
            } catch {
                print("FAIL \(file.lastPathComponent) — \(name): threw \(error)")
            }
        }
        print("\(file.lastPathComponent): \(passed)/\(tests.count) passed")
        return (tests.count, passed)
    }

    /// Beside this file, so a plain clone runs the suite. Missing suites fail the test instead of skipping it.
    static func specDirectory() throws -> URL {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("comments.json").path) else {
            XCTFail("\(directory.path) is missing: the Mustache spec files travel with the repository")
            throw CocoaError(.fileNoSuchFile)
        }
        return directory
    }
}
