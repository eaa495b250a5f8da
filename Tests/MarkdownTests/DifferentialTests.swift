import Seeded
import Markdown
import XCTest

/// Random Markdown, rendered by us (extensions off) and by cmark_render_html: they must agree byte for byte.
final class DifferentialTests: XCTestCase {
    private let fragments = [
        "*", "_", "**", "__", "`", "``", "[", "]", "(", ")", "<", ">", "&amp;", "&#91;", "&ouml;", "&bogus;",
        "\\", "\\[", "\n", "\n\n", "- ", "* ", "1. ", "3) ", "> ", "# ", "## ", "    ", "\t", "```", "~~~ js\n",
        "<div>", "</div>", "<span class='x'>", "<!-- c -->", "[x]: /u 'T'", "[x]", "![i](/p \"t\")",
        "[l](javascript:alert(1))", "[l](</a b> \"t\")", "<http://x.y/?a=1&b='2'>", "<a@b.c>", "http://a.b",
        "日本語", "〇〇精機", "ＡＢＣ", "é", "'", "\"", "---", "===", "|", "  \n", "word", " ", "~", "%", "{}",
    ]

    func testRandomDocumentsMatchCmark() {
        var generator = SeededRandom(seed: 0xDE45_0001)
        for round in 0..<1500 {
            var source = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                source += fragments.randomElement(using: &generator) ?? ""
            }
            for unsafe in [false, true] {
                let options = MarkdownOptions(unsafeHTML: unsafe, headingIDs: false, extensions: false)
                let ours = MarkdownDocument(parsing: source, options: options).html { _ in .broken(label: "") }
                let reference = MarkdownDocument.cmarkReferenceHTML(source, unsafe: unsafe)
                XCTAssertEqual(ours, reference, "round \(round), unsafe \(unsafe), source \(source.debugDescription)")
                if ours != reference { return }
            }
        }
    }
}
