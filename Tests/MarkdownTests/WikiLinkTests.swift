import Markdown
import XCTest

final class WikiLinkTests: XCTestCase {
    private func resolveAll(_ link: WikiLink) -> WikiLinkRendering {
        .link(href: "/\(link.target).html", label: "題:\(link.target)")
    }

    func testExtractsTargetsLabelsAndPositions() {
        let source = """
        # 訪問メモ

        [[marumaru-seiki]]を訪問。担当は[[companies/marumaru-seiki|〇〇精機さん]]。

        - [[株式会社〇〇精機]]
        """
        let links = MarkdownDocument(parsing: source).wikiLinks
        XCTAssertEqual(links, [
            WikiLink(target: "marumaru-seiki", label: nil, line: 3, column: 1),
            WikiLink(target: "companies/marumaru-seiki", label: "〇〇精機さん", line: 3, column: 26),
            WikiLink(target: "株式会社〇〇精機", label: nil, line: 5, column: 3),
        ])
    }

    func testPositionsOnContinuationLinesAndAfterEscapes() {
        let source = """
        > 引用の中
        >    続き [[a]]
        段落 \\[\\[not]] &#91;&#91;no]] [[b|  ラベル　]]
        """
        let document = MarkdownDocument(parsing: source)
        XCTAssertEqual(document.wikiLinks, [
            WikiLink(target: "a", label: nil, line: 2, column: 9),
            WikiLink(target: "b", label: "ラベル", line: 3, column: 29),
        ])
        let html = document.html(resolveAll)
        XCTAssertTrue(html.contains("段落 [[not]] [[no]] <a class=\"wikilink\" href=\"/b.html\">ラベル</a>"), html)
    }

    func testLineNumbersAfterLinkReferenceDefinitions() {
        let document = MarkdownDocument(parsing: "[ref]: /url\n本文 [[c]] と [ref]\n  続く行 [[d]]\n")
        XCTAssertEqual(document.wikiLinks.map { [$0.line, $0.column] }, [[2, 4], [3, 7]])
    }

    func testIndentedContinuationAndTabs() {
        let document = MarkdownDocument(parsing: "- 項目\n     さらに [[e]]\n\n1.\tx\n\t[[f]]\n")
        XCTAssertEqual(document.wikiLinks.map { [$0.line, $0.column] }, [[2, 10], [5, 2]])
    }

    /// Cases where cmark's own inline positions are off (found by the property test).
    func testPositionsWhereCmarkReportsWrongColumns() {
        let cases: [(String, [[Int]])] = [
            ("> - [[t1|ラベル]]\n  [[t2|ラベル]]&amp;\n", [[1, 5], [2, 3]]),            // lazy line keeps its indentation
            ("*em**[[t3]]\n", [[1, 6]]),                                          // half-used `**`
            ("a\\\n[[t1]]\n", [[2, 1]]),                                          // backslash hard break
            ("[r]: /u\n<b>[[t1]] x\n-  \n", [[2, 4]]),                             // definition before a setext heading
            ("1. *\t_[[t1]]\\\n \t&NotEqualTilde;[r][[t2]]\n", [[1, 7], [2, 21]]), // tab partly turned into spaces
            ("`code`文字&ouml;&ouml;&#91;[[t1]]\n", [[1, 26]]),                       // entities before the link
        ]
        for (source, expected) in cases {
            XCTAssertEqual(MarkdownDocument(parsing: source).wikiLinks.map { [$0.line, $0.column] }, expected,
                           source.debugDescription)
        }
    }

    func testNotRecognisedInCodeLinksOrEscapes() {
        let source = """
        `[[code]]` と [説明 [[inside]]](/u) と \\[[escaped]]

            [[indented code]]

        ```
        [[fenced]]
        ```

        ![alt [[image]]](/i.png) [[real]]
        """
        let document = MarkdownDocument(parsing: source)
        XCTAssertEqual(document.wikiLinks.map(\.target), ["real"])
        XCTAssertTrue(document.html(resolveAll).contains("<code>[[code]]</code>"))
        XCTAssertTrue(document.html(resolveAll).contains("alt=\"alt [[image]]\""))
    }

    func testMalformedCandidatesStayText() {
        let document = MarkdownDocument(parsing: "[[]] [[ | x]] [[a]b]] [[[c]]] [[d\n]]")
        XCTAssertEqual(document.wikiLinks.map(\.target), ["c"])
        XCTAssertTrue(document.html(resolveAll).contains("[[]] [[ | x]] [[a]b]] [<a class=\"wikilink\""))
    }

