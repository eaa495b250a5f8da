import Foundation
import Mustache
import XCTest

final class LibraryTests: XCTestCase {
    /// A base layout with blocks, a header partial, and a page that fills the blocks — the theme's shape.
    private static let theme: [String: String] = [
        "layout": """
            <!doctype html>
            <html lang="ja">
            <head><title>{{$title}}{{site.title}}{{/title}}</title></head>
            <body>
              {{>header}}
              <main>
                {{$content}}
                <p>（本文なし）</p>
                {{/content}}
              </main>
            </body>
            </html>

            """,
        "header": """
            <header>
              <a href="{{site.root}}">{{site.title}}</a>
            </header>

            """,
        "company": """
            {{<layout}}
            {{$title}}{{company.name}} | {{site.title}}{{/title}}
            {{$content}}
            <h1>{{company.name}}</h1>
            <ul>
              {{#company.contacts}}
              <li>{{name}}（{{role}}）</li>
              {{/company.contacts}}
            </ul>
            {{/content}}
            {{/layout}}

            """,
        "empty-page": "{{<layout}}{{/layout}}\n",
    ]

    private static let data: MustacheValue = [
        "site": ["title": "みなと川市 伴走支援ノート", "root": "../"],
        "company": [
            "name": "株式会社〇〇精機",
            "contacts": [["name": "山田 太郎", "role": "代表取締役"], ["name": "ｻﾄｳ", "role": "工場長 & <技術>"]],
        ],
    ]

    func testLayoutWithBlocksAndPartials() throws {
        let library = try MustacheLibrary(templates: Self.theme)
        let output = try library.render("company", Self.data)
        XCTAssertEqual(output, """
            <!doctype html>
            <html lang="ja">
            <head><title>株式会社〇〇精機 | みなと川市 伴走支援ノート</title></head>
            <body>
              <header>
                <a href="../">みなと川市 伴走支援ノート</a>
              </header>
              <main>
                <h1>株式会社〇〇精機</h1>
                <ul>
                  <li>山田 太郎（代表取締役）</li>
                  <li>ｻﾄｳ（工場長 &amp; &lt;技術&gt;）</li>
                </ul>
              </main>
            </body>
            </html>

            """)
    }

    func testLayoutDefaultsWhenPageOverridesNothing() throws {
        let library = try MustacheLibrary(templates: Self.theme)
        let output = try library.render("empty-page", Self.data)
        XCTAssertTrue(output.contains("<title>みなと川市 伴走支援ノート</title>"))
        XCTAssertTrue(output.contains("\n    <p>（本文なし）</p>\n  </main>"))
    }

    func testUnknownTemplateNameIsAnError() throws {
        let library = try MustacheLibrary(templates: Self.theme)
        XCTAssertThrowsError(try library.render("missing", [:])) { error in
            XCTAssertEqual((error as? MustacheError)?.description, "missing:0:0: error: no template named 'missing'")
        }
        for name in ["company", "empty-page", "header", "layout"] { XCTAssertTrue(library.contains(name), name) }
        XCTAssertFalse(library.contains("missing"))
    }

    func testEveryBrokenTemplateIsReported() {
        let sources = ["ok": "{{a}}", "b-broken": "{{#a}}", "a-broken": "x\n{{name"]
        XCTAssertThrowsError(try MustacheLibrary(templates: sources)) { error in
            guard let list = error as? MustacheErrorList else { return XCTFail("expected MustacheErrorList") }
            XCTAssertEqual(list.errors.map(\.template), ["a-broken", "b-broken"])
            XCTAssertEqual(list.description, """
                a-broken:2:1: error: unclosed tag: expected '}}'
                b-broken:1:1: error: {{#a}} is never closed (expected {{/a}})
                """)
        }
    }

    func testStandaloneTemplateRendersWithLibraryPartials() throws {
        let library = try MustacheLibrary(templates: ["badge": "[{{.}}]"])
        let template = try MustacheTemplate("{{#themes}}{{>badge}}{{/themes}}", name: "inline")
        XCTAssertEqual(try library.render(template, ["themes": ["知財活用", "海外展開"]]), "[知財活用][海外展開]")
        XCTAssertEqual(try template.render(["themes": ["知財活用"]]), "", "no partials outside a library")
    }

    func testTemplateIsReusableAcrossRenders() throws {
        let template = try MustacheTemplate("{{n}}件", name: "count")
        XCTAssertEqual(try template.render(["n": 3]), "3件")
        XCTAssertEqual(try template.render(["n": 12]), "12件")
    }

    func testConcurrentRendersGiveIdenticalOutput() throws {
        let library = try MustacheLibrary(templates: Self.theme)
        let expected = try library.render("company", Self.data)
        let iterations = 200
        let results = ResultBox(count: iterations)
        DispatchQueue.concurrentPerform(iterations: iterations) { index in
            // Vary the data per iteration so each thread's context stack really differs.
            var data = Self.data
            if index % 2 == 1, case .object(var root) = data {
                root["site"] = ["title": "別サイト", "root": "/"]
                data = .object(root)
            }
            results.set(index, (try? library.render("company", data)) ?? "render failed")
        }
        let other = try library.render("company", {
            guard case .object(var root) = Self.data else { return Self.data }
            root["site"] = ["title": "別サイト", "root": "/"]
            return .object(root)
        }())
        for index in 0..<iterations {
            XCTAssertEqual(results.get(index), index % 2 == 0 ? expected : other, "iteration \(index)")
        }
    }
}

/// Collects results written from several threads.
private final class ResultBox: @unchecked Sendable {
    private var values: [String]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}

final class UnresolvedReferenceTests: XCTestCase {
    func testMisspeltPartialAndParentNamesAreListedWithTheirPlace() throws {
        let library = try MustacheLibrary(templates: [
            "layout": "<main>{{$content}}{{/content}}</main>",
            "page": "{{<layuot}}{{$content}}\n  {{>footer}}\n{{/content}}{{/layuot}}",
            "list": "{{#items}}\n{{>item}}\n{{/items}}{{>layout}}",
        ])
        XCTAssertEqual(library.unresolvedReferences().map(\.description), [
            "list:2:1: error: no template named 'item' for this partial or parent",
            "page:1:1: error: no template named 'layuot' for this partial or parent",
            "page:2:3: error: no template named 'footer' for this partial or parent",
        ])
    }

    func testCompleteLibraryHasNoUnresolvedReferences() throws {
        let library = try MustacheLibrary(templates: ["a": "{{>b}}{{<b}}{{/b}}{{>*dynamic}}", "b": "b"])
        XCTAssertEqual(library.unresolvedReferences(), [])
    }
}

final class RenderBytesTests: XCTestCase {
    func testRenderBytesAreTheRenderedTextsUTF8() throws {
        let library = try MustacheLibrary(templates: [
            "page": "<h1>{{title}}</h1>\n  {{>item}}\n{{#list}}<li>{{.}}</li>{{/list}}{{{raw}}}",
            "item": "<p>{{note}}</p>\n",
        ])
        let data: MustacheValue = ["title": "見立て & <次>", "note": "ｱﾙﾊﾞｲﾄ 'ＯＫ'", "list": ["一", "二"], "raw": "<b>太</b>"]
        let text = try library.render("page", data)
        XCTAssertEqual(try library.renderBytes("page", data), Array(text.utf8))
        XCTAssertTrue(text.contains("見立て &amp; &lt;次&gt;"))
        XCTAssertThrowsError(try library.renderBytes("missing", data))
    }
}
