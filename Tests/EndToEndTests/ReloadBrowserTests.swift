import Foundation
import XCTest
import TestTools

/// Live reload as a browser sees it: many tabs of one `densho serve` page share one event stream
/// (a Web Lock elects the tab that holds it, a BroadcastChannel passes its events on), so the
/// browser's six connections per host stay free for pages, and an edit reloads every tab.
final class ReloadBrowserTests: XCTestCase {
    private struct Report: Decodable {
        var loadSeconds: [Double]
        var loaded: [Bool]
        var reloaded: [Bool]
        var streamsOpenedBeforeEdit: Int
        var mostOpenBeforeEdit: Int
        var openBeforeEdit: Int
        var mostOpenAfterReload: Int
        var openAfterReload: Int
        var streamsOpenedInAll: Int
    }

    func testEightTabsShareOneReloadStreamAndAllReloadOnAnEdit() throws {
        let chromium = try Chromium.require()
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let server = try DenshoProcess(["serve", "--port", "0", "--content", project.content.path, "--output", project.site.path,
                                        "--theme", project.theme.path, "--today", "2026-11-25"])
        defer { server.stop() }
        let port = try XCTUnwrap(server.waitForPort(), server.stderr)

        // Eight tabs: more than the six connections a browser opens to one host, so a stream per
        // tab (as the old long-poll was) would leave the seventh tab's page waiting for a slot.
        let tabs = 8
        let appended = "第\(tabs)タブまで届く追記：ﾃｽﾄ１２３"
        let script = Densho.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/chromium-tabs.py")
        let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["python3", script.path, chromium.executable.path, "http://127.0.0.1:\(port)/companies/minato-seiki.html",
                                           String(tabs), project.content.appendingPathComponent("companies/minato-seiki.md").path, appended, "40"],
                                          timeout: 600)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        print("reload tabs: \(result.stdout)")

        XCTAssertEqual(report.loaded, Array(repeating: true, count: tabs), "every tab's page loaded: \(report.loadSeconds)")
        // A page that waited for a connection would wait until a stream closed: never, while tabs stay open.
        for (tab, seconds) in report.loadSeconds.enumerated() {
            XCTAssertLessThan(seconds, 20, "tab \(tab + 1) stalled")
        }
        XCTAssertEqual(report.streamsOpenedBeforeEdit, 1, "one stream for the browser, opened by the first tab")
        XCTAssertEqual(report.mostOpenBeforeEdit, 1)
        XCTAssertEqual(report.openBeforeEdit, 1)
        XCTAssertEqual(report.reloaded, Array(repeating: true, count: tabs), "every tab reloads into the edited page")
        XCTAssertEqual(report.openAfterReload, 1, "after the reloads, again one stream")
        XCTAssertEqual(report.mostOpenAfterReload, 1)
        // In the reload itself a page that is leaving passes the lock on without connecting.
        XCTAssertLessThan(report.streamsOpenedInAll, 1 + tabs / 2, "a reload does not make each tab connect")
    }
}