    func testRenderingForEachResolverCase() {
        let document = MarkdownDocument(parsing: "[[marumaru-seiki]] [[companies/x|〇〇精機さん]] [[secret]] [[nowhere]]")
        let html = document.html { link in
            switch link.target {
            case "marumaru-seiki": return .link(href: "../companies/marumaru-seiki.html", label: "株式会社〇〇精機")
            case "companies/x": return .link(href: "x.html", label: "resolver label loses to the author's")
            case "secret": return .text(label: "非公開の企業")
            default: return .broken(label: link.target)
            }
        }
        XCTAssertEqual(html, "<p>"
            + "<a class=\"wikilink\" href=\"../companies/marumaru-seiki.html\">株式会社〇〇精機</a> "
            + "<a class=\"wikilink\" href=\"x.html\">〇〇精機さん</a> "
            + "<span class=\"wikilink\">非公開の企業</span> "
            + "<span class=\"wikilink broken\">nowhere</span></p>\n")
    }

    func testResolverValuesAreEscaped() {
        let document = MarkdownDocument(parsing: "[[x]]")
        let html = document.html { _ in
            .link(href: "a\"onmouseover='x'&b", label: "\"><script>alert(1)</script>")
        }
        XCTAssertEqual(html, "<p><a class=\"wikilink\" href=\"a&quot;onmouseover=&#39;x&#39;&amp;b\">"
            + "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a></p>\n")
        let blocked = document.html { _ in .link(href: " JavaScript:alert(1)", label: "x") }
        XCTAssertTrue(blocked.contains("href=\"\""), blocked)
    }

    func testHostileLabelsCannotInjectMarkup() {
        let source = "[[x|\"><script>alert(1)</script>]] [[y|\"quoted\" & 'single' > < script>]]"
        let document = MarkdownDocument(parsing: source)
        let html = document.html { .broken(label: $0.target) }
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertTrue(html.contains("<span class=\"wikilink broken\">&quot;quoted&quot; &amp; &#39;single&#39; &gt; &lt; script&gt;</span>"), html)
        // `<script>` is raw HTML to CommonMark, yet inside `[[…]]` it is the label's text: a link, escaped.
        XCTAssertEqual(document.wikiLinks.map(\.target), ["x", "y"])
        XCTAssertEqual(document.wikiLinks.first?.label, "\"><script>alert(1)</script>")
        XCTAssertTrue(html.contains("<span class=\"wikilink broken\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>"), html)
    }

    /// Emphasis and raw HTML inside `[[…]]` used to split it into several cmark nodes, so
    /// `[[nosuch|<i>y</i>]]` was neither a link nor an error and no title with `*` could be named.
    func testLinksSplitByEmphasisOrRawHTMLAreOneLink() {
        let source = """
        訪問 [[株式会社*ほし*の|<i>星野</i>さん]] と [[A*B*C]] と *強調 [[記号A/B&C*D　テスト]]* 終わり
        ## 見出し [[見積*第2版*]]
        """
        let document = MarkdownDocument(parsing: source)
        XCTAssertEqual(document.wikiLinks, [
            WikiLink(target: "株式会社*ほし*の", label: "<i>星野</i>さん", line: 1, column: 4),
            WikiLink(target: "A*B*C", label: nil, line: 1, column: 32),
            WikiLink(target: "記号A/B&C*D　テスト", label: nil, line: 1, column: 48),
            WikiLink(target: "見積*第2版*", label: nil, line: 2, column: 8),
        ])
        let html = document.html { .link(href: "/p.html", label: "題:" + $0.target) }
        XCTAssertEqual(html, "<p>訪問 <a class=\"wikilink\" href=\"/p.html\">&lt;i&gt;星野&lt;/i&gt;さん</a> と "
            + "<a class=\"wikilink\" href=\"/p.html\">題:A*B*C</a> と "
            + "<em>強調 <a class=\"wikilink\" href=\"/p.html\">題:記号A/B&amp;C*D　テスト</a></em> 終わり</p>\n"
            + "<h2 id=\"見出し-見積第2版\">見出し <a class=\"wikilink\" href=\"/p.html\">題:見積*第2版*</a></h2>\n")
        XCTAssertEqual(document.headings.first?.text, "見出し 見積*第2版*")
        XCTAssertEqual(document.plainText, "訪問 <i>星野</i>さん と A*B*C と 強調 記号A/B&C*D　テスト 終わり\n見出し 見積*第2版*")
    }

