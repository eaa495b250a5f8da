import Foundation
import XCTest

/// `densho build --public`: nothing from an internal page reaches any byte of the output.
final class PublicBuildTests: XCTestCase {
    /// The marker in every form it could take on the way out: as written, case-folded, JSON-escaped,
    /// percent-encoded, as an HTML character reference.
    static let forbidden: [String] = {
        let kanji = LeakProject.kanjiMarker.unicodeScalars.first!.value
        let hex = String(kanji, radix: 16)
        let percent = LeakProject.kanjiMarker.utf8.map { String(format: "%%%02X", $0) }.joined()
        return [LeakProject.asciiMarker, LeakProject.asciiMarker.uppercased(), LeakProject.kanjiMarker,
                "\\u\(hex)", "\\u\(hex.uppercased())", percent, percent.lowercased(),
                "&#x\(hex);", "&#x\(hex.uppercased());", "&#\(kanji);"]
    }()

    private func buildPublic(variant: Int) throws -> (TemporaryProject, [String: Data]) {
        let project = try TemporaryProject()
        try LeakProject(variant: variant).write(into: project)
        // The same content builds fine without --public: the internal pages are valid, just private.
        let full = try project.build()
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertTrue(try siteFiles(project.site, searchText: true).values.contains { $0.range(of: LeakProject.asciiMarker) != nil },
                      "the internal build shows the internal pages (the marker hunt would be vacuous otherwise)")
        let result = try project.build(["--public"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (project, try siteFiles(project.publicSite, searchText: true))
    }

    func testNoMarkerOfAnInternalPageAppearsInAnyOutputFile() throws {
        let (_, files) = try buildPublic(variant: 1)
        XCTAssertGreaterThan(files.count, 10)
        var leaks: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            if path.lowercased().contains(LeakProject.asciiMarker) { leaks.append("file name \(path)") }
            for needle in Self.forbidden {
                guard let range = data.range(of: needle) else { continue }
                let from = Swift.max(data.startIndex, range.lowerBound - 80), to = Swift.min(data.endIndex, range.upperBound + 80)
                leaks.append("\(path): …\(String(decoding: data[from..<to], as: UTF8.self))…")
            }
        }
        XCTAssertEqual(leaks, [], "internal content leaked into the public site:\n" + leaks.joined(separator: "\n"))
    }

    /// Changing only internal pages (their values, how many internal visits exist) must not change
    /// a single byte of the public site: no count, chart, year or order may depend on them.
    func testInternalContentDoesNotChangeAnyByteOfThePublicSite() throws {
        let (_, a) = try buildPublic(variant: 1)
        let (_, b) = try buildPublic(variant: 2)
        XCTAssertEqual(Set(a.keys), Set(b.keys), "the same files are published")
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        XCTAssertEqual(differing, [], "public files that depend on internal content")
    }

    func testPublicBuildPublishesOnlyPublicPagesAndUnlinksTheRest() throws {
        let (project, files) = try buildPublic(variant: 1)
        for path in ["index.html", "search.html", "404.html", "playbooks/index.html", "playbooks/print.html",
                     "playbooks/open-first.html", "playbooks/open-second.html", "companies/open-co.html",
                     "visits/2026/2026-10-01-open-event.html", "visits/2026/2026-11-01-open-co.html",
                     "people/open-person.html", "partners/open-partner.html", "themes/index.html"] {
            XCTAssertNotNil(files[path], "public site has \(path)")
        }
        XCTAssertNil(files["radar.html"], "the radar is a working view of the team, never published")
        XCTAssertFalse(files.keys.contains { $0.hasSuffix("-handover.html") }, "handover packets are internal work")

        // Links to internal pages: the label the public page wrote, and no address.
        let chapter = try project.read("public/playbooks/open-first.html")
        XCTAssertTrue(chapter.contains("<span class=\"wikilink\">事例の会社</span>"), chapter)
        XCTAssertTrue(chapter.contains("<span class=\"wikilink\">社内向けの章</span>"), chapter)
        XCTAssertFalse(chapter.contains("zqxleak"), chapter)
        let event = try project.read("public/visits/2026/2026-10-01-open-event.html")
        XCTAssertTrue(event.contains("<span class=\"wikilink\">紹介先</span>"), event)
        XCTAssertTrue(event.contains("href=\"../../people/open-person.html\""), "public staff stay linked")
        XCTAssertTrue(event.contains("href=\"../../partners/open-partner.html\""), "public partners stay linked")
        XCTAssertTrue(event.contains("<a class=\"wikilink\" href=\"../../companies/open-co.html\">オープン工業</a>"))

        // Only public content is counted.
        let company = try project.read("public/companies/open-co.html")
        XCTAssertTrue(company.contains("2026-11-01"), "the public visit is on the timeline")
        XCTAssertFalse(company.contains("2020-0"), "internal visits are not on the timeline")

        // Navigation, home and every page link only what exists.
        Self.assertEveryLinkResolves(files)
    }

    func testNavigationHidesSectionsWithNoPublicPages() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let result = try project.build(["--public"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try siteFiles(project.publicSite)
        // The minimal site has only one public page: its playbook.
        for path in ["companies/index.html", "visits/index.html", "people/index.html", "partners/index.html", "radar.html"] {
            XCTAssertNil(files[path], "\(path) has nothing public to show")
        }
        XCTAssertNotNil(files["playbooks/first-visit.html"])
        Self.assertEveryLinkResolves(files)
        let chapter = try project.read("public/playbooks/first-visit.html")
        XCTAssertTrue(chapter.contains("<span class=\"wikilink\">株式会社みなと精機</span>"),
                      "an unlabeled link to an internal page keeps the text the public page wrote")
    }

    /// A visit is named after its company; a public visit of an internal company would publish the
    /// company's slug as its own address, so the public build refuses it and says what to do.
    func testPublicVisitNamedAfterAnInternalCompanyIsAnError() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/visits/2026/2026-09-01-minato-seiki.md",
                          "---\ndate: 2026-09-01\ncompany: minato-seiki\nvisibility: public\n---\n公開の記録。\n")
        XCTAssertEqual(try project.build().status, 0, "an internal build is fine")
        let before = try siteFiles(project.site)
        let result = try project.build(["--public"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(project.content.path + "/visits/2026/2026-09-01-minato-seiki.md:1:1: error: this public visit's file name contains 'minato-seiki'"), result.stderr)
        XCTAssertEqual(try siteFiles(project.site), before, "the internal site stays")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.publicSite.path), "a failed build writes nothing")

