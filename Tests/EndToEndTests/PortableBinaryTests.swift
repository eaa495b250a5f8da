import Foundation
import XCTest

/// densho as a new user meets it: one binary copied somewhere with nothing beside it. The default
/// theme travels inside it; a project's own themes/<name> wins when it has one; every path is taken
/// from the project root (the folder holding content/), wherever densho runs from.
final class PortableBinaryTests: XCTestCase {
    private var scratch: TemporaryProject!
    private var binary: URL!

    override func setUpWithError() throws {
        scratch = try TemporaryProject()
        binary = scratch.root.appendingPathComponent("bin/densho")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Densho.executable, to: binary)
    }

    override func tearDown() { scratch = nil }

    private func run(_ arguments: [String], in folder: String = "") throws -> Densho.Result {
        try ChildProcess.run(binary, arguments, in: scratch.root.appendingPathComponent(folder), environment: Densho.englishEnvironment)
    }

    private func files(under root: URL) throws -> [String: Data] { try siteFiles(root) }

    func testBinaryAloneRunsInitBuildCheckAndSearch() throws {
        let initialized = try run(["init", "さくら市", "--today", "2026-11-25"])
        XCTAssertEqual(initialized.status, 0, initialized.stderr)

        // init wrote the built-in theme out: byte for byte the repository's themes/default.
        let repositoryTheme = try files(under: Densho.repositoryRoot.appendingPathComponent("themes/default"))
            .filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        XCTAssertEqual(try files(under: scratch.root.appendingPathComponent("さくら市/themes/default")), repositoryTheme,
                       "the theme built into densho differs from themes/default")

        let built = try run(["build", "--today", "2026-11-25"], in: "さくら市")
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.contains("with theme themes/default/"), built.stdout)
        XCTAssertTrue(scratch.exists("さくら市/site/index.html"))

        let checked = try run(["check", "--today", "2026-11-25"], in: "さくら市")
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
        XCTAssertEqual(checked.stdout, "", "no error and no warning in a new project")

        let found = try run(["search", "知財"], in: "さくら市")
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertFalse(found.stdout.isEmpty, "the example project mentions 知財")
    }

    func testProjectWithoutThemesUsesTheBuiltInThemeAndSaysSo() throws {
        XCTAssertEqual(try run(["init", "p", "--today", "2026-11-25"]).status, 0)
        let withOwnCopy = try run(["build", "--today", "2026-11-25", "--output", "with-copy"], in: "p")
        XCTAssertEqual(withOwnCopy.status, 0, withOwnCopy.stderr)
        try FileManager.default.removeItem(at: scratch.root.appendingPathComponent("p/themes"))

        let builtIn = try run(["build", "--today", "2026-11-25"], in: "p")
        XCTAssertEqual(builtIn.status, 0, builtIn.stderr)
        XCTAssertTrue(builtIn.stdout.contains("with the built-in theme"), builtIn.stdout)
        var expected = try files(under: scratch.root.appendingPathComponent("p/with-copy"))
        var actual = try files(under: scratch.root.appendingPathComponent("p/site"))
        expected[".densho-site"] = nil
        actual[".densho-site"] = nil
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted())
        XCTAssertTrue(actual == expected, "the built-in theme renders differently from its written-out copy")
    }

    func testPathsResolveFromTheProjectRootWhereverDenshoRuns() throws {
        XCTAssertEqual(try run(["init", "work/projects/市", "--today", "2026-11-25"]).status, 0)
        // The project's own theme is used (and shown) even from another folder: mark it to tell.
        let layout = scratch.root.appendingPathComponent("work/projects/市/themes/default/templates/layout.mustache")
        let marked = try String(contentsOf: layout, encoding: .utf8).replacingOccurrences(of: "</body>", with: "<!-- own theme --></body>")
        try marked.write(to: layout, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: scratch.root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)

        let built = try run(["build", "--content", "../work/projects/市/content", "--today", "2026-11-25"], in: "elsewhere")
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.contains("into ../work/projects/市/site/ with theme ../work/projects/市/themes/default/"), built.stdout)
        XCTAssertTrue(try scratch.read("work/projects/市/site/index.html").contains("<!-- own theme -->"))
        XCTAssertFalse(scratch.exists("elsewhere/site"))
    }

    func testEjectWritesTheBuiltInThemeOnceAndNeverOverwrites() throws {
        XCTAssertEqual(try run(["init", "p", "--today", "2026-11-25"]).status, 0)
        let themes = scratch.root.appendingPathComponent("p/themes")
        try FileManager.default.removeItem(at: themes)

        let ejected = try run(["theme", "eject"], in: "p")
        XCTAssertEqual(ejected.status, 0, ejected.stderr)
        XCTAssertTrue(ejected.stdout.contains("themes/default/"), ejected.stdout)
        let repositoryTheme = try files(under: Densho.repositoryRoot.appendingPathComponent("themes/default"))
        XCTAssertEqual(try files(under: themes.appendingPathComponent("default")), repositoryTheme)

        // A person's edit survives a second eject, which refuses.
        let style = themes.appendingPathComponent("default/static/style.css")
        try Data("/* mine */\n".utf8).write(to: style)
        let again = try run(["theme", "eject"], in: "p")
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try String(contentsOf: style, encoding: .utf8), "/* mine */\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: themes.path), ["default"], "no staging folder left")
    }

    func testUnknownThemeNameIsAUsageError() throws {
        XCTAssertEqual(try run(["init", "p", "--today", "2026-11-25"]).status, 0)
        let result = try run(["build", "--theme", "nosuch"], in: "p")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("theme 'nosuch' not found"), result.stderr)
        XCTAssertFalse(scratch.exists("p/site"))
    }
}
