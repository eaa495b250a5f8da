import Foundation
import XCTest

/// The forms in a real browser (headless Chromium) against `densho serve`: a test-only script in
/// a copy of the theme plays the user (clicks, types, submits) and the DOM Chromium ends with is
/// what the user would see.
final class FormsBrowserTests: XCTestCase {
    private var running: [DenshoProcess] = []
    private var project: TemporaryProject!
    private var themeCopy: URL { project.root.appendingPathComponent("theme") }

    override func setUpWithError() throws {
        project = try TemporaryProject()
        try project.writeMinimalSite()
        try FileManager.default.copyItem(at: project.theme, to: themeCopy)
    }

    override func tearDown() {
        for process in running { process.stop() }
        running = []
        project = nil
    }

    private func browser() throws -> Chromium { try Chromium.require() }

    /// Serves the project with `driver` (plain JS) loaded after forms.js on every page.
    private func serve(driver: String) throws -> Int {
        let layout = themeCopy.appendingPathComponent("templates/layout.mustache")
        let text = try String(contentsOf: layout, encoding: .utf8)
        try text.replacingOccurrences(of: "</body>", with: "<script src=\"{{root}}static/driver.js\" defer></script>\n</body>")
            .write(to: layout, atomically: true, encoding: .utf8)
        try driver.write(to: themeCopy.appendingPathComponent("static/driver.js"), atomically: true, encoding: .utf8)
        let server = try DenshoProcess(["serve", "--port", "0", "--content", "content", "--output", "site",
                                        "--theme", themeCopy.path, "--today", "2026-11-25"], in: project.root)
        running.append(server)
        guard let port = server.waitForPort() else {
            XCTFail("densho serve did not start:\n\(server.stdout)\n\(server.stderr)")
            throw RawHTTP.Failure.connect("no port")
        }
        return port
    }

    /// Helpers every driver uses: wait for an element, remember a result across reloads.
    private let driverPrelude = """
    function waitFor(find, then, tries) {
      tries = tries || 0; var found = find();
      if (found) return then(found);
      if (tries > 300) { document.body.setAttribute("data-driver", "timed out"); return; }
      setTimeout(function () { waitFor(find, then, tries + 1); }, 50);
    }
    function once(key) { if (localStorage.getItem(key)) return false; localStorage.setItem(key, "1"); return true; }
    document.body.setAttribute("data-result", localStorage.getItem("result") || "");

    """

    func testFillingTheNewVisitFormOpensTheNewVisitsPage() throws {
        let chromium = try browser()
        let port = try serve(driver: driverPrelude + """
        if (document.querySelector("[data-densho-company]") && once("submitted")) {
          waitFor(function () { return document.querySelector(".densho-open-form"); }, function (button) {
            button.click();
            waitFor(function () { return document.querySelector("form.densho-form"); }, function (form) {
              form.elements.date.value = "2026-11-20";
              form.elements.kind.value = "call";
              var areas = form.querySelectorAll('textarea[name="section"]');
              areas[0].value = "社長「<b>台湾</b>に出たい」";
              areas[2].value = "資料を送る\\n通訳を探す";
              form.querySelector(".densho-save").click();
            });
          });
        }
        """)
        let dom = try chromium.domOnceTrue("http://127.0.0.1:\(port)/companies/minato-seiki.html",
                                           "document.querySelector('[data-densho-note]') && document.querySelector('.densho-promises')")
        let note = try project.read("content/visits/2026/2026-11-20-minato-seiki.md")
        XCTAssertTrue(note.contains("\nstaff: [suzuki]\nkind: call\n"), "the holder by default\n\(note)")
        XCTAssertTrue(note.contains("## 次の一手\n\n- [ ] 資料を送る\n- [ ] 通訳を探す\n"), note)
        XCTAssertTrue(dom.contains("data-densho-note=\"visits/2026/2026-11-20-minato-seiki.md\""), "the browser ends on the new visit's page:\n\(dom.suffix(3000))")
        XCTAssertTrue(dom.contains("台湾") && !dom.contains("<b>台湾</b>"), "the text, its raw HTML not run:\n\(dom.suffix(3000))")
        XCTAssertFalse(project.exists("content/visits/2026/2026-11-20-minato-seiki-2.md"), "submitted once")
    }

