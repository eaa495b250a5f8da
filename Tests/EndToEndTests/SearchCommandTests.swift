import Foundation
import XCTest

/// `densho search` over a small built project: JSON shape, ordering, Japanese-exact matching,
/// width forms, filters, marked human output and the exit codes.
final class SearchCommandTests: XCTestCase {
    static let project = try? TemporaryProject()
    static var buildError: String?

    struct Hit: Decodable, Equatable {
        let url: String; let title: String; let type: String; let date: String?; let snippet: String
        let highlights: [[Int]]
    }
    struct Results: Decodable, Equatable { let total: Int; let results: [Hit] }

    override class func setUp() {
        super.setUp()
        do {
            guard let project else { throw CocoaError(.fileWriteUnknown) }
            try project.writeMinimalSite()
            // Quotes and a backslash in a title must survive JSON; a second visit gives ranking work.
            try project.write("content/playbooks/quotes.md", """
            ---
            title: '"引用"と\\バックスラッシュのＩＰメモ'
            order: 20
            ---
            特許の話はここには無い。IPの話だけ。
            """)
            try project.write("content/visits/2025/2025-03-10-minato-seiki.md", """
            ---
            date: 2025-03-10
            company: minato-seiki
            staff: [suzuki]
            themes: [海外展開]
            ---
            ## 聞いたこと
            タイの展示会に出たい。特許の相談はまだ先。
            """)
            let built = try project.build()
            if built.status != 0 { buildError = built.stderr }
        } catch {
            buildError = "\(error)"
        }
    }

    override class func tearDown() {
        if let project { try? FileManager.default.removeItem(at: project.root) }
        super.tearDown()
    }

    private var site: String { Self.project?.site.path ?? "/nonexistent" }

    private func search(_ args: [String]) throws -> Densho.Result {
        XCTAssertNil(Self.buildError)
        return try Densho.run(["search", "--site", site] + args)
    }

