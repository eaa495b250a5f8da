import Markdown
import XCTest

final class TableAndStrikethroughTests: XCTestCase {
    private func html(_ source: String, options: MarkdownOptions = MarkdownOptions(headingIDs: false)) -> String {
        MarkdownDocument(parsing: source, options: options).html { .link(href: "/\($0.target)/", label: $0.target) }
    }

    func testPipeTableWithAlignmentEscapesAndInlines() {
        let source = """
        | 支援制度 | 上限額 | 補助率 |
        |:---------|-------:|:------:|
        | ものづくり**補助金** | 1,250万円 | 1/2 |
        | `a\\|b` と [[minato-seiki]] | <b>生</b> | 2/3 |
        """
        XCTAssertEqual(html(source), """
        <table>
        <thead>
        <tr>
        <th align="left">支援制度</th>
        <th align="right">上限額</th>
        <th align="center">補助率</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td align="left">ものづくり<strong>補助金</strong></td>
        <td align="right">1,250万円</td>
        <td align="center">1/2</td>
        </tr>
        <tr>
        <td align="left"><code>a|b</code> と <a class="wikilink" href="/minato-seiki/">minato-seiki</a></td>
        <td align="right"><!-- raw HTML omitted -->生<!-- raw HTML omitted --></td>
        <td align="center">2/3</td>
        </tr>
        </tbody>
        </table>

        """)
    }

    func testCellsAreEscapedAndCannotStartBlocks() {
        let source = """
        a | b
        --|--
        | # 見出しではない | > 引用でもない
        | - 項目 | 1. 番号 & <x> "q"
        | [x]: /not-a-definition |
        """
        XCTAssertEqual(html(source), """
        <table>
        <thead>
        <tr>
        <th>a</th>
        <th>b</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td># 見出しではない</td>
        <td>&gt; 引用でもない</td>
        </tr>
        <tr>
        <td>- 項目</td>
        <td>1. 番号 &amp; <!-- raw HTML omitted --> &quot;q&quot;</td>
        </tr>
        <tr>
        <td>[x]: /not-a-definition</td>
        <td></td>
        </tr>
        </tbody>
        </table>

        """)
    }

    func testShortAndLongRowsAreFittedToTheHeader() {
        let rendered = html("|一|二|\n|-|-|\n|だけ|\n|あ|い|う|\n")
        XCTAssertTrue(rendered.contains("<tr>\n<td>だけ</td>\n<td></td>\n</tr>"), rendered)
        XCTAssertTrue(rendered.contains("<tr>\n<td>あ</td>\n<td>い</td>\n</tr>"), rendered)
        XCTAssertFalse(rendered.contains("う"))
    }

    /// Typed with an IME: full-width bars, long-vowel marks or full-width hyphens, a full-width colon.
    func testFullWidthTableFromAnIME() {
        let rendered = html("｜項目｜金額｜\n｜ーー｜－－：｜\n｜設備 [[setsubi]]｜1,000万円｜\n")
        XCTAssertTrue(rendered.contains("<th>項目</th>\n<th align=\"right\">金額</th>"), rendered)
        XCTAssertTrue(rendered.contains("<td>設備 <a class=\"wikilink\" href=\"/setsubi/\">setsubi</a></td>\n<td align=\"right\">1,000万円</td>"), rendered)
        let document = MarkdownDocument(parsing: "｜項目｜金額｜\n｜ーー｜－－：｜\n｜設備 [[setsubi]]｜1,000万円｜\n")
        XCTAssertEqual(document.wikiLinks.first.map { "\($0.line):\($0.column)" }, "3:5", "columns stay those of the source")
        // In an ASCII table a full-width bar is text; in prose it is never a table.
        XCTAssertTrue(html("|a|b|\n|-|-|\n|A｜B|c|\n").contains("<td>A｜B</td>"))
        XCTAssertEqual(html("A社｜B社\n比較した\n"), "<p>A社｜B社\n比較した</p>\n")
    }

