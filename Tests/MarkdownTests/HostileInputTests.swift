import Dispatch
import Foundation
import Markdown
import XCTest

/// Deep nesting, huge notes and cmark's pathological inputs must finish and still produce HTML.
final class HostileInputTests: XCTestCase {
    private func render(_ source: String) -> (MarkdownDocument, String) {
        let document = MarkdownDocument(parsing: source)
        return (document, document.html { .broken(label: $0.target) })
    }

    private func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    func testTenThousandNestedBlockquotes() {
        let (document, html) = render(String(repeating: "> ", count: 10_000) + "深い [[底]]\n")
        XCTAssertEqual(count("<blockquote>", in: html), 10_000)
        XCTAssertTrue(html.contains("深い <span class=\"wikilink broken\">底</span>"))
        XCTAssertEqual(document.wikiLinks.first?.column, 20_004)
    }

    func testTenThousandNestedListItems() {
        let (document, html) = render(String(repeating: "- ", count: 10_000) + "[ ] 約束\n")
        XCTAssertEqual(count("<li", in: html), 10_000)
        XCTAssertEqual(document.taskItems.map(\.text), ["約束"])
    }

    func testTenThousandNestedLinesOfQuotesWithLazyContinuation() {
        var source = ""
        for depth in 1...2_000 { source += String(repeating: ">", count: depth) + " 行\(depth) [[x]]\n" }
        let (document, html) = render(source)
        XCTAssertEqual(document.wikiLinks.count, 2_000)
        XCTAssertEqual(document.wikiLinks.last?.line, 2_000)
        XCTAssertFalse(html.isEmpty)
    }

    func testTenMegabyteNote() {
        let block = "## 見立て\n訪問メモ [[marumaru-seiki|〇〇精機]] の**強調**と`code`。\n- [ ] 約束\n\n"
        let repetitions = 10_000_000 / block.utf8.count + 1
        let source = String(repeating: block, count: repetitions)
        let (document, html) = render(source)
        XCTAssertEqual(document.wikiLinks.count, repetitions)
        XCTAssertEqual(document.taskItems.count, repetitions)
        XCTAssertEqual(document.sections.count, repetitions)
        XCTAssertEqual(document.wikiLinks.last?.line, 4 * repetitions - 2)
        XCTAssertGreaterThan(html.utf8.count, source.utf8.count)
    }

    func testPathologicalInputsFinish() {
        let inputs = [
            String(repeating: "*a ", count: 30_000),
            String(repeating: "*", count: 20_000) + "a" + String(repeating: "*", count: 20_000),
            String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000),
            String(repeating: "[[", count: 30_000) + "x" + String(repeating: "]]", count: 30_000),
            String(repeating: "[[a|", count: 30_000),
            String(repeating: "[[a]b", count: 30_000),
            String(repeating: "`", count: 30_000) + String(repeating: "a`", count: 30_000),
            String(repeating: "&#91;", count: 30_000) + "[[x]]",
            String(repeating: "\\[", count: 30_000) + "[[x]]",
            String(repeating: "![", count: 20_000) + "a" + String(repeating: "](b)", count: 20_000),
            String(repeating: "_a *b ", count: 20_000),
            String(repeating: "<a", count: 30_000),
            String(repeating: "a]", count: 30_000) + String(repeating: "[[", count: 30_000),
        ]
        for input in inputs {
            let (document, html) = render(input)
            XCTAssertFalse(html.isEmpty, String(input.prefix(20)))
            XCTAssertLessThanOrEqual(document.wikiLinks.count, 1)
        }
        XCTAssertEqual(render(String(repeating: "&#91;", count: 30_000) + "[[x]]").0.wikiLinks.first?.column, 150_001)
    }

    /// Split wiki links cost a second parse, once per note however many there are; open ones that
    /// never close cost one look per text.
    func testManySplitWikiLinksStayLinear() {
        let (closed, html) = render(String(repeating: "[[会社*名*|<b>ラベル</b>]] ", count: 20_000))
        XCTAssertEqual(closed.wikiLinks.count, 20_000)
        XCTAssertEqual(closed.wikiLinks.last?.column, 19_999 * 21 + 1)
        XCTAssertEqual(count("wikilink broken", in: html), 20_000)
        let (open, _) = render(String(repeating: "[[*a* <i>", count: 20_000) + "]]")
        XCTAssertEqual(open.wikiLinks.count, 1)
    }

    /// Inputs where cmark's positions are off on every line, so the locator has to search.
    func testPositionSearchStaysLinear() {
        let hardBreaks = String(repeating: "前\\\n[[x]] *a* [[y]]\\\n", count: 20_000)
        let (breaksDocument, _) = render(hardBreaks)
        XCTAssertEqual(breaksDocument.wikiLinks.count, 40_000)
        XCTAssertEqual(breaksDocument.wikiLinks.last.map { [$0.line, $0.column] }, [40_000, 11])
        let lazyIndent = "> a\n" + String(repeating: " ", count: 200_000) + String(repeating: "[[x]]*a*", count: 20_000)
        let (lazyDocument, html) = render(lazyIndent)
        XCTAssertEqual(lazyDocument.wikiLinks.count, 20_000)
        XCTAssertEqual(lazyDocument.wikiLinks.first.map { [$0.line, $0.column] }, [2, 200_001])
        XCTAssertFalse(html.isEmpty)
    }

    /// Documents are values: parsing and rendering from many threads gives the same results.
    func testConcurrentParsingMatchesSerial() {
        let sources = (0..<64).map { "## 第\($0)回\n[[company-\($0)|会社\($0)]] - [ ] 約束\($0)\n\n- [x] 済み\n" }
        let serial = sources.map { MarkdownDocument(parsing: $0).html { .text(label: $0.target) } }
        let results = ResultBox(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            results.set(index, MarkdownDocument(parsing: sources[index]).html { .text(label: $0.target) })
        }
        XCTAssertEqual(results.values, serial)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]
    init(count: Int) { storage = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.lock(); storage[index] = value; lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}
