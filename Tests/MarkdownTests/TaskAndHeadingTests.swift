import Markdown
import XCTest

final class TaskItemTests: XCTestCase {
    func testTaskItemsWithSections() {
        let source = """
        - [ ] 見出し前の約束
        ## 聞いたこと
        - 普通の項目
        ## 次の一手
        - [ ] 特許資料を送る
        - [x] 信金の担当に共有
        - [X] 大文字でも完了
        1. [ ] 番号付き [[people/suzuki|鈴木さん]]
        - \\[ ] エスケープは対象外
        - [ ]特許（空白なしは対象外）
        """
        let document = MarkdownDocument(parsing: source)
        XCTAssertEqual(document.taskItems, [
            TaskItem(text: "見出し前の約束", checked: false, line: 1, section: nil),
            TaskItem(text: "特許資料を送る", checked: false, line: 5, section: "次の一手"),
            TaskItem(text: "信金の担当に共有", checked: true, line: 6, section: "次の一手"),
            TaskItem(text: "大文字でも完了", checked: true, line: 7, section: "次の一手"),
            TaskItem(text: "番号付き 鈴木さん", checked: false, line: 8, section: "次の一手"),
        ])
        let html = document.html { .text(label: $0.target) }
        XCTAssertTrue(html.contains("""
        <ul class="tasklist">
        <li class="task"><input type="checkbox" disabled> 特許資料を送る</li>
        <li class="task"><input type="checkbox" disabled checked> 信金の担当に共有</li>
        """), html)
        XCTAssertTrue(html.contains("<ol class=\"tasklist\">\n<li class=\"task\"><input type=\"checkbox\" disabled> 番号付き <span class=\"wikilink\">鈴木さん</span></li>"), html)
        XCTAssertTrue(html.contains("<ul>\n<li>普通の項目</li>"), html)
        XCTAssertTrue(html.contains("<li>[ ] エスケープは対象外</li>"), html)
        XCTAssertTrue(html.contains("<li>[ ]特許（空白なしは対象外）</li>"), html)
    }

    func testLooseTaskListPutsTheBoxInsideTheParagraph() {
        let document = MarkdownDocument(parsing: "3. [x] 済み\n\n4. 続き\n")
        XCTAssertEqual(document.html { _ in .broken(label: "") },
                       "<ol class=\"tasklist\" start=\"3\">\n<li class=\"task\">\n<p><input type=\"checkbox\" disabled checked> 済み</p>\n</li>\n<li>\n<p>続き</p>\n</li>\n</ol>\n")
        XCTAssertEqual(document.taskItems.map(\.text), ["済み"])
    }

    func testTaskTextIsTheFirstParagraphOnly() {
        let document = MarkdownDocument(parsing: "- [ ] 送る\n  次の行も\n\n  別の段落\n  - [x] 子\n")
        XCTAssertEqual(document.taskItems.map(\.text), ["送る次の行も", "子"])
    }
}

final class HeadingTests: XCTestCase {
    private func ids(_ source: String) -> [String] {
        MarkdownDocument(parsing: source).headings.map(\.id)
    }

    func testJapaneseHeadingKeepsItsText() {
        let document = MarkdownDocument(parsing: "## 見立て\n")
        XCTAssertEqual(document.html { _ in .broken(label: "") }, "<h2 id=\"見立て\">見立て</h2>\n")
        XCTAssertEqual(document.headings, [Heading(level: 2, text: "見立て", id: "見立て", line: 1)])
    }

    func testDuplicatesGetNumberedInOrder() {
        XCTAssertEqual(ids("## 見立て\n## 見立て\n## 見立て\n"), ["見立て", "見立て-1", "見立て-2"])
        XCTAssertEqual(ids("## a-1\n## a\n## a\n"), ["a-1", "a", "a-2"])
    }

    func testNormalisationAndPunctuation() {
        XCTAssertEqual(ids("# ＡＢＣ Company!\n"), ["abc-company"])
        XCTAssertEqual(ids("# ｶﾀｶﾅ と ひらがな\n"), ["カタカナ-と-ひらがな"])
        XCTAssertEqual(ids("# `API` と *設計*・方針\n"), ["api-と-設計方針"])
        XCTAssertEqual(ids("# ?!\n#\n"), ["section", "section-1"])
        XCTAssertEqual(ids("# 第１回 -- 2026年\n"), ["第1回-2026年"])
        XCTAssertEqual(ids("# Ελληνικά Русский\n"), ["ελληνικά-русский"])
    }

    func testEscapesHostileHeadingText() {
        let html = MarkdownDocument(parsing: "# a \"<b>\" &amp;\n").html { _ in .broken(label: "") }
        XCTAssertEqual(html, "<h1 id=\"a\">a &quot;<!-- raw HTML omitted -->&quot; &amp;</h1>\n")
    }

    func testIDsOffStillReportsThem() {
        let document = MarkdownDocument(parsing: "Setext 見出し\n===\n", options: MarkdownOptions(headingIDs: false))
        XCTAssertEqual(document.html { _ in .broken(label: "") }, "<h1>Setext 見出し</h1>\n")
        XCTAssertEqual(document.headings, [Heading(level: 1, text: "Setext 見出し", id: "setext-見出し", line: 1)])
    }
}