    func testNotATableStaysAParagraph() {
        // Delimiter row with a different number of cells; no delimiter row; a pipe in prose.
        XCTAssertEqual(html("| a | b |\n|---|\n"), "<p>| a | b |\n|---|</p>\n")
        XCTAssertEqual(html("A社 | B社\nどちらも訪問済み\n"), "<p>A社 | B社\nどちらも訪問済み</p>\n")
        // Off without extensions: the CommonMark spec has no tables.
        let spec = MarkdownOptions(unsafeHTML: true, headingIDs: false, extensions: false)
        XCTAssertEqual(html("|a|\n|-|\n", options: spec), "<p>|a|\n|-|</p>\n")
    }

    func testTableInBlockQuoteAndListItem() {
        XCTAssertTrue(html("> |項目|値|\n> |--|--|\n> |従業員|35名|\n").contains("<blockquote>\n<table>"))
        let inList = html("- 比較:\n\n  | 案 | 費用 |\n  |----|------|\n  | A  | 高い |\n")
        XCTAssertTrue(inList.contains("<td>A</td>\n<td>高い</td>"), inList)
    }

    func testPlainTextAndSectionsHoldCellText() {
        let source = """
        ## 見立て

        | 課題 | 支援先 |
        |------|--------|
        | 海外販路 | [[jetro\\|ジェトロ]] |
        | 資金繰り | 信用金庫 |

        以上。
        """
        let document = MarkdownDocument(parsing: source)
        XCTAssertEqual(document.plainText, "見立て\n課題 支援先\n海外販路 ジェトロ\n資金繰り 信用金庫\n以上。")
        XCTAssertEqual(document.sections.first?.plainText, "課題 支援先\n海外販路 ジェトロ\n資金繰り 信用金庫\n以上。")
        XCTAssertEqual(document.wikiLinks.map(\.target), ["jetro"])
        XCTAssertEqual(document.wikiLinks.first?.label, "ジェトロ")
        XCTAssertEqual(document.wikiLinks.first?.line, 5)
    }

    func testWikiLinkColumnsInCellsPointAtTheSource() {
        let document = MarkdownDocument(parsing: "|企業|担当|\n|-|-|\n|〇〇精機 [[marumaru]]|[[tanaka]]|\n")
        XCTAssertEqual(document.wikiLinks.map { "\($0.target)@\($0.line):\($0.column)" },
                       ["marumaru@3:7", "tanaka@3:20"])
    }

    func testHostileTableIsLinearAndCapped() {
        let wide = "|" + String(repeating: "a|", count: 200) + "\n|" + String(repeating: "-|", count: 200) + "\n"
        XCTAssertFalse(html(wide).contains("<table>"), "more columns than the cap stay a paragraph")
        let tall = "|a|b|\n|-|-|\n" + String(repeating: "x\n", count: 20_000)
        XCTAssertTrue(html(tall).contains("<table>"))
    }

    func testStrikethrough() {
        XCTAssertEqual(html("これは~~取り消し~~です。\n"), "<p>これは<del>取り消し</del>です。</p>\n")
        XCTAssertEqual(html("~~**太字**も~~消す\n"), "<p><del><strong>太字</strong>も</del>消す</p>\n")
        XCTAssertEqual(html("~~[[a]]~~\n"), "<p><del><a class=\"wikilink\" href=\"/a/\">a</a></del></p>\n")
        // Not strikethrough: escaped, unpaired, three tildes, in code, spaces inside the delimiters.
        XCTAssertEqual(html("\\~~x~~\n"), "<p>~~x~~</p>\n")
        XCTAssertEqual(html("&#126;~x~~ ~~y~~\n"), "<p>~~x~~ <del>y</del></p>\n")
        XCTAssertEqual(html("~~x\n"), "<p>~~x</p>\n")
        XCTAssertEqual(html("a ~~~x~~~\n"), "<p>a ~~~x~~~</p>\n")
        XCTAssertEqual(html("`~~x~~`\n"), "<p><code>~~x~~</code></p>\n")
        XCTAssertEqual(html("a ~~ b ~~ c\n"), "<p>a ~~ b ~~ c</p>\n")
        // Never mis-nested across an emphasis boundary.
        XCTAssertEqual(html("~~a *b~~ c*\n"), "<p>~~a <em>b~~ c</em></p>\n")
        XCTAssertEqual(html("| 状態 |\n|---|\n| ~~見送り~~ |\n").contains("<td><del>見送り</del></td>"), true)
        XCTAssertEqual(html("## ~~旧~~ 新\n"), "<h2><del>旧</del> 新</h2>\n")
        XCTAssertEqual(MarkdownDocument(parsing: "~~旧案~~新案\n").plainText, "旧案新案")
        XCTAssertEqual(MarkdownDocument(parsing: "![~~a~~](x.png)\n").html { _ in .text(label: "") },
                       "<p><img src=\"x.png\" alt=\"a\" /></p>\n")
    }