        try FileManager.default.moveItem(at: project.content.appendingPathComponent("visits/2026/2026-09-01-minato-seiki.md"),
                                         to: project.content.appendingPathComponent("visits/2026/2026-09-01-public-event.md"))
        let renamed = try project.build(["--public"])
        XCTAssertEqual(renamed.status, 0, renamed.stderr)
        let page = try project.read("public/visits/2026/2026-09-01-public-event.html")
        XCTAssertFalse(page.contains("minato") || page.contains("みなと"), page)
        XCTAssertTrue(page.contains("<title>2026-09-01 |"), "named by its date alone")
    }

    func testDemoContentBuildsInPublicMode() throws {
        let project = try TemporaryProject()
        let result = try Densho.run(["build", "--content", Densho.repositoryRoot.appendingPathComponent("content").path,
                                     "--output", project.site.path, "--theme", project.theme.path, "--today", "2026-11-25", "--public"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("(public only)"), result.stdout)
        let files = try siteFiles(project.site)
        XCTAssertNotNil(files["playbooks/print.html"])
        XCTAssertNil(files["radar.html"])
        Self.assertEveryLinkResolves(files)
    }

    /// Every relative link of every page points at a file of the site.
    static func assertEveryLinkResolves(_ files: [String: Data], file: StaticString = #filePath, line: UInt = #line) {
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let base = URL(fileURLWithPath: "/site/" + path).deletingLastPathComponent()
            for href in hrefs(in: html) where !href.hasPrefix("#") && !href.contains("://") {
                let target = String(href.split(separator: "#", omittingEmptySubsequences: false)[0])
                let resolved = URL(fileURLWithPath: target, relativeTo: base).standardizedFileURL.path
                let relative = resolved.hasPrefix("/site/") ? String(resolved.dropFirst(6)) : resolved
                XCTAssertNotNil(files[relative.removingPercentEncoding ?? relative], "\(path) links \(href), which is not published",
                                file: file, line: line)
            }
        }
    }

    static func hrefs(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "href=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return result
    }
}
