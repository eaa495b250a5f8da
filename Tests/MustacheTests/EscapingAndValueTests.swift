import Mustache
import XCTest

final class EscapingAndValueTests: XCTestCase {
    func testHostileAttributeBreakoutIsEscaped() throws {
        let hostile = "\"><img src=x onerror=alert(1)>"
        let output = try Mustache.render("<a title=\"{{t}}\">{{t}}</a>", ["t": .string(hostile)])
        XCTAssertEqual(output, "<a title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
            + "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>")
        XCTAssertFalse(output.contains("<img"))
    }

    func testScriptTagAndApostropheAreEscaped() throws {
        let output = try Mustache.render("<p title='{{x}}'>{{x}}</p>", ["x": "<script>alert('x') && 1</script>"])
        XCTAssertEqual(output, "<p title='&lt;script&gt;alert(&#39;x&#39;) &amp;&amp; 1&lt;/script&gt;'>"
            + "&lt;script&gt;alert(&#39;x&#39;) &amp;&amp; 1&lt;/script&gt;</p>")
    }

    func testTripleMustacheAndAmpersandDoNotEscape() throws {
        let html = "<em>特許</em> & 'quotes'"
        XCTAssertEqual(try Mustache.render("{{{h}}}|{{&h}}", ["h": .string(html)]), "\(html)|\(html)")
    }

    func testEscapeHTMLHelperMatchesInterpolation() throws {
        let text = "<a href=\"x\">'&'</a>"
        XCTAssertEqual(Mustache.escapeHTML(text), try Mustache.render("{{v}}", ["v": .string(text)]))
        XCTAssertEqual(Mustache.escapeHTML("株式会社〇〇精機"), "株式会社〇〇精機")
    }

    func testJapaneseAndMixedScriptDataRenderUnchanged() throws {
        let data: MustacheValue = [
            "会社": ["名前": "株式会社〇〇精機", "カナ": "ﾏﾙﾏﾙｾｲｷ", "英字": "ＡＢＣ Seiki 123"],
            "担当": ["田中 花子", "鈴木 一郎"],
        ]
        let template = "{{会社.名前}}（{{会社.カナ}}／{{会社.英字}}）担当: {{#担当}}[{{.}}]{{/担当}}"
        XCTAssertEqual(try Mustache.render(template, data),
                       "株式会社〇〇精機（ﾏﾙﾏﾙｾｲｷ／ＡＢＣ Seiki 123）担当: [田中 花子][鈴木 一郎]")
    }

    func testJapaneseTextAroundTagsAndInPartialsKeepsIndentation() throws {
        let output = try Mustache.render("<ul>\n  {{>item}}\n</ul>\n", ["items": ["知財活用", "海外展開"]],
                                         partials: ["item": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"])
        XCTAssertEqual(output, "<ul>\n  <li>知財活用</li>\n  <li>海外展開</li>\n</ul>\n")
    }

    func testTruthinessOfEmptyStringZeroAndEmptyObject() throws {
        let template = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        XCTAssertEqual(try Mustache.render(template, ["v": ""]), "no")
        XCTAssertEqual(try Mustache.render(template, ["v": "あ"]), "yes")
        XCTAssertEqual(try Mustache.render(template, ["v": 0]), "yes")
        XCTAssertEqual(try Mustache.render(template, ["v": .object([:])]), "yes")
        XCTAssertEqual(try Mustache.render(template, ["v": []]), "no")
        XCTAssertEqual(try Mustache.render(template, ["v": nil]), "no")
        XCTAssertEqual(try Mustache.render(template, [:]), "no")
    }

    func testNumbersRenderLikeJSON() throws {
        let data: MustacheValue = ["a": 1.5, "b": 1.0, "c": -3, "d": 0.1, "e": true]
        XCTAssertEqual(try Mustache.render("{{a}} {{b}} {{c}} {{d}} {{e}}", data), "1.5 1 -3 0.1 true")
    }

    func testSectionOverObjectPushesItsMembers() throws {
        let data: MustacheValue = ["company": ["name": "〇〇精機", "owner": ["name": "田中"]], "name": "outer"]
        XCTAssertEqual(try Mustache.render("{{#company}}{{name}}/{{owner.name}}{{/company}}/{{name}}", data),
                       "〇〇精機/田中/outer")
    }

    func testJSONConversionKeepsTypes() throws {
        let value = try MustacheValue(json: Data(#"{"b": true, "i": 1, "d": 1.25, "s": "文字", "n": null, "a": [0]}"#.utf8))
        XCTAssertEqual(value, ["b": true, "i": 1, "d": 1.25, "s": "文字", "n": nil, "a": [0]])
    }
}
