import Foundation
import XCTest

/// Content written by someone careless or hostile: markup in every field, unsafe URLs, unsafe file
/// names and ids, links out of the content folder, and files no editor should produce.
final class HostileContentTests: XCTestCase {
    static let payloads = [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(2)>",
        "javascript:alert(3)",
        "data:text/html,<script>alert(4)</script>",
    ]
    static var payload: String { payloads.joined(separator: " ") }

    /// A double-quoted YAML scalar holding `text` exactly.
    static func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static let hostileBody = """
    ## 見立て <script>alert('h2')</script>
    <script>alert('raw')</script>
    <img src=x onerror=alert(16)>

    [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:msgbox(1))
    [e](java&#x73;cript:alert(1)) [f](&#106;avascript:alert(1)) [g](<javascript:alert(1)>) [h](%6Aavascript:alert(1))
    <javascript:alert(5)> <data:text/html,x>
    ![pic](javascript:alert(6)) ![pic2](data:image/svg+xml,<svg onload=alert(7)>)
    [title](https://example.com/ok "\\" onmouseover=alert(8) x=\\"")
    [[companies/hostile-co|"><img src=x onerror=alert(9)>]] [[companies/hostile-co|<script>alert(10)</script>]]
    [[partners/on=alert(1);|'><svg onload=alert(11)>]]
    [[companies/hostile-co|" onmouseover="alert(14)]] [[partners/on=alert(1);|x' onfocus='alert(15)]]

    - [ ] "><img src=x onerror=alert('promise')>
    - [ ] <script>alert('promise2')</script>

    [ref]: javascript:alert(12)
    [ref] と [ref2]

    [ref2]: data:text/html,<script>alert(13)</script>
    """

    func writeHostileProject(_ project: TemporaryProject) throws {
        let p = Self.yaml(Self.payload)
        try project.write("content/site.yml", """
        title: \(p)
        language: ja
        themes: [\(Self.payloads.map(Self.yaml).joined(separator: ", ")), ../../escape, /etc/passwd, "a/b"]
        """)
        try project.write("content/people/tanaka.md", "---\nname: \(p)\nrole: \(p)\norg: \(p)\nleft: 2026-03-31\nsuccessor: suzuki\n---\n\(Self.hostileBody)\n")
        try project.write("content/people/suzuki.md", "---\nname: 鈴木\n---\n")
        // File names may hold characters that mean something in HTML or JavaScript but not in a path.
        try project.write("content/partners/on=alert(1);.md", "---\nname: \(p)\nkind: \(p)\n---\n\(Self.hostileBody)\n")
        try project.write("content/companies/hostile-co.md", """
        ---
        name: \(p)
        kana: \(p)
        industry: \(p)
        location: \(p)
        owner: tanaka
        themes: [\(Self.payloads.map(Self.yaml).joined(separator: ", ")), ../../escape]
        contacts:
          - name: \(p)
            role: \(p)
            note: \(p)
        ---
        \(Self.hostileBody)
        """)
        try project.write("content/visits/2026/2026-10-01-hostile-co.md", """
        ---
        date: 2026-10-01
        company: hostile-co
        staff: [tanaka]
        themes: [\(Self.yaml(Self.payloads[1]))]
        referrals:
          - to: on=alert(1);
            status: introduced
            note: \(p)
        ---
        \(Self.hostileBody)
        """)
        try project.write("content/playbooks/hostile.md", "---\ntitle: \(p)\nthemes: [\(Self.yaml(Self.payloads[0]))]\n---\n\(Self.hostileBody)\n")
    }

