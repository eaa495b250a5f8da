import Markdown
import XCTest

final class PlainTextNamingTests: XCTestCase {
    func testLabelLessWikiLinksTakeTheNameTheSiteGives() {
        let doc = MarkdownDocument(parsing: "## 見立て\n[[shinkin]]と[[ip|知財の窓口]]に相談。\n\n## 次の一手\n[[missing]]へ連絡\n")
        let names: (WikiLink) -> String? = { $0.target == "shinkin" ? "みなと川信用金庫" : nil }
        XCTAssertEqual(doc.plainText(names), "見立て\nみなと川信用金庫と知財の窓口に相談。\n次の一手\nmissingへ連絡")
        XCTAssertEqual(doc.plainText(section: 0, names), "みなと川信用金庫と知財の窓口に相談。")
        XCTAssertEqual(doc.plainText(section: 1, names), "missingへ連絡")
        XCTAssertEqual(doc.plainText, "見立て\nshinkinと知財の窓口に相談。\n次の一手\nmissingへ連絡", "the stored text is unchanged")
    }
}
