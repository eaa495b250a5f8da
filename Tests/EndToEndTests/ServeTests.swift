import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `densho serve` and `densho build --watch`, run as the user runs them, spoken to over raw sockets.
final class ServeTests: XCTestCase {
    private var running: [DenshoProcess] = []
    private var project: TemporaryProject!
    private var themeCopy: URL { project.root.appendingPathComponent("theme") }
    private let secret = "極秘メモ SECRET-7f3a"

    override func setUpWithError() throws {
        project = try TemporaryProject()
        try project.writeMinimalSite()
        try FileManager.default.copyItem(at: project.theme, to: themeCopy)
        // One static file per content type the server must name, shipped by the theme.
        let samples: [(String, [UInt8])] = [
            ("logo.png", [0x89, 0x50, 0x4E, 0x47]), ("photo.jpg", [0xFF, 0xD8, 0xFF]), ("mark.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)),
            ("data.json", Array("{\"市\":\"みなと川\"}".utf8)), ("font.woff2", Array("wOF2".utf8)), ("notes.txt", Array("ﾃｽﾄ テスト".utf8)),
        ]
        for (name, bytes) in samples { try Data(bytes).write(to: themeCopy.appendingPathComponent("static/\(name)")) }
        // Beside site/, never to be served.
        try project.write("secret.txt", secret)
    }

    override func tearDown() {
        for process in running { process.stop() }
        running = []
        project = nil
    }

    private func buildArguments() -> [String] {
        ["--content", project.content.path, "--output", project.site.path, "--theme", themeCopy.path, "--today", "2026-11-25"]
    }

    private func startServer(_ extra: [String] = []) throws -> RawHTTP {
        let server = try DenshoProcess(["serve", "--port", "0"] + buildArguments() + extra)
        running.append(server)
        guard let port = server.waitForPort() else {
            XCTFail("densho serve did not start:\n\(server.stdout)\n\(server.stderr)")
            throw RawHTTP.Failure.connect("no port")
        }
        return RawHTTP(port: port)
    }

    func testServesPagesWithTheirContentTypesAndHeadWithoutBody() throws {
        let http = try startServer()
        let home = try http.get("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(home.headers["cache-control"], "no-cache")
        XCTAssertTrue(home.text.contains("テスト市 伴走支援ノート"), home.text)
        XCTAssertTrue(home.text.contains("new EventSource(\"/__densho/events\")"), "HTML carries the live-reload script")
        XCTAssertEqual(home.headers["content-length"], String(home.body.count))

        let company = try http.get("/companies/minato-seiki.html")
        XCTAssertEqual(company.status, 200)
        XCTAssertTrue(company.text.contains("山田 太郎"))
        XCTAssertEqual(try http.get("/companies/minato%2Dseiki.html").body, company.body, "percent-decoded once")
        XCTAssertEqual(try http.get("/companies/minato-seiki.html?from=radar").status, 200, "a query does not change the file")

        let head = try http.get("/companies/minato-seiki.html", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["content-length"], String(company.body.count), "HEAD says the length GET sends")
        XCTAssertEqual(head.body.count, 0, "HEAD has no body")

        let types = ["/static/style.css": "text/css; charset=utf-8", "/static/search.js": "text/javascript; charset=utf-8",
                     "/static/logo.png": "image/png", "/static/photo.jpg": "image/jpeg", "/static/mark.svg": "image/svg+xml",
                     "/static/data.json": "application/json", "/static/font.woff2": "font/woff2",
                     "/static/notes.txt": "text/plain; charset=utf-8"]
        for (path, type) in types {
            let response = try http.get(path)
            XCTAssertEqual(response.status, 200, path)
            XCTAssertEqual(response.headers["content-type"], type, path)
            XCTAssertFalse(response.text.contains("__densho"), "only HTML gets the script: \(path)")
        }
        XCTAssertEqual(try http.get("/static/notes.txt").text, "ﾃｽﾄ テスト", "files are served byte for byte")

        // Folders: "/dir/" is its index.html, "/dir" is sent to "/dir/" so relative links work.
        let folder = try http.get("/companies")
        XCTAssertEqual(folder.status, 301)
        XCTAssertEqual(folder.headers["location"], "/companies/")
        let index = try http.get("/companies/")
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.text.contains("株式会社みなと精機"))
    }

    func testMissingPagesGetTheSites404PageAndOtherMethodsGet405() throws {
        let http = try startServer()
        let missing = try http.get("/companies/存在しない会社.html")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(missing.text.contains("ページが見つかりません"), "the theme's 404 page")
        XCTAssertTrue(missing.text.contains("<base href=\"/\">"), "its relative links work at any depth")
        XCTAssertEqual(try http.get("/no-such-file.css", method: "HEAD").body.count, 0)
        XCTAssertEqual(try http.get("/.densho-site").status, 404, "dot-files are not part of the site")

        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
            let response = try http.exchange("\(method) /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9\r\n\r\n名前=")
            XCTAssertEqual(response.status, 405, method)
            XCTAssertEqual(response.headers["allow"], "GET, HEAD", method)
        }
    }