    private func json(_ args: [String]) throws -> Results {
        let result = try search(args + ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder().decode(Results.self, from: Data(result.stdout.utf8))
    }

    func testJSONHasTheIssueShapeAndTotalCountsEveryMatch() throws {
        let result = try search(["特許", "--json", "--limit", "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["total", "loaded", "results"])
        // What the query read, the manifest not counted: the files exist and add up.
        let loaded = try XCTUnwrap(object["loaded"] as? [String: Int])
        XCTAssertEqual(Set(loaded.keys), ["files", "bytes"])
        XCTAssertGreaterThanOrEqual(loaded["files"] ?? 0, 2, "a gram file and a document file at least")
        let searchFolder = try XCTUnwrap(Self.project?.site.appendingPathComponent("search"))
        let manifest = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: searchFolder.appendingPathComponent("index.js").path)[.size] as? Int)
        let all = try FileManager.default.contentsOfDirectory(atPath: searchFolder.path).reduce(0) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: searchFolder.appendingPathComponent($1).path)[.size] as? Int) ?? 0)
        }
        XCTAssertGreaterThan(loaded["bytes"] ?? 0, 0)
        XCTAssertLessThanOrEqual(loaded["bytes"] ?? 0, all - manifest)
        let results = try XCTUnwrap(object["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 1, "--limit 1")
        XCTAssertEqual(Set(results[0].keys), ["url", "title", "type", "date", "snippet", "highlights"])
        let every = try json(["特許", "--limit", "50"])
        XCTAssertEqual(object["total"] as? Int, every.total, "total counts all matches, not only those shown")
        XCTAssertGreaterThan(every.total, 1)
        XCTAssertEqual(every.results.first.map(\.url), results[0]["url"] as? String)
    }

    func testSubstringMatchingIsJapaneseExact() throws {
        let hits = try json(["開放特許"]).results
        XCTAssertEqual(Set(hits.map(\.url)), ["visits/2026/2026-08-01-minato-seiki.html", "partners/ip-center.html"])
        for hit in hits {
            let marked = hit.highlights.map { String(decoding: Array(hit.snippet.utf16)[$0[0]..<$0[1]], as: UTF16.self) }
            XCTAssertEqual(Set(marked), ["開放特許"], hit.url)
        }
        XCTAssertEqual(try json(["放特"]).total, 2, "a query inside a word matches (no dictionary)")
        XCTAssertEqual(try json(["開放実用新案"]).total, 0)
    }

    func testWidthFormsAndCaseFindTheSame() throws {
        let fullWidth = try json(["ＩＰ"]), halfWidth = try json(["ip"]), upper = try json(["IP"])
        XCTAssertGreaterThan(fullWidth.total, 0)
        XCTAssertEqual(fullWidth, halfWidth)
        XCTAssertEqual(fullWidth, upper)
        let katakana = try json(["コーディネーター"])
        XCTAssertGreaterThan(katakana.total, 0)
        XCTAssertEqual(try json(["ｺｰﾃﾞｨﾈｰﾀｰ"]), katakana, "half-width katakana")
    }

    func testTitleMatchesRankFirstAndJSONEscapesTitles() throws {
        let hits = try json(["ＩＰメモ"]).results
        XCTAssertEqual(hits.first?.title, "\"引用\"と\\バックスラッシュのＩＰメモ")
        let ranked = try json(["初回訪問"]).results
        XCTAssertEqual(ranked.first?.url, "playbooks/first-visit.html", "the page titled 初回訪問のてびき comes first")
    }

    func testTwoTermsMustBothMatch() throws {
        let both = try json(["特許", "タイ"])
        XCTAssertEqual(both.results.map(\.url), ["visits/2025/2025-03-10-minato-seiki.html"])
        XCTAssertEqual(try json(["特許 タイ"]), both, "one argument with a space is the same query")
    }

    func testFiltersAloneAndWithTerms() throws {
        let visits = try json(["--type", "visit"])
        XCTAssertEqual(visits.total, 2)
        XCTAssertEqual(visits.results.map(\.url), ["visits/2026/2026-08-01-minato-seiki.html", "visits/2025/2025-03-10-minato-seiki.html"],
                       "no terms: newer first")
        XCTAssertEqual(try json(["--type", "visit", "--year", "2025"]).results.map(\.url), ["visits/2025/2025-03-10-minato-seiki.html"])
        XCTAssertEqual(try json(["特許", "--theme", "海外展開"]).results.map(\.url), ["visits/2025/2025-03-10-minato-seiki.html"])
        XCTAssertEqual(try json(["--partner", "ip-center"]).results.map(\.url).sorted(),
                       ["partners/ip-center.html", "visits/2026/2026-08-01-minato-seiki.html"])
        XCTAssertEqual(try json(["--person", "suzuki", "--company", "minato-seiki"]).total, 2)
        XCTAssertEqual(try json(["--company", "株式会社みなと精機", "--type", "visit"]), visits, "a company by its name")
    }

    /// Filters accept what the search page shows: type names, a unique part of a name; the same
    /// filter repeated means any of its values.
    func testFiltersTakeThePagesLabelsAndRepeatsMeanAnyOf() throws {
        let visits = try json(["--type", "visit"])
        XCTAssertEqual(try json(["--type", "訪問記録"]), visits, "the type as the page names it")
        XCTAssertEqual(try json(["--type", "Visit"]), visits, "and as an English site names it")
        XCTAssertEqual(try json(["--company", "みなと精機", "--type", "visit"]), visits, "a unique part of the company's name")
        XCTAssertEqual(try json(["--company", "ﾐﾅﾄ精機", "--type", "訪問記録"]).total, 0, "katakana is not hiragana")
        XCTAssertEqual(try json(["--person", "田中"]), try json(["--person", "tanaka"]), "a person by family name")
        let either = try json(["--type", "visit", "--type", "playbook", "--limit", "50"])
        let playbooks = try json(["--type", "伴走のてびき", "--limit", "50"])
        XCTAssertGreaterThan(playbooks.total, 0)
        XCTAssertEqual(either.total, visits.total + playbooks.total, "repeated --type: any of them")
        XCTAssertEqual(Set(either.results.map(\.url)), Set(visits.results.map(\.url) + playbooks.results.map(\.url)))
        XCTAssertEqual(try json(["--person", "suzuki", "--person", "tanaka", "--type", "visit"]).total, visits.total)
        let ambiguous = try search(["--type", "P"])
        XCTAssertEqual(ambiguous.status, 2, "a part that names two types (Person, Partner) is a usage error")
        XCTAssertTrue(ambiguous.stderr.contains("(person)") && ambiguous.stderr.contains("(partner)"), ambiguous.stderr)
    }

    func testUnknownFilterValueFindsNothingAndSaysWhy() throws {
        let result = try search(["特許", "--type", "visits", "--json"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(try JSONDecoder().decode(Results.self, from: Data(result.stdout.utf8)).total, 0)
        XCTAssertTrue(result.stderr.contains("no --type 'visits'") && result.stderr.contains("visit"), result.stderr)
    }

    func testHumanOutputNumbersResultsAndMarksMatches() throws {
        let result = try search(["開放特許"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("2 results\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n1. "), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n2. "), result.stdout)
        XCTAssertTrue(result.stdout.contains("【開放特許】"), "matches marked when not on a terminal")
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no escape codes into a pipe")
        XCTAssertTrue(result.stdout.contains("visit · 2026-08-01 · visits/2026/2026-08-01-minato-seiki.html"), result.stdout)
        XCTAssertEqual(try search(["存在しない語"]).stdout, "No results.\n")
        let capped = try search(["--type", "visit", "--limit", "1"])
        XCTAssertTrue(capped.stdout.hasPrefix("2 results, showing the first 1"), capped.stdout)
    }

    func testUsageErrorsExitTwo() throws {
        for args in [[], ["  　"], ["特許", "--limit", "0"], ["特許", "--limit", "many"], ["--year", "26"], ["特許", "--colour"]] {
            let result = try search(args)
            XCTAssertEqual(result.status, 2, "\(args): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("error:"), result.stderr)
        }
        XCTAssertTrue(try search([]).stderr.contains("needs a query or a filter"))
    }

    func testMissingIndexExitsOneWithAClearMessage() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("densho-nosite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try Densho.run(["search", "特許", "--site", empty.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no search index") && result.stderr.contains("densho build"), result.stderr)

        // A damaged manifest is an error with the file named, not a crash.
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("search"), withIntermediateDirectories: true)
        try Data("densho_search_register(\"index\",{\"format\":\"other\"});".utf8).write(to: empty.appendingPathComponent("search/index.js"))
        let damaged = try Densho.run(["search", "特許", "--site", empty.path])
        XCTAssertEqual(damaged.status, 1)
        XCTAssertTrue(damaged.stderr.contains("search/index.js") && damaged.stderr.contains("error:"), damaged.stderr)
    }

    func testDefaultSiteFolderIsSiteInTheWorkingDirectory() throws {
        let root = try XCTUnwrap(Self.project).root
        let result = try Densho.run(["search", "試作"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("companies/minato-seiki.html"), result.stdout)
    }
}
