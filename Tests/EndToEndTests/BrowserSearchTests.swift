import Foundation
import XCTest

/// The search page in a real browser (headless Chromium): over file:// and over loopback HTTP it
/// gives exactly what `densho search --json` gives; typing, the URL and the keyboard work; and
/// hostile text in queries or notes is only ever shown as text.
final class BrowserSearchTests: XCTestCase {
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("densho-browser-\(UUID().uuidString)")
    static var demoSite: URL { scratch.appendingPathComponent("demo") }
    static let hostileProject = try? TemporaryProject()
    static var buildProblems: [String] = []

    struct Query: Encodable {
        let text: String
        let filters: [String: String]
        let limit: Int
        init(_ text: String, _ filters: [String: String] = [:], limit: Int = 20) {
            self.text = text
            self.filters = filters
            self.limit = limit
        }
    }

    struct Hit: Decodable, Equatable {
        let url: String; let title: String; let type: String; let date: String?; let snippet: String
        let highlights: [[Int]]
    }
    struct Results: Decodable, Equatable { let total: Int; let results: [Hit] }

    /// Japanese terms of 1, 2 and 3+ characters, full-width / half-width forms, mixed scripts,
    /// Latin words and prefixes, two terms, filters alone and with terms, no match.
    static let queries: [Query] = [
        Query("特"), Query("特許"), Query("開放特許"), Query("医療機器展"),
        Query("ＩＰ"), Query("ip"), Query("ｺｰﾃﾞｨﾈｰﾀｰ"), Query("IPコーディネーター"), Query("3Dラボ"),
        Query("ｄｘ"), Query("coord"), Query("i", limit: 50),
        Query("特許 契約"), Query("ip 特許"), Query("ﾊﾞﾝｺｸ 展示会"),
        Query("", ["type": "visit"]), Query("", ["company": "minato-seiki", "year": "2026"]),
        Query("", ["theme": "知財活用"], limit: 50),
        Query("特許", ["type": "visit", "year": "2024"]), Query("試作", ["person": "tanaka"]),
        Query("信金", ["partner": "shinkin"]), Query("存在しない語"), Query("特許", ["type": "nothing"]),
    ]