    func testNoPathOutsideTheSiteIsEverServed() throws {
        let http = try startServer()
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: project.site.path + "/leak.txt", withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: project.site.path + "/leakdir", withDestinationPath: project.root.path)
        try fm.createSymbolicLink(atPath: project.site.path + "/passwd", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: project.site.path + "/alias.html", withDestinationPath: "index.html")

        let attempts: [(String, Int)] = [
            ("/../etc/passwd", 400), ("/../secret.txt", 400), ("/static/../../secret.txt", 400),
            ("/%2e%2e/secret.txt", 400), ("/%2E%2E%2Fsecret.txt", 400), ("/..%2fsecret.txt", 400),
            ("/static/..%2F..%2Fsecret.txt", 400), ("/.%2e/.%2e/etc/passwd", 400), ("/%2e/index.html", 400),
            ("/..\\secret.txt", 400), ("/%5c..%5csecret.txt", 400), ("/index.html%00.txt", 400), ("/%zz", 400),
            ("/%252e%252e/secret.txt", 404),    // decoded once: a folder literally named "%2e%2e"
            ("/leak.txt", 404), ("/leakdir/secret.txt", 404), ("/passwd", 404), ("/leakdir/", 404),
            ("//etc/passwd", 404), ("http://127.0.0.1/../secret.txt", 400), ("*", 400),
        ]
        for (target, status) in attempts {
            let response = try http.get(target)
            XCTAssertEqual(response.status, status, target)
            XCTAssertFalse(response.text.contains("SECRET-7f3a"), "secret leaked through \(target)")
            XCTAssertFalse(response.text.contains("root:x:0:0"), "/etc/passwd leaked through \(target)")
        }
        XCTAssertEqual(try http.get("/alias.html").status, 200, "a symlink that stays inside the site is fine")
        XCTAssertEqual(try http.get("/", host: "evil.example").status, 403, "DNS rebinding: only loopback names on loopback")
        XCTAssertEqual(try http.get("/", host: "localhost:1313").status, 200)
        for host in ["[::1].evil.invalid", "127.0.0.1.evil", "localhost.evil:1313", "[::1]evil"] {
            XCTAssertEqual(try http.get("/", host: host).status, 403, host)
        }
        for host in ["[::1]:1313", "team.localhost:1313", "127.8.9.10"] {
            XCTAssertEqual(try http.get("/", host: host).status, 200, host)
        }
        XCTAssertEqual(try http.exchange("GET / HTTP/1.1\r\nUser-Agent: no-host\r\n\r\n").status, 403, "HTTP/1.1 requires a Host")
        XCTAssertEqual(try http.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n").status, 400, "two Hosts")
        XCTAssertEqual(try http.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: \(String(repeating: "あ", count: 8000))\r\n\r\n").status, 431)
        XCTAssertEqual(try http.exchange("こんにちは\r\n\r\n").status, 400)
    }

    func testSurvivesClientsThatDisconnectMidResponse() throws {
        let http = try startServer()
        // Large enough that the server is still sending when the client resets the connection.
        try Data(repeating: UInt8(ascii: "a"), count: 8 << 20).write(to: project.site.appendingPathComponent("big.txt"))
        for round in 0..<40 {
            let fd = try RawHTTP.connect(port: http.port)
            switch round % 4 {
            case 0, 1: RawHTTP.send(fd, Array("GET /big.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            case 2: RawHTTP.send(fd, Array("GET /index.html HTTP/1.1\r\nHo".utf8))   // half a request
            default: break                                                         // nothing at all
            }
            if round % 4 == 0 {
                var reset = linger(l_onoff: 1, l_linger: 0)   // close with RST instead of FIN
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
            }
            close(fd)
        }
        let after = try http.get("/companies/minato-seiki.html")
        XCTAssertEqual(after.status, 200)
        XCTAssertTrue(after.text.contains("山田 太郎"))
        let big = try http.get("/big.txt", timeout: 20)
        XCTAssertEqual(big.body.count, 8 << 20, "a patient client still gets the whole file")
        XCTAssertTrue(running[0].process.isRunning)
    }

    func testRebuildsOnChangesAndOpenPagesLearnOfIt() throws {
        let http = try startServer()
        let first = try buildID(of: http.get("/companies/minato-seiki.html"))
        XCTAssertEqual(try http.get("/__densho/reload").text, first, "without since: the current build at once")

        try project.write("content/companies/minato-seiki.md", try project.read("content/companies/minato-seiki.md") + "\n新工場の計画を聞いた。\n")
        let second = try waitForBuild(after: first, http)
        XCTAssertNotEqual(second, first)
        let changed = try http.get("/companies/minato-seiki.html")
        XCTAssertTrue(changed.text.contains("新工場の計画を聞いた。"), "the page shows the change")
        XCTAssertEqual(try buildID(of: changed), second)

        XCTAssertFalse(changed.text.contains(BuildErrorBox.id), "no error box after a good build")

        // A broken save: errors on the terminal, the previous site keeps being served, and the open
        // pages reload into a box that shows the errors at path:line:column.
        try project.write("content/companies/minato-seiki.md", "---\nname: [壊れた\n---\n")
        XCTAssertTrue(running[0].waitFor { _, err in err.contains("the previous site is kept") }, running[0].stderr)
        XCTAssertTrue(running[0].stderr.contains("content/companies/minato-seiki.md:2:"), running[0].stderr)
        let failed = try waitForBuild(after: second, http)
        let kept = try http.get("/companies/minato-seiki.html")
        XCTAssertTrue(kept.text.contains("新工場の計画を聞いた。"), "the previous site is still what is served")
        let box = try XCTUnwrap(BuildErrorBox.lines(in: kept.text), "the page shows the build's errors")
        XCTAssertTrue(box.contains { $0.contains("content/companies/minato-seiki.md:2:") && $0.contains(": error: ") }, "\(box)")
        XCTAssertNotNil(BuildErrorBox.lines(in: try http.get("/no-such-page.html").text), "the 404 page too")
        XCTAssertFalse(try http.get("/static/style.css").text.contains(BuildErrorBox.id), "only HTML pages")

        // The theme is watched too.
        try project.write("content/companies/minato-seiki.md", "---\nname: 株式会社みなと精機\nowner: tanaka\n---\n直した。\n")
        let css = themeCopy.appendingPathComponent("static/style.css")
        try (String(decoding: try Data(contentsOf: css), as: UTF8.self) + "\n/* 伝承テーマ変更 */\n").write(to: css, atomically: true, encoding: .utf8)
        let third = try waitForBuild(after: failed, http)
        XCTAssertTrue(try http.get("/static/style.css").text.contains("伝承テーマ変更"))
        let fixed = try http.get("/companies/minato-seiki.html").text
        XCTAssertTrue(fixed.contains("直した。"))
        XCTAssertNil(BuildErrorBox.lines(in: fixed), "the box is gone after the next good build")
        XCTAssertNotEqual(third, failed)
    }

    func testTheErrorBoxShowsContentAsTextAndIsThereFromTheFirstBuild() throws {
        // The first build already fails (the site/ of an earlier build is served meanwhile).
        XCTAssertEqual(try project.build().status, 0)
        try project.write("content/visits/2026/2026-09-01-minato-seiki.md",
                          "---\ndate: 2026-09-01\ncompany: <img src=x onerror=alert(1)>\nstaff: [suzuki]\n---\n")
        let http = try startServer()
        let page = try http.get("/index.html").text
        let box = try XCTUnwrap(BuildErrorBox.lines(in: page), page)
        XCTAssertTrue(box.contains { $0.contains("2026-09-01-minato-seiki.md:3:") && $0.contains("<img src=x onerror=alert(1)>") }, "\(box)")
        XCTAssertFalse(page.contains("<img src=x"), "content in an error is text, never markup")
        XCTAssertTrue(page.contains("再ビルドに失敗しました"), "in the site's language")
    }

    func testOptionsAndTheWarningForNonLoopbackHosts() throws {
        XCTAssertEqual(try Densho.run(["serve", "--port", "七"]).status, 2)
        XCTAssertEqual(try Densho.run(["serve", "--port", "70000"]).status, 2)
        XCTAssertEqual(try Densho.run(["serve", "--nope"]).status, 2)
        let badHost = try Densho.run(["serve", "--host", "例え.example", "--port", "0"] + buildArguments())
        XCTAssertEqual(badHost.status, 2)
        XCTAssertTrue(badHost.stderr.contains("--host expects an IP address"), badHost.stderr)
        // A port that is taken is reported before any build.
        let taken = try RawHTTP.occupiedPort()
        defer { close(taken.fd) }
        let busy = try Densho.run(["serve", "--port", String(taken.port)] + buildArguments())
        XCTAssertEqual(busy.status, 1)
        XCTAssertTrue(busy.stderr.contains("port \(taken.port) is already in use"), busy.stderr)
        XCTAssertFalse(project.exists("site/index.html"), "nothing was built")
        XCTAssertTrue(try Densho.run(["--help"]).stdout.contains("densho serve [--port 1313] [--host 127.0.0.1]"))

        let http = try startServer(["--host", "0.0.0.0", "--public"])
        XCTAssertTrue(running[0].stderr.contains("warning: serving on 0.0.0.0, which is not loopback"), running[0].stderr)
        XCTAssertEqual(try http.get("/playbooks/first-visit.html", host: "intranet.example").status, 200, "no loopback-name check off loopback")
        XCTAssertEqual(try http.get("/companies/minato-seiki.html").status, 404, "--public builds only public pages")
    }

    func testBuildWatchRebuildsWithoutServing() throws {
        let watch = try DenshoProcess(["build", "--watch"] + buildArguments())
        running.append(watch)
        XCTAssertTrue(watch.waitFor(timeout: 30) { out, _ in out.contains("watching") }, watch.stdout + watch.stderr)
        XCTAssertFalse(watch.stdout.contains("serving"))
        try project.write("content/playbooks/first-visit.md", "---\ntitle: 初回訪問のてびき（改訂）\norder: 10\n---\n改訂版。\n")
        XCTAssertTrue(watch.waitFor(timeout: 30) { out, _ in out.components(separatedBy: "densho: built").count == 3 }, watch.stdout + watch.stderr)
        XCTAssertTrue(watch.stdout.contains("first-visit.md changed; rebuilding"), watch.stdout)
        XCTAssertTrue(try project.read("site/playbooks/first-visit.html").contains("初回訪問のてびき（改訂）"))
    }

    // MARK: - helpers

    private func buildID(of page: RawHTTP.Response) throws -> String {
        guard let range = page.text.range(of: #"data-densho-build="[^"]+""#, options: .regularExpression) else {
            XCTFail("no live-reload script in the page")
            throw RawHTTP.Failure.noResponse("no build id")
        }
        return String(page.text[range].dropFirst("data-densho-build=\"".count).dropLast())
    }

    /// Long-polls the reload endpoint as the page's script does, until a new build is reported.
    private func waitForBuild(after id: String, _ http: RawHTTP) throws -> String {
        let deadline = Date(timeIntervalSinceNow: 40)
        while Date() < deadline {
            let answer = try http.get("/__densho/reload?since=\(id)", timeout: 35).text
            if answer != id { return answer }
        }
        XCTFail("no new build reported; server said:\n\(running.first?.stdout ?? "")\n\(running.first?.stderr ?? "")")
        return id
    }
}

/// The box `serve` lays over its pages while the last build is failed (BuildErrorOverlay).
enum BuildErrorBox {
    static let id = "densho-build-errors"

    /// Its lines, as text; nil when the page has no box.
    static func lines(in page: String) -> [String]? {
        guard let box = DumpedDOM.matches(#"<div id="densho-build-errors"[^>]*>(.*?)</div>"#, in: page).first else { return nil }
        return DumpedDOM.matches("<li>(.*?)</li>", in: box).map(DumpedDOM.unescape)
    }
}
