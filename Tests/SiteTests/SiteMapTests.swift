import Foundation
import FrontMatter
import XCTest
@testable import Site

/// The route table (`SiteMap`) is what rendering, navigation and `--public` read.
final class SiteMapTests: XCTestCase {
    func testEveryFileHasOneRouteAndNavigationEntriesAreOneFileRoutes() throws {
        let fixture = try Fixture(Fixture.people.merging([Fixture.company("kita"), Fixture.visit("2026-09-10", "kita")]) { a, _ in a })
        defer { fixture.remove() }
        let pages = PageRenderer(index: fixture.index(today: "2026-11-25"), theme: try Self.theme(), views: .everything).pages()
        XCTAssertEqual(Set(pages.map(\.path)).count, pages.count, "two routes write one path")
        XCTAssertTrue(pages.contains { $0.path == "people/tanaka-handover.html" })
        for route in SiteMap.navigation {
            XCTAssertNotNil(route.nav, "\(route.name) is in the navigation without a label")
            XCTAssertNotNil(route.path, "\(route.name) is in the navigation but has no single address")
        }
        let publicPages = PageRenderer(index: fixture.index(today: "2026-11-25"), theme: try Self.theme(),
                                       views: .forPublic(fixture.load().model)).pages().map(\.path)
        XCTAssertFalse(publicPages.contains("radar.html"), "the radar is the team's")
        XCTAssertFalse(publicPages.contains { $0.hasSuffix("-handover.html") })
    }

    /// A route may write a file that is not HTML (a CSV report, an iCalendar feed): it is written
    /// as its bytes, fingerprinted by them, and kept unwritten by a rebuild when they are the same.
    func testARouteCanWriteANonHTMLFileAndARebuildKeepsItWhenUnchanged() throws {
        let fixture = try Fixture(Fixture.people.merging([Fixture.company("kita"), Fixture.visit("2026-09-10", "kita")]) { a, _ in a })
        defer { fixture.remove() }
        let csv = Route(name: "visit counts", audience: .team) { input in
            let years = Set(input.site.model.visits.map(\.date.year)).sorted()
            return years.map { year in
                RoutePage("reports/visits-\(year).csv") { context in
                    let visits = context.index.model.visits.filter { $0.date.year == year }
                    return Data(("年,訪問数\n\(year),\(visits.count)\n").utf8)
                }
            }
        }
        let index = fixture.index(today: "2026-11-25")
        var renderer = PageRenderer(index: index, theme: try Self.theme(), views: .everything)
        renderer.routes.append(csv)
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("densho-sitemap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }

        let first = try StagedSite(output: site)
        let built = try renderer.renderAll(into: first, fingerprints: [:])
        try first.commit()
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("reports/visits-2026.csv"), encoding: .utf8), "年,訪問数\n2026,1\n")
        XCTAssertNotNil(built.fingerprints["reports/visits-2026.csv"])

        let again = try LiveSite(updating: site)
        let rebuilt = try renderer.renderAll(into: again, fingerprints: built.fingerprints)
        XCTAssertEqual(rebuilt.fingerprints, built.fingerprints)
        XCTAssertEqual(again.filesReused, again.filesWritten, "nothing changed, so every file is kept")

        let publicRenderer = PageRenderer(index: index, theme: try Self.theme(), views: .forPublic(fixture.load().model), routes: renderer.routes)
        XCTAssertFalse(publicRenderer.pages().contains { $0.path == "reports/visits-2026.csv" }, "a team route is not public")
    }

    /// A theme without a page template the build needs fails before any page is written, with an
    /// error at the file that is missing, naming a page it draws (not 'radar:0:0' halfway through).
    func testAThemeMissingAPageTemplateIsALocatedErrorBeforeAnyPage() throws {
        let fixture = try Fixture(Fixture.people.merging([Fixture.company("kita"), Fixture.visit("2026-09-10", "kita")]) { a, _ in a })
        defer { fixture.remove() }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("densho-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("自作テーマ")
        try FileManager.default.copyItem(at: Self.defaultTheme, to: folder)
        for name in ["radar", "handover"] { try FileManager.default.removeItem(at: folder.appendingPathComponent("templates/\(name).mustache")) }
        let theme = try Theme.load(from: .folder(folder), language: .ja, displayPath: "themes/自作テーマ")
        let output = try StagedSite(output: scratch.appendingPathComponent("site"))
        defer { output.abandon() }
        let renderer = PageRenderer(index: fixture.index(today: "2026-11-25"), theme: theme, views: .everything)
        XCTAssertThrowsError(try renderer.renderAll(into: output, fingerprints: nil)) { error in
            XCTAssertEqual((error as? ContentErrors)?.description, """
                themes/自作テーマ/templates/handover.mustache:1:1: error: missing: densho draws people/sato-handover.html with this template (docs/theme.md lists every page template and the data it receives)
                themes/自作テーマ/templates/radar.mustache:1:1: error: missing: densho draws radar.html with this template (docs/theme.md lists every page template and the data it receives)
                """)
        }
        XCTAssertEqual(output.filesWritten, 0, "nothing was drawn")
        let publicRenderer = PageRenderer(index: fixture.index(today: "2026-11-25"), theme: theme, views: .forPublic(fixture.load().model))
        XCTAssertNoThrow(try publicRenderer.renderAll(into: output, fingerprints: nil), "a public build draws neither page")
    }

    static let defaultTheme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes/default").standardizedFileURL

    static func theme() throws -> Theme {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes/default").standardizedFileURL
        return try Theme.load(from: .folder(directory), language: .ja, displayPath: "themes/default")
    }
}
