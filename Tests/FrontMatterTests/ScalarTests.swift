import XCTest
@testable import FrontMatter

final class ScalarTests: XCTestCase {
    func testPlainStringsKeepJapaneseAndFullWidthColon() {
        assertTree("""
            note: 二代目。試作の速さが強み。
            名前 ：山田: 全角コロンは区切りではない
            url: http://example.com:8080/path
            mixed: ＡＢＣ abc ｶﾀｶﾅ 123
            """, .map([
                ("note", .string("二代目。試作の速さが強み。")),
                ("名前 ：山田", .string("全角コロンは区切りではない")),
                ("url", .string("http://example.com:8080/path")),
                ("mixed", .string("ＡＢＣ abc ｶﾀｶﾅ 123")),
            ]))
    }

    /// Where a key is expected, `名前：山田` is a key typed with an IME's colon: a located slip
    /// (see TypingSlipTests), not a string. As a value it stays text.
    func testFullWidthColonAloneIsNotAKey() {
        assertError("名前：山田", at: loc(1, 3), containing: "full-width colon")
        guard let node = parse("- 名前：山田") else { return }
        XCTAssertEqual(node.items?.first?.value, .string("名前：山田"))
    }

    func testIntegers() {
        assertTree("a: 35\nb: -5\nc: +7\nd: 0\ne: 007\nf: 9223372036854775807", .map([
            ("a", .int(35)), ("b", .int(-5)), ("c", .int(7)), ("d", .int(0)), ("e", .int(7)),
            ("f", .int(Int.max)),
        ]))
    }

    func testNumbersThatAreNotDecimalIntegersStayStrings() {
        assertTree("a: 1.5\nb: 1e3\nc: 0x1F\nd: 1_000\ne: 12a\nf: '-'\ng: 3,000", .map([
            ("a", .string("1.5")), ("b", .string("1e3")), ("c", .string("0x1F")), ("d", .string("1_000")),
            ("e", .string("12a")), ("f", .string("-")), ("g", .string("3,000")),
        ]))
    }

    func testBooleansOnlyInTheThreeSpellings() {
        assertTree("a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: yes\nh: tRUE\ni: on", .map([
            ("a", .bool(true)), ("b", .bool(true)), ("c", .bool(true)),
            ("d", .bool(false)), ("e", .bool(false)), ("f", .bool(false)),
            ("g", .string("yes")), ("h", .string("tRUE")), ("i", .string("on")),
        ]))
    }

    func testNulls() {
        assertTree("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: # comment\ng: nil", .map([
            ("a", .null), ("b", .null), ("c", .null), ("d", .null), ("e", .null), ("f", .null),
            ("g", .string("nil")),
        ]))
    }

    func testEmptyValueIsLocatedAfterTheColon() {
        guard let node = parse("owner:\nsince: 2019-04-01") else { return }
        XCTAssertEqual(node["owner"]?.value, .null)
        XCTAssertEqual(node["owner"]?.location, loc(1, 7))
    }

    func testDates() {
        assertTree("a: 2026-10-14\nb: 2024-02-29\nc: 2000-02-29\nd: 2026-1-5\ne: 2026-12-31", .map([
            ("a", .date("2026-10-14")), ("b", .date("2024-02-29")), ("c", .date("2000-02-29")),
            ("d", .string("2026-1-5")), ("e", .date("2026-12-31")),
        ]))
    }

    func testImpossibleDatesAreErrorsAtTheValue() {
        assertError("title: x\nnext_visit: 2026-02-30\n", at: loc(2, 13), containing: "2026-02-30")
        assertError("d: 2026-13-01", at: loc(1, 4), containing: "month")
        assertError("d: 2026-00-10", at: loc(1, 4), containing: "month")
        assertError("d: 1900-02-29", at: loc(1, 4), containing: "day")
        assertError("d: 2026-04-31", at: loc(1, 4), containing: "01-30")
        assertError("d: 2026-01-00", at: loc(1, 4))
        assertError("- 2025-02-29", at: loc(1, 3))
        assertError("d: [2026-10-14, 2026-02-30]", at: loc(1, 17))
    }

    func testQuotedScalarsAreAlwaysStrings() {
        assertTree("""
            a: "123"
            b: '2026-02-30'
            c: "true"
            d: ''
            e: "~"
            """, .map([
                ("a", .string("123")), ("b", .string("2026-02-30")), ("c", .string("true")),
                ("d", .string("")), ("e", .string("~")),
            ]))
    }

    func testDoubleQuotedEscapes() {
        let text = #"s: "a\nb\tc\"d\\e\u65E5\u672C \U0001F600 \x41\/""#
        guard let node = parse(text) else { return }
        XCTAssertEqual(node["s"]?.stringValue, "a\nb\tc\"d\\e日本 😀 A/")
    }

    func testSingleQuotedDoublesItsQuote() {
        guard let node = parse("s: 'it''s # not a comment: really'") else { return }
        XCTAssertEqual(node["s"]?.stringValue, "it's # not a comment: really")
    }

    func testCommentsNeedPrecedingWhiteSpace() {
        assertTree("a: C# and F#   # languages\nb: x#y\n# full line\n  # indented full line\nc: 'q' # after quote", .map([
            ("a", .string("C# and F#")), ("b", .string("x#y")), ("c", .string("q")),
        ]))
    }

    func testKeysMayBeQuotedOrHaveSpaceBeforeTheColon() {
        assertTree("\"a: b\": 1\n'c d': 2\ne : 3\n\"\": 4\n担当者: 田中", .map([
            ("a: b", .int(1)), ("c d", .int(2)), ("e", .int(3)), ("", .int(4)), ("担当者", .string("田中")),
        ]))
    }

    func testKeysAreTextEvenWhenTheyLookTyped() {
        assertTree("1: a\ntrue: b\n2026-02-30: c", .map([
            ("1", .string("a")), ("true", .string("b")), ("2026-02-30", .string("c")),
        ]))
    }

    func testColumnsCountUnicodeScalars() {
        guard let node = parse("名前: 山田\n  \n会社: [株式会社, 〇〇]") else { return }
        XCTAssertEqual(node["名前"]?.location, loc(1, 5))
        XCTAssertEqual(node.entries?[1].keyLocation, loc(3, 1))
        XCTAssertEqual(node["会社"]?.items?[1].location, loc(3, 12))
    }

    func testScalarTextAndTypedAccessors() {
        guard let node = parse("a: 1968\nb: true\nc: 2026-10-14\nd: text\ne: ~\nf: [x]") else { return }
        XCTAssertEqual(node["a"]?.scalarText, "1968")
        XCTAssertNil(node["a"]?.stringValue)
        XCTAssertEqual(node["a"]?.intValue, 1968)
        XCTAssertEqual(node["b"]?.scalarText, "true")
        XCTAssertEqual(node["b"]?.boolValue, true)
        XCTAssertEqual(node["c"]?.scalarText, "2026-10-14")
        XCTAssertEqual(node["c"]?.dateValue, CalendarDate(year: 2026, month: 10, day: 14))
        XCTAssertEqual(node["d"]?.stringValue, "text")
        XCTAssertNil(node["e"]?.scalarText)
        XCTAssertEqual(node["e"]?.value, .null)
        XCTAssertNil(node["f"]?.scalarText)
        XCTAssertNil(node["missing"])
        XCTAssertNil(node["f"]?["x"])
    }
}