    override class func setUp() {
        super.setUp()
        let root = Densho.repositoryRoot
        let demo = try? Densho.run(["build", "--content", root.appendingPathComponent("content").path, "--output", demoSite.path,
                                    "--theme", root.appendingPathComponent("themes/default").path, "--today", "2026-11-25"])
        if demo?.status != 0 { buildProblems.append("demo build failed: \(demo?.stderr ?? "densho did not run")") }
        do {
            guard let project = hostileProject else { throw BrowserTestError("no temporary folder") }
            try project.write("content/site.yml", "title: Guard test\nlanguage: en\n")
            try project.write("content/playbooks/guard.md", """
            ---
            title: '<img src=x onerror=alert(6)>の対処'
            order: 1
            ---
            ## 入力の検査
            危ない入力の例: `<script>alert(1)</script>` と `"><img src=x onerror=alert(2)>` と `javascript:alert(3)` と `<svg/onload=alert(4)>` を文字として表示する。
            """)
            let built = try project.build()
            if built.status != 0 { buildProblems.append("hostile build failed: \(built.stderr)") }
        } catch {
            buildProblems.append("hostile project: \(error)")
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
        if let project = hostileProject { try? FileManager.default.removeItem(at: project.root) }
        super.tearDown()
    }

    private var server: LoopbackServer?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func browser() throws -> Chromium {
        XCTAssertEqual(Self.buildProblems, [])
        return try Chromium.require()
    }

    // MARK: - The engine in the page agrees with the command line

    func testPageAgreesWithCommandLineFromFileAndFromHTTP() throws {
        let chromium = try browser()
        try writeProbePage(named: "probe-queries.html", in: Self.demoSite, script: Self.queryProbe(Self.queries))
        let expected = try Self.queries.map { try commandLine($0, site: Self.demoSite) }
        XCTAssertGreaterThan(expected.filter { $0.total > 0 }.count, 18, "most queries find something in the demo")

        server = try LoopbackServer(serving: Self.demoSite)
        let pages = [("file://", Self.demoSite.appendingPathComponent("probe-queries.html").absoluteString),
                     ("http://", (server?.baseURL ?? "") + "probe-queries.html")]
        for (name, url) in pages {
            let dom = try chromium.dumpDOM(url, scratch: Self.scratch)
            let got = try Self.probeOutput(dom, as: [Results].self)
            XCTAssertEqual(got.count, Self.queries.count, name)
            for (query, (page, cli)) in zip(Self.queries, zip(got, expected)) where page != cli {
                XCTFail("\(name) \(query.text.debugDescription) \(query.filters): page \(page.total) \(page.results.map(\.url)) ≠ densho search \(cli.total) \(cli.results.map(\.url))")
            }
        }
    }

    // MARK: - The real page, as a person sees it

    func testSearchPageShowsTheQueryFromTheURL() throws {
        let chromium = try browser()
        let cli = try commandLine(Query("開放特許", ["type": "visit"], limit: 50), site: Self.demoSite)
        var components = URLComponents(url: Self.demoSite.appendingPathComponent("search.html"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "q", value: "開放特許"), URLQueryItem(name: "type", value: "visit")]
        let dom = try chromium.dumpDOM(try XCTUnwrap(components?.url?.absoluteString), scratch: Self.scratch)

        let list = try XCTUnwrap(DumpedDOM.element("ol", containing: "densho-search-results", in: dom), "no result list in the page")
        let hrefs = DumpedDOM.matches(#"<a href="([^"]*)" class="densho-search-title">"#, in: list).map(DumpedDOM.unescape)
        XCTAssertEqual(hrefs, cli.results.map(\.url))
        let titles = DumpedDOM.matches(#"class="densho-search-title">([^<]*)</a>"#, in: list).map(DumpedDOM.unescape)
        XCTAssertEqual(titles, cli.results.map(\.title))
        let marks = DumpedDOM.matches("<mark>([^<]*)</mark>", in: list).map(DumpedDOM.unescape)
        let expectedMarks = cli.results.flatMap { hit in
            hit.highlights.map { String(decoding: Array(hit.snippet.utf16)[$0[0]..<$0[1]], as: UTF16.self) }
        }
        XCTAssertEqual(marks, expectedMarks)
        XCTAssertTrue(marks.allSatisfy { $0 == "開放特許" }, "\(marks)")

        let count = DumpedDOM.element("p", containing: "densho-search-count", in: dom)
        XCTAssertEqual(count, "\(cli.total) 件", "result count in Japanese")
        XCTAssertTrue(dom.contains(#"<option value="visit">訪問記録 ("#), "type filter labelled in Japanese")
        XCTAssertTrue(dom.contains(#"<option value="minato-seiki">株式会社みなと精機 ("#), "company filter shows names")
    }

    func testTypingRunsTheSearchUpdatesTheURLAndArrowKeysSelect() throws {
        let chromium = try browser()
        let cli = try commandLine(Query("ＩＰ 特許", limit: 50), site: Self.demoSite)
        try writeProbePage(named: "probe-typing.html", in: Self.demoSite, script: """
        document.addEventListener('DOMContentLoaded', function () {
          var input = document.querySelector('#densho-search input[type=search]');
          input.value = 'ＩＰ 特許';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          var facetsAtStart = -1;
          // After the first query has run (pages before format 5 had loaded facets.js by then), open the filters.
          setTimeout(function () {
            facetsAtStart = performance.getEntriesByType('resource').filter(function (e) { return /\\/f-[0-9]+(-[0-9]+)?\\.js$/.test(e.name); }).length;
            document.querySelector('#densho-search details').open = true;
          }, 1500);
          setTimeout(function () {
            var before = document.querySelectorAll('#densho-search-results li').length;
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
            // arrow keys in a filter select belong to the select, not to the result list
            document.querySelector('#densho-search select[name=year]')
              .dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
            report({ search: decodeURIComponent(location.search), items: before, facetsAtStart: facetsAtStart,
                     years: document.querySelectorAll('#densho-search select[name=year] option').length,
                     active: input.getAttribute('aria-activedescendant'),
                     selected: Array.prototype.map.call(document.querySelectorAll('#densho-search-results li.active'), function (li) { return li.id; }) });
          }, 3000);
        });
        """)
        server = try LoopbackServer(serving: Self.demoSite)
        for url in [Self.demoSite.appendingPathComponent("probe-typing.html").absoluteString, (server?.baseURL ?? "") + "probe-typing.html"] {
            struct Typing: Decodable { let search: String; let items: Int; let facetsAtStart: Int; let years: Int; let active: String?; let selected: [String] }
            let typed = try Self.probeOutput(try chromium.dumpDOM(url, scratch: Self.scratch), as: Typing.self)
            XCTAssertEqual(typed.items, cli.results.count, url)
            XCTAssertEqual(typed.facetsAtStart, 0, "the filter values load only when the filters open: \(url)")
            XCTAssertGreaterThan(typed.years, 1, "opening the filters fills them: \(url)")
            XCTAssertGreaterThan(typed.items, 2)
            XCTAssertEqual(typed.search.replacingOccurrences(of: "+", with: " "), "?q=ＩＰ 特許", "the query is in the URL: \(url)")
            XCTAssertEqual(typed.active, "densho-search-result-1")
            XCTAssertEqual(typed.selected, ["densho-search-result-1"])
        }
    }

    /// A filter in the URL loads its own facet's values (`f-0`: type is the manifest's first
    /// facet) and lists for the first query, no other facet's file; once that query is answered
    /// the filters open and every facet's values fill them, the URL's filter selected.
    func testAFilterInTheURLLoadsOnlyItsFacetBeforeTheFirstAnswer() throws {
        let chromium = try browser()
        let cli = try commandLine(Query("開放特許", ["type": "visit"], limit: 50), site: Self.demoSite)
        try writeProbePage(named: "probe-url-filter.html", in: Self.demoSite, script: """
        var requested = [];
        var append = document.head.appendChild;
        document.head.appendChild = function (node) {
          if (node.tagName === 'SCRIPT' && /\\/search\\//.test(node.src)) {
            requested.push({ id: decodeURIComponent(node.src.replace(/^.*\\/search\\//, '').replace(/\\.js$/, '')),
                             answered: document.querySelectorAll('#densho-search-results li').length > 0 });
          }
          return append.call(this, node);
        };
        document.addEventListener('DOMContentLoaded', function () {
          setTimeout(function () {
            var company = document.querySelector('#densho-search select[name=company]');
            var type = document.querySelector('#densho-search select[name=type]');
            report({ requested: requested, items: document.querySelectorAll('#densho-search-results li').length,
                     companies: company ? company.options.length : 0, type: type ? type.value : null,
                     open: document.querySelector('#densho-search details').open });
          }, 3000);
        });
        """)
        server = try LoopbackServer(serving: Self.demoSite)
        let query = "?q=" + (("開放特許" as String).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&type=visit"
        for url in [Self.demoSite.appendingPathComponent("probe-url-filter.html").absoluteString + query,
                    (server?.baseURL ?? "") + "probe-url-filter.html" + query] {
            struct Request: Decodable { let id: String; let answered: Bool }
            struct Probe: Decodable { let requested: [Request]; let items: Int; let companies: Int; let type: String?; let open: Bool }
            let probe = try Self.probeOutput(try chromium.dumpDOM(url, scratch: Self.scratch), as: Probe.self)
            XCTAssertEqual(probe.items, cli.results.count, url)
            XCTAssertGreaterThan(probe.items, 0, url)
            let early = probe.requested.filter { !$0.answered }.map(\.id).filter { $0.hasPrefix("f-") }
            XCTAssertTrue(early.contains("f-0"), "\(url): \(early)")
            XCTAssertTrue(early.allSatisfy { $0 == "f-0" || $0.hasPrefix("f-0-") }, "only the type facet before the first answer: \(url): \(early)")
            let later = Set(probe.requested.filter(\.answered).map(\.id))
            XCTAssertTrue(later.contains { $0.hasPrefix("f-") && !$0.hasPrefix("f-0") }, "the filters open after the first answer and load the other facets: \(url): \(later.sorted())")
            XCTAssertTrue(probe.open, url)
            XCTAssertGreaterThan(probe.companies, 1, url)
            XCTAssertEqual(probe.type, "visit", url)
        }
    }

    // MARK: - Hostile text stays text

    func testHostileQueriesAndNotesNeverExecute() throws {
        let chromium = try browser()
        let site = try XCTUnwrap(Self.hostileProject).site
        let search = try String(contentsOf: site.appendingPathComponent("search.html"), encoding: .utf8)
        // Anything that runs script in this page leaves a mark on <html> that the dump shows.
        let guardScript = """
        <script>
        (function () {
          function caught(how) { document.documentElement.setAttribute('data-pwned', how); }
          window.alert = function (m) { caught('alert ' + m); };
          window.confirm = window.prompt = window.alert;
          window.addEventListener('securitypolicyviolation', function () { caught('csp'); });
          // the control run proves that a call to alert would be seen
          if (location.hash === '#control') window.addEventListener('DOMContentLoaded', function () { alert('control'); });
        })();
        </script>
        """
        try search.replacingOccurrences(of: "<head>", with: "<head>\n" + guardScript)
            .write(to: site.appendingPathComponent("search-guard.html"), atomically: true, encoding: .utf8)

        func executed(_ dom: String) -> Bool { !DumpedDOM.matches("<html([^>]*data-pwned)", in: dom).isEmpty }
        let control = try chromium.dumpDOM(site.appendingPathComponent("search-guard.html").absoluteString + "#control", scratch: Self.scratch)
        XCTAssertTrue(executed(control), "the guard page sees a call to alert")

        let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "javascript:alert(3)",
                       "<svg/onload=alert(4)>", "onerror"]
        for text in hostile {
            let cli = try commandLine(Query(text), site: site)
            XCTAssertEqual(cli.total, 1, "the note holding \(text) is found")
            var components = URLComponents(url: site.appendingPathComponent("search-guard.html"), resolvingAgainstBaseURL: false)
            components?.queryItems = [URLQueryItem(name: "q", value: text)]
            let dom = try chromium.dumpDOM(try XCTUnwrap(components?.url?.absoluteString), scratch: Self.scratch)

            XCTAssertFalse(executed(dom), "script ran for query \(text)")
            let list = try XCTUnwrap(DumpedDOM.element("ol", containing: "densho-search-results", in: dom))
            for tag in ["<img", "<script", "<svg"] { XCTAssertFalse(list.contains(tag), "\(tag) element in results for \(text)") }
            XCTAssertTrue(list.contains("&lt;img src=x onerror=alert(6)&gt;の対処"), "the hostile title is shown as text")
            XCTAssertTrue(DumpedDOM.matches(#"href="([^"]*)""#, in: list).allSatisfy { $0 == "playbooks/guard.html" })
            let marks = DumpedDOM.matches("<mark>([^<]*)</mark>", in: list).map(DumpedDOM.unescape)
            XCTAssertEqual(marks, cli.results[0].highlights.map { String(decoding: Array(cli.results[0].snippet.utf16)[$0[0]..<$0[1]], as: UTF16.self) })
            XCTAssertEqual(DumpedDOM.element("p", containing: "densho-search-count", in: dom), "1 result", "English UI")
            XCTAssertTrue(dom.contains(#"placeholder="Type to search"#), "English placeholder")
        }
    }

    // MARK: - Helpers

    /// `densho search --json` for one query.
    private func commandLine(_ query: Query, site: URL) throws -> Results {
        var args = ["search", "--site", site.path, "--json", "--limit", String(query.limit)]
        for (facet, value) in query.filters.sorted(by: { $0.key < $1.key }) { args += ["--\(facet)", value] }
        if !query.text.isEmpty { args += ["--", query.text] }
        let result = try Densho.run(args)
        XCTAssertEqual(result.status, 0, "densho \(args): \(result.stderr)")
        return try JSONDecoder().decode(Results.self, from: Data(result.stdout.utf8))
    }

    /// A copy of the site's real search.html with `script` run after search.js; the script calls
    /// `report(value)` to hand its findings to the test.
    private func writeProbePage(named name: String, in site: URL, script: String) throws {
        let page = try String(contentsOf: site.appendingPathComponent("search.html"), encoding: .utf8)
        let probe = """
        <script>
        function report(value) {
          // ASCII-only JSON, so the DOM serializer leaves nothing but &lt; &gt; &amp; to undo
          var json = JSON.stringify(value).replace(/[^\\x20-\\x7e]/g, function (c) {
            return '\\\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
          });
          var pre = document.createElement('pre');
          pre.id = 'probe-output';
          pre.textContent = json;
          document.body.appendChild(pre);
        }
        \(script)
        </script>
        </body>
        """
        guard page.contains("</body>") else { throw BrowserTestError("search.html has no </body>") }
        try page.replacingOccurrences(of: "</body>", with: probe)
            .write(to: site.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Runs every query through `window.densho_search_query` — the page's own engine — one after another.
    private static func queryProbe(_ queries: [Query]) throws -> String {
        let json = String(decoding: try JSONEncoder().encode(queries), as: UTF8.self)  // "/" comes out as "\/"
        return """
        document.addEventListener('DOMContentLoaded', function () {
          var queries = \(json), out = [];
          (function next(i) {
            if (i === queries.length) return report(out);
            window.densho_search_query(queries[i].text, queries[i].filters, queries[i].limit).then(
              function (r) { out.push(r); next(i + 1); },
              function (e) { out.push({ error: String(e) }); next(i + 1); });
          })(0);
        });
        """
    }

    private static func probeOutput<T: Decodable>(_ dom: String, as type: T.Type) throws -> T {
        guard let text = DumpedDOM.matches(#"<pre id="probe-output">(.*?)</pre>"#, in: dom).first else {
            throw BrowserTestError("the probe wrote no output; page ended as:\n\(dom.suffix(3000))")
        }
        return try JSONDecoder().decode(T.self, from: Data(DumpedDOM.unescape(text).utf8))
    }
}
