import XCTest
@testable import FrontMatter

final class CollectionTests: XCTestCase {
    func testEmptyAndCommentOnlyDocumentsAreEmptyMappings() {
        for text in ["", "\n\n", "# only a comment\n  # another\n", "   "] {
            guard let node = parse(text) else { continue }
            XCTAssertEqual(node, YAMLNode(value: .mapping([]), location: loc(1, 1)), "for \(text.debugDescription)")
        }
        XCTAssertEqual(parse("", firstLine: 2)?.location, loc(2, 1))
    }

    func testNestedBlockMappings() {
        assertTree("""
            a:
              b:
                c: 1
              d: 2
            e: 3
            """, .map([("a", .map([("b", .map([("c", .int(1))])), ("d", .int(2))])), ("e", .int(3))]))
    }

    func testBlockSequencesIndentedOrAtTheKeyIndentation() {
        assertTree("""
            themes:
              - 知財活用
              - 海外展開
            staff:
            - tanaka
            - suzuki
            last: x
            """, .map([
                ("themes", .seq([.string("知財活用"), .string("海外展開")])),
                ("staff", .seq([.string("tanaka"), .string("suzuki")])),
                ("last", .string("x")),
            ]))
    }

    func testSequenceOfMappings() throws {
        let text = """
            contacts:
              - name: 山田 太郎
                role: 代表取締役
              - name: 佐藤
                tags:
                - a
                - b
                role: 技術部長
            """
        assertTree(text, .map([("contacts", .seq([
            .map([("name", .string("山田 太郎")), ("role", .string("代表取締役"))]),
            .map([("name", .string("佐藤")), ("tags", .seq([.string("a"), .string("b")])), ("role", .string("技術部長"))]),
        ]))]))
        let node = try XCTUnwrap(parse(text))
        let contacts = try XCTUnwrap(node["contacts"])
        XCTAssertEqual(contacts.location, loc(2, 3))
        XCTAssertEqual(contacts.items?[1].location, loc(4, 5))
        XCTAssertEqual(contacts.items?[1].entries?[2].keyLocation, loc(8, 5))
        XCTAssertEqual(contacts.items?[1]["role"]?.location, loc(8, 11))
    }

    func testNestedAndEmptySequenceItems() {
        assertTree("- - a\n  - b\n- \n-\n- # comment\n-\n  x", .seq([
            .seq([.string("a"), .string("b")]), .null, .null, .null, .string("x"),
        ]))
    }

    func testValueOnTheNextLine() {
        assertTree("a:\n  plain value\nb:\n  [1, 2]\n", .map([
            ("a", .string("plain value")), ("b", .seq([.int(1), .int(2)])),
        ]))
    }

    func testRootSequenceAndRootScalar() {
        assertTree("- 1\n- two", .seq([.int(1), .string("two")]))
        assertTree("# c\n  just text  # c", .string("just text"))
    }

    func testFlowSequences() {
        assertTree("""
            a: []
            b: [知財活用, 海外展開]
            c: [ "x, y" , 'z', 1, true, ~, 2026-10-14, ]
            d: [[1, 2], [], [[3]]]
            e: [http://x.jp/a, a:b]
            """, .map([
                ("a", .seq([])),
                ("b", .seq([.string("知財活用"), .string("海外展開")])),
                ("c", .seq([.string("x, y"), .string("z"), .int(1), .bool(true), .null, .date("2026-10-14")])),
                ("d", .seq([.seq([.int(1), .int(2)]), .seq([]), .seq([.seq([.int(3)])])])),
                ("e", .seq([.string("http://x.jp/a"), .string("a:b")])),
            ]))
    }

    func testFlowCollectionsMaySpanIndentedLines() {
        assertTree("""
            staff: [tanaka,   # 担当
              suzuki,

              sato]
            after: 1
            """, .map([
                ("staff", .seq([.string("tanaka"), .string("suzuki"), .string("sato")])),
                ("after", .int(1)),
            ]))
    }

    func testFlowMappings() {
        assertTree("""
            a: {}
            b: {name: 山田, role: "代表", since: 2019-04-01, tags: [x], empty: , last:}
            c: [{to: ip-coordinator, status: introduced}, {"q": 'v'}]
            """, .map([
                ("a", .map([])),
                ("b", .map([("name", .string("山田")), ("role", .string("代表")), ("since", .date("2019-04-01")),
                            ("tags", .seq([.string("x")])), ("empty", .null), ("last", .null)])),
                ("c", .seq([.map([("to", .string("ip-coordinator")), ("status", .string("introduced"))]),
                            .map([("q", .string("v"))])])),
            ]))
    }

    func testFlowLocations() throws {
        let node = try XCTUnwrap(parse("x: [a, {k: v}]"))
        XCTAssertEqual(node["x"]?.location, loc(1, 4))
        XCTAssertEqual(node["x"]?.items?[0].location, loc(1, 5))
        XCTAssertEqual(node["x"]?.items?[1].location, loc(1, 8))
        XCTAssertEqual(node["x"]?.items?[1].entries?[0].keyLocation, loc(1, 9))
        XCTAssertEqual(node["x"]?.items?[1]["k"]?.location, loc(1, 12))
    }

    func testKeyOrderIsKept() throws {
        let node = try XCTUnwrap(parse("z: 1\na: 2\nm: 3"))
        XCTAssertEqual(node.entries?.map(\.key), ["z", "a", "m"])
    }

    func testFirstLineShiftsEveryLocation() throws {
        let node = try XCTUnwrap(parse("a: 1\nb:\n  - x", firstLine: 2))
        XCTAssertEqual(node.location, loc(2, 1))
        XCTAssertEqual(node.entries?[1].keyLocation, loc(3, 1))
        XCTAssertEqual(node["b"]?.items?[0].location, loc(4, 5))
    }

    func testTabsAreFineAsSeparatorsButNotAsIndentation() {
        assertTree("a:\t1\nb: [x,\ty]\t# c", .map([("a", .int(1)), ("b", .seq([.string("x"), .string("y")]))]))
        assertTree("a: 1\n\t# tabbed comment\n\t\nb: 2", .map([("a", .int(1)), ("b", .int(2))]))
    }
}