    /// The kind and status menus show the theme's own words (i18n), not a copy inside forms.js:
    /// a theme that renames 電話 to 電話相談 sees its word in the form.
    func testTheFormsMenusUseTheThemesWords() throws {
        let strings = themeCopy.appendingPathComponent("i18n/ja.yml")
        let text = try String(contentsOf: strings, encoding: .utf8)
        try text.replacingOccurrences(of: "kind_call: 電話\n", with: "kind_call: 電話相談\n")
            .replacingOccurrences(of: "status_in_progress: 進行中\n", with: "status_in_progress: 支援中（進行）\n")
            .write(to: strings, atomically: true, encoding: .utf8)
        let chromium = try browser()
        let port = try serve(driver: driverPrelude + """
        if (document.querySelector("[data-densho-company]")) {
          waitFor(function () { return document.querySelector(".densho-open-form"); }, function (button) {
            button.click();
            waitFor(function () { return document.querySelector("form.densho-form"); }, function (form) {
              form.querySelector(".densho-add-referral") && form.querySelector(".densho-add-referral").click();
              var words = Array.prototype.map.call(form.querySelectorAll("option"), function (o) { return o.value + "=" + o.textContent; });
              document.body.setAttribute("data-options", words.join("|"));
            });
          });
        }
        """)
        let dom = try chromium.domOnceTrue("http://127.0.0.1:\(port)/companies/minato-seiki.html",
                                           "document.body.getAttribute('data-options')")
        let options = DumpedDOM.matches(#"data-options="([^"]*)""#, in: dom).first ?? ""
        XCTAssertTrue(options.contains("visit=訪問|call=電話相談|event=イベント|matching=マッチング"), "the kinds: \(options)")
        XCTAssertTrue(options.contains("in_progress=支援中（進行）"), "the statuses: \(options)")
        XCTAssertFalse(try String(contentsOf: themeCopy.appendingPathComponent("static/forms.js"), encoding: .utf8).contains("紹介済み"),
                       "forms.js holds no copy of the theme's words")
    }

    func testAConflictingEditShowsThe409MessageAndWritesNothing() throws {
        let chromium = try browser()
        // The driver plays two people: "someone else" saves a reflection in another tab, then this
        // page, opened before that save, checks a promise.
        let port = try serve(driver: driverPrelude + """
        if (document.querySelector("[data-densho-note]") && once("clicked")) {
          waitFor(function () { return document.querySelector(".densho-promises input[type=checkbox]"); }, function (box) {
            var token = document.querySelector('meta[name="densho-token"]').content;
            var source = document.querySelector("[data-densho-note]").getAttribute("data-densho-note");
            var headers = { "X-Densho-Token": token, "Content-Type": "application/json" };
            fetch("/_densho/api/note?source=" + encodeURIComponent(source), { headers: headers }).then(function (r) { return r.json(); }).then(function (note) {
              return fetch("/_densho/api/reflections", { method: "POST", headers: headers,
                body: JSON.stringify({ path: note.path, digest: note.digest, answers: { "うまくいったこと": "別の人の振り返り" } }) });
            }).then(function () {
              box.click();
              waitFor(function () { var a = document.querySelector(".densho-promises .densho-form-alert"); return a && a.textContent; }, function (text) {
                localStorage.setItem("result", text);
                document.body.setAttribute("data-result", text);
              });
            });
          });
        }
        """)
        let dom = try chromium.domOnceTrue("http://127.0.0.1:\(port)/visits/2026/2026-08-01-minato-seiki.html",
                                           "document.body.getAttribute('data-result')")
        let result = DumpedDOM.unescape(DumpedDOM.matches(#"data-result="([^"]*)""#, in: dom).first ?? "")
        XCTAssertTrue(result.contains("フォームを開いた後に別の人"), "the page showed the 409 message: '\(result)'\n\(dom.suffix(2000))")
        let note = try project.read("content/visits/2026/2026-08-01-minato-seiki.md")
        XCTAssertTrue(note.contains("別の人の振り返り"), "the other person's save is there")
        XCTAssertTrue(note.contains("- [ ] 特許資料を送る"), "the stale check wrote nothing")
    }

    func testAPageOfAnotherOriginCannotWriteEvenWithTheToken() throws {
        let chromium = try browser()
        let port = try serve(driver: "")
        let page = try RawHTTP(port: port).get("/index.html", host: "127.0.0.1:\(port)")
        let token = try XCTUnwrap(DumpedDOM.matches(#"<meta name="densho-token" content="([0-9a-f]+)">"#, in: page.text).first)
        let evil = project.root.appendingPathComponent("evil")
        try FileManager.default.createDirectory(at: evil, withIntermediateDirectories: true)
        try """
        <!DOCTYPE html><html><body><p id="out">pending</p><script>
        var body = JSON.stringify({ company: "minato-seiki", date: "2026-11-21" });
        var out = [];
        function note(text) { out.push(text); document.getElementById("out").textContent = out.join(" | "); }
        fetch("http://127.0.0.1:\(port)/_densho/api/visits", { method: "POST", headers: { "X-Densho-Token": "\(token)", "Content-Type": "application/json" }, body: body })
          .then(function (r) { note("json:" + r.status); }, function (e) { note("json:refused"); })
          .then(function () {
            return fetch("http://127.0.0.1:\(port)/_densho/api/visits", { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: body });
          })
          .then(function (r) { note("simple:" + r.type); }, function () { note("simple:refused"); });
        </script></body></html>
        """.write(to: evil.appendingPathComponent("evil.html"), atomically: true, encoding: .utf8)
        let other = try LoopbackServer(serving: evil)
        defer { other.stop() }
        let dom = try chromium.domOnceTrue(other.baseURL + "evil.html", "document.getElementById('out').textContent.indexOf('simple:') >= 0")
        XCTAssertTrue(dom.contains("json:refused | simple:"), "the cross-origin fetch was refused:\n\(dom)")
        XCTAssertFalse(project.exists("content/visits/2026/2026-11-21-minato-seiki.md"), "nothing written by a foreign page")
    }

    func testTheStaticSiteShowsNoFormButtons() throws {
        let chromium = try browser()
        XCTAssertEqual(try project.build().status, 0)
        let dom = try chromium.dumpDOM(project.site.appendingPathComponent("companies/minato-seiki.html").absoluteString, scratch: project.root)
        XCTAssertTrue(dom.contains("data-densho-company=\"minato-seiki\""), "the page is the company page")
        XCTAssertFalse(dom.contains("densho-open-form"), "no dead buttons without densho serve")
    }
}

extension Chromium {
    /// The DOM of the tab once `expression` is true on the page it shows (real time, so pages of
    /// `densho serve`, whose live-reload request is always open, work; see chromium-wait.py).
    func domOnceTrue(_ url: String, _ expression: String, timeout: Int = 40) throws -> String {
        let script = Densho.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/chromium-wait.py")
        let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["python3", script.path, executable.path, url, expression, String(timeout)], timeout: TimeInterval(timeout + 30))
        guard result.status == 0, result.stdout.contains("</html>") else {
            throw BrowserTestError("chromium failed on \(url) (status \(result.status)): \(result.stderr.suffix(2000))")
        }
        if !result.stderr.isEmpty { print(result.stderr) }
        return result.stdout
    }
}
