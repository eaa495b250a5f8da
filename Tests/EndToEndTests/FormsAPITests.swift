import Foundation
import XCTest

/// The forms API of `densho serve`, spoken to directly: what it writes, what it refuses, and that
/// a refusal writes nothing.
final class FormsAPITests: XCTestCase {
    private var running: [DenshoProcess] = []
    private var project: TemporaryProject!
    private let visitPath = "content/visits/2026/2026-08-01-minato-seiki.md"

    override func setUpWithError() throws {
        project = try TemporaryProject()
        try project.writeMinimalSite()
    }

    override func tearDown() {
        for process in running { process.stop() }
        running = []
        project = nil
    }

    /// Serves the project from its own folder, so note paths read "content/…" as in the README.
    private func startServer(_ extra: [String] = []) throws -> FormsClient {
        let server = try DenshoProcess(["serve", "--port", "0", "--content", "content", "--output", "site",
                                        "--theme", project.theme.path, "--today", "2026-11-25"] + extra, in: project.root)
        running.append(server)
        guard let port = server.waitForPort() else {
            XCTFail("densho serve did not start:\n\(server.stdout)\n\(server.stderr)")
            throw RawHTTP.Failure.connect("no port")
        }
        let page = try RawHTTP(port: port).get("/companies/minato-seiki.html", host: "127.0.0.1:\(port)")
        let token = DumpedDOM.matches(#"<meta name="densho-token" content="([0-9a-f]{64})">"#, in: page.text).first ?? ""
        return FormsClient(http: RawHTTP(port: port), port: port, token: token)
    }

    private func visitFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.content.appendingPathComponent("visits/2026").path).sorted()
    }

    func testServedPagesCarryATokenThatTheBuiltFilesDoNot() throws {
        let client = try startServer()
        XCTAssertEqual(client.token.count, 64)
        XCTAssertFalse(try project.read("site/companies/minato-seiki.html").contains("densho-token"), "site/ stays as built")
        running.forEach { $0.stop() }   // one densho serves an output folder at a time
        let other = try startServer()
        XCTAssertNotEqual(client.token, other.token, "a new token per run")
    }

    func testANewVisitWithDefaultsIsTheNoteTheCommandLineWrites() throws {
        let client = try startServer()
        let answer = try client.post("visits", #"{"company":"minato-seiki","date":"2026-11-20"}"#)
        XCTAssertEqual(answer.status, 201, answer.text)
        XCTAssertEqual(try answer.json()["path"] as? String, "content/visits/2026/2026-11-20-minato-seiki.md")
        let fromForm = try project.read("content/visits/2026/2026-11-20-minato-seiki.md")
        XCTAssertTrue(fromForm.contains("\nstaff: [suzuki]\n"), "the holder: tanaka left, suzuki succeeded\n\(fromForm)")
        XCTAssertTrue(fromForm.contains("\nthemes: [知財活用]\n"), "the company's themes")

        let twin = try TemporaryProject()
        try twin.writeMinimalSite()
        let cli = try Densho.run(["new", "visit", "minato-seiki", "--date", "2026-11-20"], in: twin.root)
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertEqual(fromForm, try twin.read("content/visits/2026/2026-11-20-minato-seiki.md"), "same bytes as `densho new visit`")

        let again = try client.post("visits", #"{"company":"minato-seiki","date":"2026-11-20","kind":"call"}"#)
        XCTAssertEqual(try again.json()["path"] as? String, "content/visits/2026/2026-11-20-minato-seiki-2.md", "never over a note")
        XCTAssertEqual(try project.read("content/visits/2026/2026-11-20-minato-seiki.md"), fromForm)
    }

    func testAFilledVisitWritesItsSectionsAndReferralsAndTheSiteRebuilds() throws {
        let client = try startServer()
        let body = """
        {"company":"minato-seiki","date":"2026-11-21","staff":["tanaka","suzuki"],"kind":"matching","themes":["海外展開"],
         "referrals":[{"to":"ip-center","status":"in_progress","note":"面談を設定: \\"A\\"社"}],
         "sections":{"聞いたこと":"社長「台湾に出たい」<script>alert(1)</script>","次の一手":"- [ ] 資料を送る @suzuki\\n- [ ] 通訳を探す"}}
        """
        let answer = try client.post("visits", body)
        XCTAssertEqual(answer.status, 201, answer.text)
        let note = try project.read("content/visits/2026/2026-11-21-minato-seiki.md")
        XCTAssertTrue(note.contains("staff: [tanaka, suzuki]\nkind: matching\nthemes: [海外展開]\nreferrals:\n  - to: ip-center\n    status: in_progress\n    note: \"面談を設定: \\\"A\\\"社\"\n"), note)
        XCTAssertTrue(note.contains("## 次の一手\n\n- [ ] 資料を送る @suzuki\n- [ ] 通訳を探す\n"), note)
        // The watcher rebuilds; the new page appears with the text escaped.
        let page = project.site.appendingPathComponent("visits/2026/2026-11-21-minato-seiki.html")
        XCTAssertTrue(waitUntil { FileManager.default.fileExists(atPath: page.path) }, "the site rebuilt with the new visit")
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("台湾に出たい"), html)
        XCTAssertFalse(html.contains("<script>alert(1)"), "raw HTML stays escaped")
    }

    func testAVisitTheBuildWouldRefuseIsA422WithLocatedErrorsAndNothingWritten() throws {
        let client = try startServer()
        let before = try visitFiles()
        let answer = try client.post("visits", #"{"company":"minato-seiki","date":"2026-11-22","kind":"walk","referrals":[{"to":"nobody","status":"proposed"}]}"#)
        XCTAssertEqual(answer.status, 422, answer.text)
        let errors = try XCTUnwrap(try answer.json()["errors"] as? [[String: Any]])
        let kind = try XCTUnwrap(errors.first { ($0["field"] as? String) == "kind" }, "\(errors)")
        XCTAssertEqual(kind["path"] as? String, "content/visits/2026/2026-11-22-minato-seiki.md")
        XCTAssertEqual(kind["line"] as? Int, 5)
        XCTAssertEqual(kind["column"] as? Int, 7)
        XCTAssertTrue((kind["message"] as? String ?? "").contains("'walk' は使えません"), "the build's message, in the site's language: \(kind)")
        XCTAssertTrue(errors.contains { ($0["message"] as? String ?? "").contains("nobody") && ($0["field"] as? String) == "referrals" }, "\(errors)")

        let badDate = try client.post("visits", #"{"company":"minato-seiki","date":"2026/11/22"}"#)
        XCTAssertEqual(badDate.status, 422)
        XCTAssertTrue(badDate.text.contains("YYYY-MM-DD"), "in the site's language: \(badDate.text)")
        let unknown = try client.post("visits", #"{"company":"minato-seik","date":"2026-11-22"}"#)
        XCTAssertEqual(unknown.status, 422)
        XCTAssertTrue(unknown.text.contains("minato-seiki"), "the closest company is named: \(unknown.text)")
        XCTAssertEqual(try visitFiles(), before, "nothing written")
    }

    /// An unknown company or person is refused in the site's language with the closest ids, beside
    /// the form's field (no made-up location); a company page that cannot be read is located in it.
    func testUnknownCompanyAndPersonAreRefusedInTheSitesLanguage() throws {
        let client = try startServer()
        // Written after the first build, which it would fail (the server keeps the previous site).
        try project.write("content/companies/kamome.md", "---\nname: 有限会社かもめ金型\nowner：tanaka\n---\n")
        let company = try XCTUnwrap(try client.post("visits", #"{"company":"minato-seik","date":"2026-11-22"}"#).json()["errors"] as? [[String: Any]])
        XCTAssertEqual(company.first?["message"] as? String, "企業 'minato-seik' が見つかりません。content/companies/ で近いもの: 'minato-seiki', 'kamome'")
        XCTAssertEqual(company.first?["field"] as? String, "company")
        XCTAssertEqual(company.first?["line"] as? Int, 0, "a field of the request, not a place in a file")
        let person = try XCTUnwrap(try client.post("visits", #"{"company":"minato-seiki","date":"2026-11-22","staff":["tanka"]}"#).json()["errors"] as? [[String: Any]])
        XCTAssertEqual(person.first?["message"] as? String, "担当者 'tanka' が見つかりません。content/people/ で近いもの: 'tanaka', 'suzuki'")
        XCTAssertEqual(person.first?["field"] as? String, "staff")
        let broken = try XCTUnwrap(try client.post("visits", #"{"company":"kamome","date":"2026-11-22"}"#).json()["errors"] as? [[String: Any]])
        XCTAssertEqual(broken.first?["path"] as? String, "content/companies/kamome.md")
        XCTAssertEqual(broken.first?["line"] as? Int, 3)
        XCTAssertTrue((broken.first?["message"] as? String ?? "").contains("全角のコロン"), "\(broken)")
        try project.write("content/companies/kamome.md", "---\nname: 有限会社かもめ金型\nowner: tanka\n---\n")
        let owner = try XCTUnwrap(try client.post("visits", #"{"company":"kamome","date":"2026-11-22"}"#).json()["errors"] as? [[String: Any]])
        XCTAssertEqual(owner.first?["path"] as? String, "content/companies/kamome.md", "the owner who names nobody, where it is written")
        XCTAssertEqual(owner.first?["line"] as? Int, 3)
        XCTAssertEqual(owner.first?["column"] as? Int, 8)
        XCTAssertEqual(owner.first?["message"] as? String, "担当者 'tanka' が見つかりません。content/people/ で近いもの: 'tanaka', 'suzuki'")
        let form = try client.get("visit-form?company=minato-seik")
        XCTAssertEqual(form.status, 404)
        XCTAssertTrue(form.text.contains("企業 'minato-seik' が見つかりません"), form.text)
        XCTAssertEqual(try visitFiles(), ["2026-08-01-minato-seiki.md"], "nothing written")
    }

    func testAnEnglishSiteGetsItsOwnSectionNamesAndMessages() throws {
        try project.write("content/site.yml", "title: Minato City\nlanguage: en\nthemes: [知財活用, 海外展開]\n")
        let client = try startServer()
        let form = try client.get("visit-form?company=minato-seiki").json()
        XCTAssertEqual(form["sections"] as? [String], ["What we heard", "Assessment", "Next steps", "Reflection"])
        let answer = try client.post("visits", #"{"company":"minato-seiki","date":"2026-11-20","sections":{"What we heard":"They want to export.","Next steps":"- [ ] send the brochure"}}"#)
        XCTAssertEqual(answer.status, 201, answer.text)
        let note = try project.read("content/visits/2026/2026-11-20-minato-seiki.md")
        XCTAssertTrue(note.contains("## What we heard\n\nThey want to export.\n"), note)
        XCTAssertTrue(note.contains("## Next steps\n\n- [ ] send the brochure\n"), note)
        let wrong = try client.post("visits", #"{"company":"minato-seiki","date":"2026/11/21"}"#)
        XCTAssertEqual(wrong.status, 422)
        XCTAssertTrue(wrong.text.contains("write the date as YYYY-MM-DD"), wrong.text)
        let unknown = try client.post("visits", #"{"company":"minato-seiki","sections":{"Gossip":"…"}}"#)
        XCTAssertEqual(unknown.status, 422, unknown.text)
        let company = try XCTUnwrap(try client.post("visits", #"{"company":"minato-seik"}"#).json()["errors"] as? [[String: Any]])
        XCTAssertEqual(company.first?["message"] as? String, "unknown company 'minato-seik'; closest in content/companies/: 'minato-seiki'")
    }

    func testAPromiseIsCheckedByChangingOnlyItsBracket() throws {
        let client = try startServer()
        let original = try project.read(visitPath)
        let note = try client.get("note?path=\(visitPath)").json()
        XCTAssertEqual(note["digest"] as? String, SHA256Reference.hex(Data(original.utf8)))
        let promises = try XCTUnwrap(note["promises"] as? [[String: Any]])
        let open = try XCTUnwrap(promises.first { ($0["done"] as? Bool) == false })
        XCTAssertEqual(open["text"] as? String, "特許資料を送る")
        let line = try XCTUnwrap(open["line"] as? Int)
        let answer = try client.post("promises", #"{"path":"\#(visitPath)","digest":"\#(note["digest"]!)","line":\#(line),"done":true}"#)
        XCTAssertEqual(answer.status, 200, answer.text)
        XCTAssertEqual(try project.read(visitPath), original.replacingOccurrences(of: "- [ ] 特許資料を送る", with: "- [x] 特許資料を送る"))

        let notATask = try client.post("promises", #"{"path":"\#(visitPath)","digest":"\#(SHA256Reference.hex(Data(try project.read(visitPath).utf8)))","line":2}"#)
        XCTAssertEqual(notATask.status, 422, notATask.text)
        XCTAssertTrue(notATask.text.contains("2 行目"), notATask.text)
    }

    func testAnEditOfANoteChangedSinceTheFormOpenedIsA409AndWritesNothing() throws {
        let client = try startServer()
        let digest = try XCTUnwrap(try client.get("note?path=\(visitPath)").json()["digest"] as? String)
        let theirs = try project.read(visitPath) + "\n別の人が書き足した。\n"
        try project.write(visitPath, theirs)
        let promise = try client.post("promises", #"{"path":"\#(visitPath)","digest":"\#(digest)","line":18,"done":true}"#)
        XCTAssertEqual(promise.status, 409, promise.text)
        XCTAssertTrue(promise.text.contains("変更"), promise.text)
        let reflection = try client.post("reflections", #"{"path":"\#(visitPath)","digest":"\#(digest)","answers":{"うまくいったこと":"早い"}}"#)
        XCTAssertEqual(reflection.status, 409, reflection.text)
        XCTAssertEqual(try project.read(visitPath), theirs, "nothing written")
    }

    func testAReflectionAnswersEachPromptUnderTodaysHeading() throws {
        let client = try startServer()
        let original = try project.read(visitPath)
        let answer = try client.post("reflections", """
        {"path":"\(visitPath)","digest":"\(SHA256Reference.hex(Data(original.utf8)))",
         "answers":{"うまくいったこと":"資料が効いた","後任に引き継ぐべきこと":"社長は朝が良い\\n電話より訪問"}}
        """)
        XCTAssertEqual(answer.status, 200, answer.text)
        // The note had no final line break: one is added, then a blank line, then the section.
        XCTAssertEqual(try project.read(visitPath), original + """


        ## 振り返り (2026-11-25)

        - うまくいったこと：資料が効いた
        - 次に変えること：
        - 後任に引き継ぐべきこと：社長は朝が良い
          電話より訪問

        """)
        let unknown = try client.post("reflections", #"{"path":"\#(visitPath)","digest":"x","answers":{"感想":"…"}}"#)
        XCTAssertEqual(unknown.status, 422)
    }

    func testWritesNeverLeaveTheVisitsFolder() throws {
        let client = try startServer()
        try project.write("outside.md", "- [ ] 外のファイル\n")
        let digest = SHA256Reference.hex(Data("- [ ] 外のファイル\n".utf8))
        for path in ["outside.md", "content/../outside.md", project.root.appendingPathComponent("outside.md").path, "content/companies/minato-seiki.md"] {
            let answer = try client.post("promises", #"{"path":"\#(path)","digest":"\#(digest)","line":1}"#)
            XCTAssertEqual(answer.status, 422, "\(path): \(answer.text)")
        }
        XCTAssertEqual(try project.read("outside.md"), "- [ ] 外のファイル\n")
    }

    func testWritesWithoutTheTokenFromAnotherOriginOrANameThatIsNotLoopbackAre403() throws {
        let client = try startServer()
        let body = #"{"company":"minato-seiki","date":"2026-11-23"}"#
        let port = client.port
        let refused: [(String, [(String, String)])] = [
            ("no token", [("Host", "127.0.0.1:\(port)")]),
            ("wrong token", [("Host", "127.0.0.1:\(port)"), ("X-Densho-Token", String(repeating: "0", count: 64))]),
            ("foreign Origin", [("Host", "127.0.0.1:\(port)"), ("X-Densho-Token", client.token), ("Origin", "http://evil.example")]),
            ("same host, other port", [("Host", "127.0.0.1:\(port)"), ("X-Densho-Token", client.token), ("Origin", "http://127.0.0.1:1")]),
            ("null Origin", [("Host", "127.0.0.1:\(port)"), ("X-Densho-Token", client.token), ("Origin", "null")]),
            ("rebinding Host", [("Host", "evil.example:\(port)"), ("X-Densho-Token", client.token)]),
            ("Host that starts like ::1", [("Host", "[::1].evil.invalid:\(port)"), ("X-Densho-Token", client.token)]),
            ("loopback Host, wrong port", [("Host", "127.0.0.1:\(port + 1)"), ("X-Densho-Token", client.token)]),
            ("no Host", [("X-Densho-Token", client.token)]),
        ]
        for (name, headers) in refused {
            let answer = try client.raw("POST", "visits", body, headers: headers)
            XCTAssertEqual(answer.status, 403, "\(name): \(answer.text)")
        }
        XCTAssertEqual(try client.raw("GET", "note?path=\(visitPath)", "", headers: [("Host", "localhost:\(port)")]).status, 403, "reads need the token too")
        XCTAssertFalse(project.exists("content/visits/2026/2026-11-23-minato-seiki.md"), "nothing written")
        let allowed = try client.raw("POST", "visits", body, headers: [("Host", "localhost:\(port)"), ("Origin", "http://localhost:\(port)"), ("X-Densho-Token", client.token)])
        XCTAssertEqual(allowed.status, 201, allowed.text)
    }

    func testEditingIsOffOnAnotherHostUnlessAllowed() throws {
        let off = try startServer(["--host", "0.0.0.0"])
        XCTAssertEqual(off.token, "", "no token in the pages: the forms stay hidden")
        let refused = try off.raw("POST", "visits", #"{"company":"minato-seiki"}"#, headers: [("Host", "127.0.0.1:\(off.port)"), ("X-Densho-Token", "x")])
        XCTAssertEqual(refused.status, 403)
        running.forEach { $0.stop() }   // one densho serves an output folder at a time
        let on = try startServer(["--host", "0.0.0.0", "--allow-edits"])
        XCTAssertEqual(on.token.count, 64)
        XCTAssertEqual(try on.post("visits", #"{"company":"minato-seiki","date":"2026-11-24"}"#).status, 201)
        // Bound to every address: the machine's own addresses as IPs pass, a name never does.
        let body = #"{"company":"minato-seiki","date":"2026-11-24"}"#
        let byAddress = try on.raw("POST", "visits", body, headers: [("Host", "192.0.2.7:\(on.port)"), ("X-Densho-Token", on.token)])
        XCTAssertEqual(byAddress.status, 201, byAddress.text)
        let byName = try on.raw("POST", "visits", body, headers: [("Host", "intranet.example:\(on.port)"), ("X-Densho-Token", on.token)])
        XCTAssertEqual(byName.status, 403, byName.text)
    }

    private func waitUntil(timeout: TimeInterval = 30, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }
}

/// The forms API over raw HTTP, as a page of the server would call it.
struct FormsClient {
    let http: RawHTTP
    let port: Int
    let token: String

    func post(_ route: String, _ json: String) throws -> RawHTTP.Response {
        try raw("POST", route, json, headers: [("Host", "127.0.0.1:\(port)"), ("Origin", "http://127.0.0.1:\(port)"), ("X-Densho-Token", token)])
    }

    func get(_ route: String) throws -> RawHTTP.Response {
        try raw("GET", route, "", headers: [("Host", "127.0.0.1:\(port)"), ("X-Densho-Token", token)])
    }

    func raw(_ method: String, _ route: String, _ body: String, headers: [(String, String)]) throws -> RawHTTP.Response {
        var request = "\(method) /_densho/api/\(route.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? route) HTTP/1.1\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if method == "POST" { request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        return try http.exchange(request + "\r\n" + body)
    }
}

extension RawHTTP.Response {
    func json() throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: body) as? [String: Any], text)
    }
}

/// coreutils' sha256sum: an independent reference for the digests the API hands out.
enum SHA256Reference {
    static func hex(_ data: Data) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
