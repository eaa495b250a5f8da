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
        var generator = SplitMix64(seed: 0xDE45_0001)
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

/// A small deterministic generator, so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