    func testSplitLinksHonourEscapesAndTableBars() {
        let document = MarkdownDocument(parsing: "[[Ａ\\*Ｂ*ｃ*]] と\n\n| 会社 | メモ |\n|---|---|\n| [[青葉*3D*\\|あおば]] | 済 |\n")
        XCTAssertEqual(document.wikiLinks.map { [$0.target, $0.label ?? "-"] }, [["Ａ*Ｂ*ｃ*", "-"], ["青葉*3D*", "あおば"]])
        XCTAssertEqual(document.wikiLinks.map { [$0.line, $0.column] }, [[1, 1], [5, 3]])
        let html = document.html { .broken(label: $0.target) }
        XCTAssertTrue(html.contains("<td><span class=\"wikilink broken\">あおば</span></td>"), html)
    }

    /// Code spans and links still bind tighter, and a link never spans a line break.
    func testSplitLinksStopAtCodeLinksAndLineBreaks() {
        let cases = [
            "[[会社 `code` 名]]",
            "[[会社*名*\n続き]]",
            "[説明 [[会社*名*]]](/u)",
            "\\[[会社*名*]]",
            "[[会社 [注] *名*]]",
            "`[[会社` *名*]]",
        ]
        for source in cases {
            let document = MarkdownDocument(parsing: source)
            XCTAssertEqual(document.wikiLinks, [], source)
            XCTAssertEqual(document.html { _ in .broken(label: "壊") }, MarkdownDocument(parsing: source, options: MarkdownOptions(extensions: false)).html { _ in .broken(label: "") }, source)
        }
    }

    func testPlaceholderLookalikesInContentCannotCollide() {
        let document = MarkdownDocument(parsing: "\u{E000}0\u{E001} [[a]] \u{E000}1\u{E001}")
        let html = document.html { _ in .text(label: "A") }
        XCTAssertEqual(html, "<p>\u{E000}0\u{E001} <span class=\"wikilink\">A</span> \u{E000}1\u{E001}</p>\n")
    }

    func testExtensionsOffLeavesBracketsAlone() {
        let document = MarkdownDocument(parsing: "[[a]] - [ ] b", options: MarkdownOptions(extensions: false))
        XCTAssertTrue(document.wikiLinks.isEmpty)
        XCTAssertEqual(document.html { _ in .broken(label: "") }, "<p>[[a]] - [ ] b</p>\n")
    }

    func testWikiLinkInHeadingKeepsItsPlaceAfterIDInsertion() {
        let document = MarkdownDocument(parsing: "## [[companies/x|〇〇精機]] の件\n\n本文 [[y]]")
        XCTAssertEqual(document.headings.first?.text, "〇〇精機 の件")
        XCTAssertEqual(document.html(resolveAll),
            "<h2 id=\"〇〇精機-の件\"><a class=\"wikilink\" href=\"/companies/x.html\">〇〇精機</a> の件</h2>\n"
            + "<p>本文 <a class=\"wikilink\" href=\"/y.html\">題:y</a></p>\n")
    }
}

final class WikiLinkIndexTests: XCTestCase {
    func testIndexOfEachLinkIsItsPositionAndCopiesShareTheDocument() {
        let document = MarkdownDocument(parsing: "[[丸々精機]]と[[jimu|事務局]]。\n\n- [[丸々精機]] again\n", options: MarkdownOptions())
        let links = document.wikiLinks
        XCTAssertEqual(links.count, 3)
        for (index, link) in links.enumerated() { XCTAssertEqual(document.wikiLinkIndex(of: link), index) }
        XCTAssertNil(document.wikiLinkIndex(of: WikiLink(target: "丸々精機", label: nil, line: 9, column: 1)))
        let copy = document
        XCTAssertEqual(copy.html { .text(label: $0.target) }, document.html { .text(label: $0.target) })
        XCTAssertEqual(copy.contentHash, document.contentHash)
    }
}

final class WikiLinkIndexScaleTests: XCTestCase {
    /// Looking up every link of a note with many links stays fast (a linear scan per link would
    /// take minutes here) and finds each at its own position.
    func testEveryLinkOfALargeNoteIsFoundAtItsPosition() {
        let line = "訪問 [[minato-seiki|みなと精機]] と [[jimu]] の記録。\n\n"
        let document = MarkdownDocument(parsing: String(repeating: line, count: 20_000), options: MarkdownOptions())
        let links = document.wikiLinks
        XCTAssertEqual(links.count, 40_000)
        for (index, link) in links.enumerated() { XCTAssertEqual(document.wikiLinkIndex(of: link), index) }
    }
}
