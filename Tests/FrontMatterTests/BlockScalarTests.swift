import XCTest
@testable import FrontMatter

final class BlockScalarTests: XCTestCase {
    private func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        parse(text, file: file, line: line)?["s"]?.stringValue
    }

    func testLiteralChomping() {
        let body = "  一行目\n  二行目\n\n\nnext: 1\n"
        XCTAssertEqual(value("s: |\n" + body), "一行目\n二行目\n")
        XCTAssertEqual(value("s: |-\n" + body), "一行目\n二行目")
        XCTAssertEqual(value("s: |+\n" + body), "一行目\n二行目\n\n\n")
        XCTAssertEqual(parse("s: |+\n" + body)?["next"]?.value, .int(1))
    }

    func testFoldedChomping() {
        let body = "  first\n  line\n\n  second\n\n"
        XCTAssertEqual(value("s: >\n" + body), "first line\nsecond\n")
        XCTAssertEqual(value("s: >-\n" + body), "first line\nsecond")
        XCTAssertEqual(value("s: >+\n" + body), "first line\nsecond\n\n")
    }

    func testFoldingKeepsMoreIndentedLinesAndLeadingEmptyLines() {
        // The folding example of the YAML 1.2 specification (8.10).
        let text = "s: >\n\n  folded\n  line\n\n  next\n  line\n    * bullet\n\n    * list\n    * lines\n\n  last\n  line\n\n# Comment\n"
        XCTAssertEqual(value(text), "\nfolded line\nnext line\n  * bullet\n\n  * list\n  * lines\n\nlast line\n")
    }

    func testLiteralKeepsIndentationBeyondTheFirstLineAndSpecialCharacters() {
        let text = "s: |\n  def f():\n      return 1  # not a comment\n  key: value\n  - item\n  \t tab\nafter: x\n"
        XCTAssertEqual(value(text), "def f():\n    return 1  # not a comment\nkey: value\n- item\n\t tab\n")
    }

    func testExplicitIndentationIndicator() {
        XCTAssertEqual(value("s: |2\n    leading spaces\n  kept\n"), "  leading spaces\nkept\n")
        XCTAssertEqual(value("s: |-2\n   x\n"), " x")
        XCTAssertEqual(value("s: >2-\n   x\n"), " x")
        assertTree("- |1\n  explicit\n", .seq([.string(" explicit\n")]))
    }

    func testHeaderMayCarryAComment() {
        XCTAssertEqual(value("s: | # 振り返り\n  text\n"), "text\n")
    }

    func testEmptyBlockScalars() {
        assertTree("s: |\nnext: 1", .map([("s", .string("")), ("next", .int(1))]))
        assertTree("s: |+\n\n\n", .map([("s", .string("\n\n"))]))
        assertTree("s: >-\n", .map([("s", .string(""))]))
    }

    func testBlockScalarInsideASequenceOfMappings() throws {
        let text = """
            referrals:
              - to: ip-coordinator
                note: |
                  開放特許の候補を3件紹介
                  次回までに資料を送る
                status: introduced
            """
        let node = try XCTUnwrap(parse(text))
        let referral = try XCTUnwrap(node["referrals"]?.items?.first)
        XCTAssertEqual(referral["note"]?.stringValue, "開放特許の候補を3件紹介\n次回までに資料を送る\n")
        XCTAssertEqual(referral["note"]?.location, loc(3, 11))
        XCTAssertEqual(referral["status"]?.stringValue, "introduced")
    }

    func testBlockScalarLinesWithCRLF() {
        XCTAssertEqual(value("s: |\r\n  a\r\n  b\r\nt: 1\r\n"), "a\nb\n")
    }

    func testBlockScalarEndsAtALessIndentedComment() {
        assertTree("s: |\n  a\n# comment\nt: 1", .map([("s", .string("a\n")), ("t", .int(1))]))
    }

    func testBlockScalarErrors() {
        assertError("s: | text", at: loc(1, 6), containing: "next line")
        assertError("s: |0\n  x", at: loc(1, 5), containing: "1-9")
        assertError("s: |--\n  x", at: loc(1, 6))
        assertError("s: |\n    a\n  b\n", at: loc(3, 3), containing: "indentation")
        assertError("s: |\n  a\n\tb: 1\n", at: loc(3, 1), containing: "tab")
    }
}
