import Seeded
import Markdown
import XCTest

/// Random notes with containers, continuation lines, entities and escapes: every wiki link found must
/// point (line, column in Unicode scalars) exactly at its own `[[target` in the source.
final class WikiLinkPositionPropertyTests: XCTestCase {
    private let prefixes = ["", "", "> ", ">  ", "- ", "  ", "   ", "1. ", "> > ", "\t", "> - ", "[r]: /u\n"]
    private let tokens = ["文字", "word", "&amp;", "&ouml;", "&NotEqualTilde;", "\\*", "\\[", "*em*", "**強調**",
                          "`code`", " ", "　", "&#91;", "<b>", "[link](/u)", "*", "_", "ｶﾅ", "\t", "[r]", "***", "<http://a.b>"]
    private let lineEnds = ["\n", "\n", "\n\n", "  \n", "\\\n", "\n---\n", "\n===\n", "\r\n"]

    func testReportedPositionsPointAtTheLink() {
        var generator = SeededRandom(seed: 0xDE45_0002)
        var checked = 0
        for _ in 0..<2000 {
            var source = ""
            var serial = 0
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                source += prefixes.randomElement(using: &generator) ?? ""
                for _ in 0..<Int.random(in: 1...8, using: &generator) {
                    if Int.random(in: 0..<4, using: &generator) == 0 {
                        serial += 1
                        source += Bool.random(using: &generator) ? "[[t\(serial)]]" : "[[t\(serial)|ラベル]]"
                    } else {
                        source += tokens.randomElement(using: &generator) ?? ""
                    }
                }
                source += lineEnds.randomElement(using: &generator) ?? "\n"
            }
            let lines = source.replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
            for link in MarkdownDocument(parsing: source).wikiLinks {
                guard link.line >= 1, link.line <= lines.count else {
                    XCTFail("line \(link.line) out of range in \(source.debugDescription)")
                    continue
                }
                let line = lines[link.line - 1].unicodeScalars
                let at = line.dropFirst(link.column - 1)
                XCTAssertTrue(String(at).hasPrefix("[[\(link.target)"),
                              "\(link) points at \(String(at).prefix(12).debugDescription) in \(source.debugDescription)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }
}
