import Markdown
import XCTest

final class PlainTextAndSectionTests: XCTestCase {
    private let resolve: (WikiLink) -> WikiLinkRendering = { .link(href: "/\($0.target)", label: $0.target.uppercased()) }

    func testPlainTextHasOneLinePerBlock() {
        let source = """
        # タイトル

        本文の**強調**と`code`と[リンク](http://x)。
        特許
        資料と [[companies/a|A社]] と [[b]]。
        Hello
        world

        - 項目一
        - 項目二

        ```swift
        let x = 1
        print(x)
        ```

        <div>raw は検索に出さない</div>

        ![代替テキスト](a.png)
        """
        XCTAssertEqual(MarkdownDocument(parsing: source).plainText, """
        タイトル
        本文の強調とcodeとリンク。特許資料と A社 と b。 Hello world
        項目一
        項目二
        let x = 1 print(x)
        代替テキスト
        """)
    }

    func testSectionsSplitAtTopLevelH2() {
        let source = """
        前置き

        ## 聞いたこと
        社長の話。[[a]]

        ## 見立て
        強み [[b|B社]]

        > ## 引用の中の見出しは分けない

        ### 小見出し
        詳細
        """
        let document = MarkdownDocument(parsing: source)
        let sections = document.sections
        XCTAssertEqual(sections.map(\.heading?.text), [nil, "聞いたこと", "見立て"])
        XCTAssertEqual(sections.map(\.plainText), ["前置き", "社長の話。a", "強み B社\n引用の中の見出しは分けない\n小見出し\n詳細"])
        XCTAssertEqual(document.html(section: 0, resolve), "<p>前置き</p>\n")
        XCTAssertEqual(document.html(section: 1, resolve), "<p>社長の話。<a class=\"wikilink\" href=\"/a\">A</a></p>\n")
        XCTAssertEqual(document.html(section: 2, resolve), """
        <p>強み <a class="wikilink" href="/b">B社</a></p>
        <blockquote>
        <h2 id="引用の中の見出しは分けない">引用の中の見出しは分けない</h2>
        </blockquote>
        <h3 id="小見出し">小見出し</h3>
        <p>詳細</p>

        """)
        XCTAssertEqual(document.html(section: 3, resolve), "")
        XCTAssertEqual(document.html(section: -1, resolve), "")
        // The sections, with their headings, add up to the whole document.
        XCTAssertEqual(document.html(resolve), document.html(section: 0, resolve)
            + "<h2 id=\"聞いたこと\">聞いたこと</h2>\n" + document.html(section: 1, resolve)
            + "<h2 id=\"見立て\">見立て</h2>\n" + document.html(section: 2, resolve))
    }

    func testNoEmptyLeadingSection() {
        let document = MarkdownDocument(parsing: "[ref]: /u\n\n## 最初\n本文\n## 空\n")
        XCTAssertEqual(document.sections.map(\.heading?.text), ["最初", "空"])
        XCTAssertEqual(document.sections.map(\.plainText), ["本文", ""])
        XCTAssertEqual(document.html(section: 1, resolve), "")
    }

    func testDocumentWithoutH2IsOneSection() {
        let document = MarkdownDocument(parsing: "# 題\n\n本文\n")
        XCTAssertEqual(document.sections.count, 1)
        XCTAssertNil(document.sections[0].heading)
        XCTAssertEqual(document.sections[0].plainText, "題\n本文")
        XCTAssertEqual(document.html(section: 0, resolve), document.html(resolve))
    }

    func testEmptyDocument() {
        let document = MarkdownDocument(parsing: "")
        XCTAssertEqual(document.html(resolve), "")
        XCTAssertEqual(document.plainText, "")
        XCTAssertTrue(document.sections.isEmpty && document.headings.isEmpty)
    }
}

final class SafeHTMLTests: XCTestCase {
    private func render(_ source: String, unsafe: Bool = false) -> String {
        MarkdownDocument(parsing: source, options: MarkdownOptions(unsafeHTML: unsafe)).html { _ in .broken(label: "") }
    }

    func testDangerousURLsAreBlanked() {
        let dangerous = [
            "[a](javascript:alert(1))", "[a](JAVASCRIPT:alert(1))", "[a](JavaScript:alert(1))",
            "[a](< javascript:alert(1)>)", "[a](java&#x09;script:alert(1))", "[a](&#x20;javascript:alert(1))",
            "[a](vbscript:msgbox)", "[a](file:///etc/passwd)", "[a](data:text/html;base64,PHNjcmlwdD4=)",
            "<javascript:alert(1)>", "[a][r]\n\n[r]: javascript:alert(1)",
        ]
        for source in dangerous {
            let html = render(source)
            XCTAssertTrue(html.contains("<a href=\"\">"), "\(source) → \(html)")
            XCTAssertEqual(html.components(separatedBy: "href=").count, 2, "one link, blanked: \(html)")
        }
        XCTAssertEqual(render("![i](data:image/png;base64,AAAA)"), "<p><img src=\"\" alt=\"i\" /></p>\n")
        XCTAssertEqual(render("![i](DATA:text/html,x \"t\")"), "<p><img src=\"\" alt=\"i\" title=\"t\" /></p>\n")
    }

    func testOrdinaryURLsAreKeptAndEncoded() {
        XCTAssertEqual(render("[特許](https://example.jp/検索?q=a&b='c')"),
                       "<p><a href=\"https://example.jp/%E6%A4%9C%E7%B4%A2?q=a&amp;b=&#x27;c&#x27;\">特許</a></p>\n")
        XCTAssertEqual(render("[rel](../companies/a.html#見立て)"),
                       "<p><a href=\"../companies/a.html#%E8%A6%8B%E7%AB%8B%E3%81%A6\">rel</a></p>\n")
        XCTAssertEqual(render("[a](javascript-guide.html)"), "<p><a href=\"javascript-guide.html\">a</a></p>\n")
    }

    func testUnsafeModeKeepsURLsAndRawHTML() {
        XCTAssertEqual(render("[a](javascript:alert(1))", unsafe: true),
                       "<p><a href=\"javascript:alert(1)\">a</a></p>\n")
        XCTAssertEqual(render("<div onclick=\"x\">hi</div>\n\na <b>b</b>", unsafe: true),
                       "<div onclick=\"x\">hi</div>\n<p>a <b>b</b></p>\n")
    }

    func testRawHTMLOmittedByDefault() {
        XCTAssertEqual(render("<div onclick=\"x\">hi</div>\n\na <b>b</b> <script>alert(1)</script>"),
                       "<!-- raw HTML omitted -->\n<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> "
                       + "<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>\n")
    }
}
