import Markdown
import XCTest

final class ConformanceTests: XCTestCase {
    private let specOptions = MarkdownOptions(unsafeHTML: true, headingIDs: false, extensions: false)

    func testAllCommonMarkExamplesPass() throws {
        let examples = try Conformance.commonMarkExamples()
        XCTAssertEqual(examples.count, 652)
        var failures: [String] = []
        for example in examples {
            let document = MarkdownDocument(parsing: example.markdown, options: specOptions)
            let rendered = document.html { _ in .broken(label: "") }
            if Conformance.normalize(rendered) != Conformance.normalize(example.html) {
                failures.append("example \(example.example) (\(example.section)):\n"
                                + "expected \(example.html.debugDescription)\ngot      \(rendered.debugDescription)")
            }
        }
        XCTAssertEqual(examples.count - failures.count, 652, failures.joined(separator: "\n\n"))
    }

    /// With no extension in play our renderer is cmark's renderer, byte for byte.
    func testExamplesMatchCmarkByteForByte() throws {
        for example in try Conformance.commonMarkExamples() {
            for unsafe in [true, false] {
                let options = MarkdownOptions(unsafeHTML: unsafe, headingIDs: false, extensions: false)
                let ours = MarkdownDocument(parsing: example.markdown, options: options).html { _ in .broken(label: "") }
                let reference = MarkdownDocument.cmarkReferenceHTML(example.markdown, unsafe: unsafe)
                if example.markdown.contains("data:image") { continue } // we blank all data: URLs, cmark keeps images
                XCTAssertEqual(ours, reference, "example \(example.example), unsafe: \(unsafe)")
            }
        }
    }

    /// Information, not a requirement: what densho's extensions change in the spec's examples.
    func testReportExamplesChangedByExtensions() throws {
        let options = MarkdownOptions(unsafeHTML: true, headingIDs: false, extensions: true)
        var changed: [String] = []
        for example in try Conformance.commonMarkExamples() {
            let rendered = MarkdownDocument(parsing: example.markdown, options: options)
                .html { .broken(label: $0.target) }
            if Conformance.normalize(rendered) != Conformance.normalize(example.html) {
                changed.append("\(example.example) [\(example.section)] \(example.markdown.debugDescription)")
            }
        }
        print("Extensions change \(changed.count) of 652 spec examples:\n" + changed.joined(separator: "\n"))
        XCTAssertLessThan(changed.count, 652)
    }
}