    func testHostileMarkupInEveryFieldNeverBecomesLiveMarkup() throws {
        let project = try TemporaryProject()
        try writeHostileProject(project)
        let result = try project.build()
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try siteFiles(project.site, searchText: true)
        var problems: [String] = []
        var pages = 0
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            pages += 1
            for problem in LiveMarkup.problems(in: String(decoding: data, as: UTF8.self), allowedScripts: ["static/search.js", "static/forms.js"]) {
                problems.append("\(path): \(problem)")
            }
        }
        XCTAssertGreaterThan(pages, 15)
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))

        // The hostile text is still shown, as text: escaping, not deletion.
        let company = try project.read("site/companies/hostile-co.html")
        XCTAssertTrue(company.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") || company.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), company)
        XCTAssertTrue(company.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "the contact note is shown escaped")
        XCTAssertTrue(company.contains("<a class=\"wikilink\" href=\"../companies/hostile-co.html\">&quot; onmouseover=&quot;alert(14)</a>"),
                      "a wiki-link label is text")
        XCTAssertTrue(company.contains("<a class=\"wikilink\" href=\"../companies/hostile-co.html\">&lt;script&gt;alert(10)&lt;/script&gt;</a>"),
                      "a label holding raw HTML is one wiki link, its HTML shown as text")
        XCTAssertTrue(company.contains("<a class=\"wikilink\" href=\"../partners/on%3Dalert%281%29%3B.html\">x&#39; onfocus=&#39;alert(15)</a>")
                      || company.contains("<a class=\"wikilink\" href=\"../partners/on%3Dalert%281%29%3B.html\">x' onfocus='alert(15)</a>"),
                      "a file name becomes a percent-encoded address")
        // Theme names never become paths: every file stays inside the site.
        for path in files.keys { XCTAssertFalse(path.contains(".."), path) }
        XCTAssertTrue(files.keys.contains { $0.hasPrefix("themes/t-") }, "unsafe theme names get a hashed file name")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.root.path).sorted(), ["content", "site"],
                       "nothing is written beside the site")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.root.deletingLastPathComponent().appendingPathComponent("escape.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.root.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("escape") || $0 == "passwd.html" }, [])

        // Search files carry the text as data: a JSON string of compressed bytes (the manifest:
        // JSON), and the compressed document shards give the exact text back.
        var sawPayload = false
        for (path, data) in files where path.hasPrefix("search/") && path.hasSuffix(".js") {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("densho_search_register(\""), path)
            guard let comma = text.firstIndex(of: ","), text.hasSuffix(");\n") else {
                XCTFail("unexpected shard shape \(path)"); continue
            }
            let json = text[text.index(after: comma)...].dropLast(3)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]), path)
            if let payload = files[path + ".payload"], String(decoding: payload, as: UTF8.self).contains("onerror=alert(1)") {
                sawPayload = true
            }
        }
        XCTAssertTrue(sawPayload, "the hostile text is indexed, as data")

        // The checker itself sees live markup when there is some: a site that opts into raw HTML.
        try project.write("content/site.yml", "title: t\nunsafe_html: true\n")
        XCTAssertEqual(try project.build().status, 0)
        let live = LiveMarkup.problems(in: try project.read("site/companies/hostile-co.html"), allowedScripts: ["static/search.js", "static/forms.js"])
        XCTAssertTrue(live.contains { $0.hasPrefix("<script") } && live.contains { $0.contains("onerror") }, "\(live)")
    }

    func testUnsafeFileNamesAndIdsAreLocatedErrors() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let long = String(repeating: "長", count: 67)   // 201 bytes
        for name in ["a..b", "bad\u{07}bell", long, "back\\slash", "<script>", "quote\"d", "tab\tname"] {
            try project.write("content/companies/\(name).md", "---\nname: x\n---\n")
        }
        try project.write("content/visits/2026/2026-09-01-minato-seiki.md", """
        ---
        date: 2026-09-01
        company: ../companies/minato-seiki
        staff: [/etc/passwd, "a/b", \(String(repeating: "a", count: 300))]
        referrals:
          - to: ../../partners/ip-center
        ---
        [[../people/tanaka]] [[companies/../people/tanaka]] [[/etc/passwd]]
        """)
        // Control characters written as YAML escapes are refused where they are written.
        try project.write("content/visits/2026/2026-09-02-minato-seiki.md", "---\ndate: 2026-09-02\ncompany: minato-seiki\nstaff: [\"ctl\\u0001x\"]\n---\n")
        try project.write("content/visits/2026/2026-09-03-minato-seiki.md", "---\ndate: 2026-09-03\ncompany: minato-seiki\nstaff: [\"\\e[2Jclear\"]\n---\n")
        let before = try treeListing(project.root)
        let result = try project.build()
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("2026-09-02-minato-seiki.md:4:13: error: escape '\\u' gives a control character (U+0001)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2026-09-03-minato-seiki.md:4:10: error: escape '\\e' gives a control character (U+001B)"), result.stderr)
        let companies = project.content.path + "/companies/"
        for (name, problem) in [("a..b", "'..'"), ("bad\\u{07}bell", "a control character (U+7)"), (long, "longer than 200 bytes"),
                                ("back\\slash", "a path separator"), ("<script>", "'<'"), ("quote\"d", "'\"'"), ("tab\\u{09}name", "a control character (U+9)")] {
            XCTAssertTrue(result.stderr.contains("\(companies)\(name).md:1:1: error: file name cannot become a page address: it contains \(problem)")
                          || result.stderr.contains("\(companies)\(name).md:1:1: error: file name cannot become a page address: it is \(problem)"),
                          "\(name): \(result.stderr)")
        }
        let visit = project.content.path + "/visits/2026/2026-09-01-minato-seiki.md"
        for expected in [":3:10: error: unknown company '../companies/minato-seiki'", ":4:9: error: unknown person '/etc/passwd'",
                         ":4:22: error: unknown person 'a/b'", ":6:9: error: unknown partner '../../partners/ip-center'",
                         ":8:1: error: link [[../people/tanaka]] does not match any page",
                         ":8:22: error: link [[companies/../people/tanaka]] does not match any page",
                         ":8:53: error: link [[/etc/passwd]] does not match any page"] {
            XCTAssertTrue(result.stderr.contains(visit + expected), "\(expected)\n\(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains(":4:29: error: unknown person 'aaaa"), result.stderr)
        XCTAssertFalse(result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character reaches the terminal")
        XCTAssertEqual(try treeListing(project.root), before, "a failed build writes nothing anywhere")
    }

    func testSymbolicLinksOutOfTheContentFolderAreRefused() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("outside/secret.md", "---\nname: 社外秘の会社\n---\n社外秘 zqxsecret\n")
        try project.write("outside/notes/chapter.md", "---\ntitle: 社外秘の章\n---\nzqxsecret\n")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: project.content.path + "/companies/secret.md", withDestinationPath: "../../outside/secret.md")
        try fm.createSymbolicLink(atPath: project.content.path + "/partners/abs.md", withDestinationPath: project.root.path + "/outside/secret.md")
        try fm.createDirectory(atPath: project.content.path + "/visits/2025", withIntermediateDirectories: true)
        try fm.removeItem(atPath: project.content.path + "/visits/2025")
        try fm.createSymbolicLink(atPath: project.content.path + "/visits/2025", withDestinationPath: project.root.path + "/outside/notes")
        // A link that stays inside content/ is followed, even through another link.
        try project.write("content/drafts/inside.md", "---\ntitle: 中の章\n---\n中の本文\n")
        try fm.createSymbolicLink(atPath: project.content.path + "/playbooks/hop.md", withDestinationPath: "../drafts/inside.md")
        try fm.createSymbolicLink(atPath: project.content.path + "/playbooks/chain.md", withDestinationPath: "hop.md")
        try fm.createSymbolicLink(atPath: project.content.path + "/playbooks/escape.md", withDestinationPath: "../drafts/../../outside/secret.md")

        let result = try project.build()
        XCTAssertEqual(result.status, 1)
        for path in ["companies/secret.md", "partners/abs.md", "visits/2025", "playbooks/escape.md"] {
            XCTAssertTrue(result.stderr.contains("\(project.content.path)/\(path):1:1: error: symbolic link points outside the content folder; refused"),
                          "\(path): \(result.stderr)")
        }
        XCTAssertFalse(result.stderr.contains("hop.md:") || result.stderr.contains("chain.md:"), result.stderr)

        for path in ["companies/secret.md", "partners/abs.md", "visits/2025", "playbooks/escape.md"] { try fm.removeItem(atPath: project.content.path + "/" + path) }
        let ok = try project.build()
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(try project.read("site/playbooks/chain.html").contains("中の本文"))
        XCTAssertFalse(try siteFiles(project.site, searchText: true).values.contains { $0.range(of: "zqxsecret") != nil })
    }

    func testHostileFilesGiveALocatedError() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let dir = project.content.appendingPathComponent("companies")
        try Data([0x2D, 0x2D, 0x2D, 0x0A] + Array("name: 株式会社".utf8) + [0xFF, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A]).write(to: dir.appendingPathComponent("bad-utf8.md"))
        try Data(Array("---\nname: 株式会社\n".utf8) + [0xE3, 0x81]).write(to: dir.appendingPathComponent("truncated.md"))
        try Data(Array("---\nname: x\n---\n本文".utf8) + [0x00]).write(to: dir.appendingPathComponent("nul.md"))
        try project.write("content/companies/unclosed.md", "---\nname: 閉じない会社\n本文\n")
        try project.write("content/companies/empty.md", "")
        try project.write("content/playbooks/empty.md", "")
        try project.write("content/companies/crlf-broken.md", "---\r\nname: 改行\r\n---\r\n\r\n本文 [[nowhere]]\r\n")
        try project.write("content/companies/cr-broken.md", "---\rname: 改行\r---\r\r\r本文 [[nowhere]]\r")
        try project.write("content/companies/bom-broken.md", "\u{FEFF}---\nname: [壊れた\n---\n")
        let result = try project.build()
        XCTAssertEqual(result.status, 1)
        let c = project.content.path + "/companies/"
        for expected in ["bad-utf8.md:2:11: error: the file is not valid UTF-8 (byte 0xFF)",
                         "truncated.md:3:1: error: the file is not valid UTF-8 (byte 0xE3)",
                         "nul.md:4:3: error: the file contains a NUL byte",
                         "unclosed.md:1:1: error: front matter starting here never closes",
                         "empty.md:1:1: error:", "crlf-broken.md:5:4: error: link [[nowhere]]",
                         "cr-broken.md:6:4: error: link [[nowhere]]", "bom-broken.md:2:"] {
            XCTAssertTrue(result.stderr.contains(c + expected), "\(expected)\n\(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains(project.content.path + "/playbooks/empty.md:1:1: error:"), result.stderr)
    }

    func testHostileFilesThatAreValidGiveACorrectPage() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/companies/bom.md", "\u{FEFF}---\nname: BOMの会社\n---\nBOM本文\n")
        try project.write("content/companies/crlf.md", "---\r\nname: CRLFの会社\r\ncontacts:\r\n  - name: 改行 花子\r\n---\r\n## 沿革\r\nCRLF本文\r\n")
        try project.write("content/companies/cr.md", "---\rname: CRの会社\r---\r## 沿革\rCR本文\r")
        try project.write("content/playbooks/no-front-matter.md", "---\ntitle: 深い入れ子\n---\n" + String(repeating: "- ", count: 10_000) + "[ ] 深い約束\n")
        let block = "## 見立て\n訪問メモ [[minato-seiki|みなと精機]] の**強調**と`code`。\n\n"
        try project.write("content/partners/huge.md", "---\nname: 大きな記録\n---\n" + String(repeating: block, count: 10_000_000 / block.utf8.count + 1))
        let pathological = [
            String(repeating: "*a ", count: 30_000), String(repeating: "[", count: 50_000) + "minato-seiki" + String(repeating: "]", count: 50_000),
            String(repeating: "[[", count: 30_000) + "minato-seiki" + String(repeating: "]]", count: 30_000), String(repeating: "> ", count: 10_000) + "深い\n",
            String(repeating: "`", count: 30_000) + String(repeating: "a`", count: 30_000), String(repeating: "<a", count: 30_000),
            String(repeating: "![", count: 20_000) + "a" + String(repeating: "](b)", count: 20_000),
        ]
        for (i, text) in pathological.enumerated() { try project.write("content/playbooks/patho-\(i).md", "---\ntitle: 病的\(i)\n---\n\(text)\n") }

        let result = try project.build()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try project.read("site/companies/bom.html").contains("<h1>BOMの会社</h1>") || (try project.read("site/companies/bom.html")).contains("BOMの会社"))
        XCTAssertTrue(try project.read("site/companies/bom.html").contains("BOM本文"))
        let crlf = try project.read("site/companies/crlf.html")
        XCTAssertTrue(crlf.contains("CRLFの会社") && crlf.contains("改行 花子") && crlf.contains("CRLF本文"), crlf)
        XCTAssertFalse(crlf.contains("\r"))
        let cr = try project.read("site/companies/cr.html")
        XCTAssertTrue(cr.contains("CRの会社") && cr.contains("CR本文") && cr.contains("沿革</h2>"), cr)
        let nested = try project.read("site/playbooks/no-front-matter.html")
        let body = nested.components(separatedBy: "<section class=\"body markdown\">").last?.components(separatedBy: "</section>").first ?? ""
        XCTAssertEqual(body.components(separatedBy: "<li").count - 1, 10_000)
        XCTAssertTrue(nested.contains("深い約束"))
        let huge = try project.read("site/partners/huge.html")
        XCTAssertGreaterThan(huge.utf8.count, 10_000_000)
        for i in pathological.indices { XCTAssertTrue(project.exists("site/playbooks/patho-\(i).html")) }
    }

    /// Every path under `root` with its size: what a build may not change outside its output.
    func treeListing(_ root: URL) throws -> [String] {
        var entries: [String] = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            let size = (try? FileManager.default.attributesOfItem(atPath: root.path + "/" + path)[.size] as? Int) ?? -1
            entries.append("\(path) \(size)")
        }
        return entries.sorted()
    }
}
