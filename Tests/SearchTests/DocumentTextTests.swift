import Foundation
import XCTest
@testable import Search

/// The indexing fast path (Foundation's NFKC only for the runs that need it) gives exactly what
/// NFKC of the whole field gives, with whitespace collapsed — for Japanese text with half-width
/// kana and voiced marks, full-width Latin, squared words and decomposed Latin.
final class DocumentTextTests: XCTestCase {
    /// The rule written the obvious way: NFKC of the whole string, whitespace runs → one space
    /// (a line break when the run holds one).
    private func expected(_ field: String, nfkc: Bool = true) -> String {
        var out = ""
        var pending = false, lineBreak = false
        for s in (nfkc ? SearchNormalizer.foundationNFKC(field) : field).unicodeScalars {
            if SearchCharacters.isSpace(s.value) {
                pending = !out.isEmpty
                if pending && SearchCharacters.isLineBreak(s.value) { lineBreak = true }
                continue
            }
            if pending { out.unicodeScalars.append(lineBreak ? "\n" : " ") }
            pending = false
            lineBreak = false
            out.unicodeScalars.append(s)
        }
        return out
    }

    private func stored(_ field: String) throws -> String {
        let text = DocumentText(SearchDocument(url: "a.html", title: field, type: "visit"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.jsonFields[0]), options: [.fragmentsAllowed]) as? String)
    }

    func testRunWiseNFKCEqualsWholeStringNFKC() throws {
        let cases = [
            "ﾊﾟｿｺﾝで開放特許を検索", "か\u{3099}いしゃ", "は゛なし", "ｶﾞｲﾄﾞ　ＩＰ１０月", "㍿みなと精機", "cafe\u{301} と Café",
            "ＡＢＣ１２３\u{3000}\u{3000}テスト", "  前後に空白  ", "ｳﾞｨﾝﾃｰｼﾞ", "㌔㍍ の単位", "İstanbul ẞ", "𠮷野家 ﾟ",
            "ﾃﾞｰﾀ\u{3099}", "ア\u{309A}", "①②③ ⅰⅱ", "\u{FEFF}見出し\u{2028}改行",
        ]
        var generator = CorpusGenerator(seed: 99)
        var fields = cases
        for _ in 0..<300 { fields.append(generator.text(pieces: 12)) }
        for field in fields {
            XCTAssertEqual(try stored(field), expected(field), field.debugDescription)
            let text = DocumentText(SearchDocument(url: "a.html", title: field, type: "visit"))
            let lowered = SearchNormalizer.normalize(expected(field)).unicodeScalars.map { $0 == "\n" ? 0x20 : $0.value }
            XCTAssertEqual(Array(text.scalars.prefix(lowered.count)), lowered, field.debugDescription)
            // The restores lead from the stored text back to the field as written.
            let written = WrittenText(stored: Array(try stored(field).unicodeScalars), restores: text.restores[0])
            XCTAssertEqual(String(String.UnicodeScalarView(written.scalars)), expected(field, nfkc: false), field.debugDescription)
        }
    }

    /// One NFKC run cache (and scratch room) shared by many documents, as each analysis thread
    /// does, gives what a fresh text per document gives — also after a run too long to keep.
    func testASharedRunCacheChangesNothing() throws {
        var generator = CorpusGenerator(seed: 100)
        let cache = NFKCRunCache()
        var seen = 0
        for (n, doc) in generator.documents(400).enumerated() {
            let shared = DocumentText(doc, cache: cache), fresh = DocumentText(doc)
            XCTAssertEqual(shared.scalars, fresh.scalars, doc.url)
            XCTAssertEqual(shared.jsonFields, fresh.jsonFields, doc.url)
            for (i, field) in ([doc.title] + doc.headings + [doc.body, doc.meta]).enumerated() {
                let stored = try JSONSerialization.jsonObject(with: Data(shared.jsonFields[i]), options: [.fragmentsAllowed]) as? String
                XCTAssertEqual(stored, expected(field), field.debugDescription)
            }
            seen += 1
            if n == 200 {
                let long = String(repeating: "ﾊﾟ", count: 40)
                let text = DocumentText(SearchDocument(url: "b.html", title: long, type: "visit"), cache: cache)
                XCTAssertEqual(text.jsonFields[0], DocumentText(SearchDocument(url: "b.html", title: long, type: "visit")).jsonFields[0])
            }
        }
        XCTAssertEqual(seen, 400)
    }

    func testFieldClassesFollowTitleHeadingsBody() {
        let text = DocumentText(SearchDocument(url: "a.html", title: "特許", type: "visit",
                                               headings: ["見立て"], body: "本文", meta: "精機"))
        // 特 許 \n 見 立 て \n 本 文 \n 精 機
        XCTAssertEqual((0..<text.scalars.count).map(text.fieldClass), [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    }
}
