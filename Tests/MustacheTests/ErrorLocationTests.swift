import Mustache
import XCTest

final class ErrorLocationTests: XCTestCase {
    private func compileError(_ source: String, name: String = "page.mustache",
                              file: StaticString = #filePath, line: UInt = #line) -> MustacheError? {
        do {
            _ = try MustacheTemplate(source, name: name)
            XCTFail("expected a syntax error", file: file, line: line)
        } catch let error as MustacheError {
            return error
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
        }
        return nil
    }

    func testUnclosedTagPointsAtItsOpeningDelimiter() {
        let error = compileError("<h1>\n  {{title</h1>\n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.description, "page.mustache:2:3: error: unclosed tag: expected '}}'")
    }

    func testColumnsCountCharactersNotBytes() {
        let error = compileError("株式会社〇〇精機 {{name")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 10)
    }

    func testMismatchedSectionPointsAtTheClosingTagAndNamesTheOpening() {
        let error = compileError("{{#visits}}\n  {{date}}\n{{/visit}}\n")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 1)
        XCTAssertEqual(error?.message, "closing tag {{/visit}} does not match {{#visits}} opened at 1:1")
    }

    func testUnclosedSectionPointsAtTheOpeningTag() {
        let error = compileError("a\n b {{^empty}}\nc")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 4)
        XCTAssertEqual(error?.message, "{{^empty}} is never closed (expected {{/empty}})")
    }

    func testUnexpectedClosingTag() {
        let error = compileError("text {{/done}}")
        XCTAssertEqual(error?.column, 6)
        XCTAssertEqual(error?.message, "closing tag {{/done}} has no matching opening tag")
    }

    func testUnclosedParentAndBlock() {
        XCTAssertEqual(compileError("{{<layout}}{{$content}}x{{/content}}")?.message,
                       "{{<layout}} is never closed (expected {{/layout}})")
        XCTAssertEqual(compileError("{{$content}}x")?.column, 1)
    }

    func testBadDelimiters() {
        let single = compileError("ok\n{{=<% =}}")
        XCTAssertEqual(single?.line, 2)
        XCTAssertEqual(single?.column, 1)
        XCTAssertTrue(single?.message.contains("exactly two delimiters") ?? false)
        XCTAssertTrue(compileError("{{=<% %>")?.message.contains("unclosed tag") ?? false)
        XCTAssertTrue(compileError("{{=a= b=}}")?.message.contains("'='") ?? false)
    }

    func testChangedDelimitersAreUsedInMessages() {
        let error = compileError("{{=<% %>=}}\n<% name ")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.message, "unclosed tag: expected '%>'")
    }

    func testEmptyAndSpacedNames() {
        XCTAssertEqual(compileError("{{ }}")?.message, "empty tag: a name is required")
        XCTAssertEqual(compileError("x {{#a b}}{{/a b}}")?.message, "tag name 'a b' must not contain whitespace")
    }

    func testUnnamedTemplateStillHasAReadableLocation() {
        XCTAssertEqual(compileError("{{#a}}", name: "")?.description,
                       "<template>:1:1: error: {{#a}} is never closed (expected {{/a}})")
    }

    func testEndlessPartialRecursionIsAnErrorNotACrash() throws {
        let library = try MustacheLibrary(templates: ["loop": "x\n{{>loop}}"])
        XCTAssertThrowsError(try library.render("loop", [:])) { error in
            let error = error as? MustacheError
            XCTAssertEqual(error?.template, "loop")
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.column, 1)
            XCTAssertTrue(error?.message.contains("100 levels") ?? false)
        }
    }

    func testEndlessParentRecursionIsAnError() throws {
        let library = try MustacheLibrary(templates: ["a": "{{<b}}{{/b}}", "b": "{{<a}}{{$x}}y{{/x}}{{/a}}"])
        XCTAssertThrowsError(try library.render("a", [:]))
    }

    func testRecursionWithinTheCapRenders() throws {
        // A 50-level tree rendered through a recursive partial stays under the cap.
        var tree: MustacheValue = ["name": "葉", "children": []]
        for level in 0..<50 { tree = ["name": .string("L\(level)"), "children": [tree]] }
        let library = try MustacheLibrary(templates: ["node": "{{name}}({{#children}}{{>node}}{{/children}})"])
        let output = try library.render("node", tree)
        XCTAssertTrue(output.hasPrefix("L49(L48("))
        XCTAssertTrue(output.contains("葉()"))
    }
}
