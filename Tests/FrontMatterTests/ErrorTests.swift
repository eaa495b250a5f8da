import XCTest
@testable import FrontMatter

/// Every rejected construct, each with the exact line:column of the offending character.
final class ErrorTests: XCTestCase {
    func testAnchorsAliasesTagsAndDirectives() {
        assertError("a: &anchor 1", at: loc(1, 4), containing: "anchors")
        assertError("a: 1\nb: *anchor", at: loc(2, 4), containing: "aliases")
        assertError("a: !!str 1", at: loc(1, 4), containing: "tags")
        assertError("- !local x", at: loc(1, 3), containing: "tags")
        assertError("a: [1, &x 2]", at: loc(1, 8), containing: "anchors")
        assertError("&a key: v", at: loc(1, 1), containing: "anchors")
        assertError("%YAML 1.2\na: 1", at: loc(1, 1), containing: "directives")
        assertError("a: @home", at: loc(1, 4), containing: "reserved")
        assertError("a: `x`", at: loc(1, 4), containing: "reserved")
    }

    func testDocumentMarkers() {
        assertError("a: 1\n---\nb: 2", at: loc(2, 1), containing: "document")
        assertError("a: 1\n...\n", at: loc(2, 1), containing: "document")
        assertError("---\na: 1", at: loc(1, 1), containing: "document")
        assertError("s: |\n  a\n---\n", at: loc(3, 1), containing: "document")
        assertTree("a: ---x\nb: '---'", .map([("a", .string("---x")), ("b", .string("---"))]))
    }

    func testTabsInIndentation() {
        assertError("a:\n\tb: 1", at: loc(2, 1), containing: "tab")
        assertError("a:\n  \tb: 1", at: loc(2, 3), containing: "tab")
        assertError("a: [x,\n\ty]", at: loc(2, 1), containing: "tab")
    }

    func testDuplicateKeys() {
        assertError("name: a\nkana: b\nname: c", at: loc(3, 1), containing: "first defined at line 1")
        assertError("a:\n  x: 1\n  'x': 2", at: loc(3, 3), containing: "duplicate key 'x'")
        assertError("a: {k: 1, k: 2}", at: loc(1, 11), containing: "duplicate")
        assertError("- 名前: a\n  名前: b", at: loc(2, 3), containing: "duplicate")
        assertTree("a: {k: 1}\nb: {k: 2}\nc:\n  - k: 1\n  - k: 2", .map([
            ("a", .map([("k", .int(1))])), ("b", .map([("k", .int(2))])),
            ("c", .seq([.map([("k", .int(1))]), .map([("k", .int(2))])])),
        ]))
    }

    func testBadIndentation() {
        assertError("a: 1\n  b: 2", at: loc(2, 3), containing: "indentation")
        assertError("a:\n    b: 1\n  c: 2", at: loc(3, 3), containing: "indentation")
        assertError("note: 一行目\n  二行目", at: loc(2, 3), containing: "'|' or '>'")
        assertError("- a\n - b", at: loc(2, 2), containing: "indentation")
        assertError("- name: x\n role: y", at: loc(2, 2), containing: "indentation")
        assertError("  a: 1\nb: 2", at: loc(2, 1), containing: "does not belong")
        assertError("- a\nb: 1", at: loc(2, 1), containing: "does not belong")
    }

    func testUnterminatedQuotes() {
        assertError("a: \"abc\nb: 1", at: loc(1, 4), containing: "unterminated double-quoted")
        assertError("a: 1\nb: 'it's", at: loc(2, 8), containing: "unexpected 's'")
        assertError("b: 'abc", at: loc(1, 4), containing: "unterminated single-quoted")
        assertError("\"key: 1", at: loc(1, 1), containing: "unterminated")
        assertError("a: [\"x]", at: loc(1, 5), containing: "unterminated")
        assertError("a: \"x\\", at: loc(1, 6), containing: "'\\'")
    }

    func testBadEscapes() {
        assertError(#"a: "x\qy""#, at: loc(1, 6), containing: "unknown escape")
        assertError(#"a: "日本\u12""#, at: loc(1, 7), containing: "4 hexadecimal")
        assertError(#"a: "\uD800""#, at: loc(1, 5), containing: "Unicode")
        assertError(#"a: "\U00110000""#, at: loc(1, 5), containing: "Unicode")
    }

    func testUnclosedFlowCollections() {
        assertError("a: [x, y\nb: 1", at: loc(1, 4), containing: "never closed")
        assertError("a: {k: v", at: loc(1, 4), containing: "never closed")
        assertError("a: [x, [y]", at: loc(1, 4), containing: "never closed")
        assertError("a: [\"x\" y]", at: loc(1, 9), containing: "expected ','")
        assertError("a: [x,, y]", at: loc(1, 7), containing: "unexpected ','")
        assertError("a: [x]]", at: loc(1, 7), containing: "unexpected ']'")
        assertError("a: [x: y]", at: loc(1, 6), containing: "':'")
        assertError("a: {k}", at: loc(1, 6), containing: "expected ':'")
        assertError("a: {[k]: v}", at: loc(1, 5), containing: "key")
        assertError("a: [- x]", at: loc(1, 5), containing: "'-'")
        assertError("a: [|]", at: loc(1, 5), containing: "block scalars")
    }

    func testMisplacedColonsAndMissingSpaces() {
        assertError("key: a: b", at: loc(1, 7), containing: "quoted")
        assertError("a: 1\nkey:value", at: loc(2, 1), containing: "followed by a space")
        assertError("a: 1\n名前：山田", at: loc(2, 3), containing: "full-width colon")
        assertError("a: 1\n名前 山田", at: loc(2, 1), containing: "key: value")
        assertError(": value", at: loc(1, 1), containing: "key is missing")
        assertError("a: \"x\"#c", at: loc(1, 7), containing: "space before '#'")
        assertError("a: 'x' y", at: loc(1, 8), containing: "'y'")
    }

    func testMisplacedStructure() {
        assertError("a: - x", at: loc(1, 4), containing: "next line")
        assertError("a: 1\n- x", at: loc(2, 1), containing: "sequence item")
        assertError("? complex\n: key", at: loc(1, 1), containing: "complex keys")
        assertError("a: ]", at: loc(1, 4))
    }

    func testIntegersOutOfRange() {
        assertError("a: 99999999999999999999", at: loc(1, 4), containing: "out of range")
        assertTree("a: '99999999999999999999'", .map([("a", .string("99999999999999999999"))]))
    }

    func testErrorsUseTheShiftedFileLine() {
        assertError("a: 1\nb: &x 2", at: loc(3, 4), firstLine: 2)
        assertError("a: 1\nd: 2026-02-30", at: loc(11, 4), firstLine: 10)
    }

    func testNestingDepthIsCapped() {
        let okDepth = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertNoThrow(try YAML.parse(okDepth))
        let tooDeep = String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        assertError(tooDeep, at: loc(1, 101), containing: "deeper than 100")
        var block = ""
        for level in 0..<120 { block += String(repeating: " ", count: level) + "k\(level):\n" }
        assertError(block, at: loc(101, 101), containing: "deeper")
    }

    func testErrorDescription() {
        XCTAssertEqual(YAMLError(message: "boom", location: loc(3, 7)).description, "3:7: boom")
    }
}