    /// Tables and strikethrough change no CommonMark example: with extensions on, only the two
    /// examples that spell `[[…]]` (wiki links) render differently from the spec.
    func testNoSpecExampleLooksLikeATableOrStrikethrough() throws {
        let options = MarkdownOptions(unsafeHTML: true, headingIDs: false, extensions: true)
        for example in try Conformance.commonMarkExamples() where !example.markdown.contains("[[") {
            let rendered = MarkdownDocument(parsing: example.markdown, options: options).html { .broken(label: $0.target) }
            XCTAssertEqual(Conformance.normalize(rendered), Conformance.normalize(example.html), "example \(example.example)")
        }
    }
}

final class LocalLinkTests: XCTestCase {
    func testLocalLinksAreFoundAndCanBePointedElsewhere() {
        let source = """
        # 訪問メモ ![名刺](meishi.png)

        工場の写真：![工場](photos/工場.jpg "外観") と [提案書](teian.pdf#p2)。
        [外部](https://example.com/a.pdf) [頁内](#見立て) [根](/x.pdf) [メール](mailto:a@b.c) [[wiki]]

        | 資料 |
        |---|
        | [見積](%E8%A6%8B%E7%A9%8D.xlsx) |
        """
        let document = MarkdownDocument(parsing: source)
        XCTAssertEqual(document.localLinks.map(\.url), ["meishi.png", "photos/工場.jpg", "teian.pdf#p2", "%E8%A6%8B%E7%A9%8D.xlsx"])
        XCTAssertEqual(document.localLinks.map(\.path), ["meishi.png", "photos/工場.jpg", "teian.pdf", "見積.xlsx"])
        XCTAssertEqual(document.localLinks.map(\.isImage), [true, true, false, false])
        XCTAssertEqual(document.localLinks.map { "\($0.line):\($0.column)" }, ["1:8", "3:7", "3:35", "8:3"])
        let html = document.html({ .link(href: "/\($0.target)", label: $0.target) }) { link in
            link.path == "teian.pdf" ? "minato/teian.pdf#p2" : nil
        }
        XCTAssertTrue(html.contains("<a href=\"minato/teian.pdf#p2\">提案書</a>"), html)
        XCTAssertTrue(html.contains("<img src=\"photos/%E5%B7%A5%E5%A0%B4.jpg\" alt=\"工場\" title=\"外観\" />"), html)
        XCTAssertTrue(html.contains("<h1 id=\"訪問メモ-名刺\">訪問メモ <img src=\"meishi.png\""), html)
        XCTAssertTrue(html.contains("<a class=\"wikilink\" href=\"/wiki\">wiki</a>"), html)
        XCTAssertEqual(document.html({ _ in .text(label: "") }), document.html({ _ in .text(label: "") }) { _ in nil })
        XCTAssertEqual(MarkdownDocument(parsing: "[a](b.pdf)", options: MarkdownOptions(extensions: false)).localLinks, [])
    }
}

final class StrikethroughHostileTests: XCTestCase {
    /// Many openers in a paragraph and many closers inside emphasis: each closer must not search
    /// the whole paragraph's openers (that was quadratic). Relative bound, not a timing.
    func testPairingIsLinearInTheNumberOfDelimiters() {
        func source(_ n: Int) -> String { String(repeating: "~~a ", count: n) + "*" + String(repeating: "b~~ ", count: n) + "*\n" }
        func time(_ n: Int) -> Double {
            let start = Date()
            _ = MarkdownDocument(parsing: source(n)).html { _ in .text(label: "") }
            return Date().timeIntervalSince(start)
        }
        _ = time(2_000)
        let small = max(time(4_000), 0.002), large = time(40_000)
        XCTAssertLessThan(large, small * 40, "10× the delimiters took \(large / small)× the time")
    }
}
