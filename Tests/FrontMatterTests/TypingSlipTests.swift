import Messages
import XCTest
@testable import FrontMatter

/// What an IME does to YAML: a full-width colon after a key, full-width spaces as indentation. Each is
/// reported on its own line, at the character, with a hint in Japanese.
final class TypingSlipTests: XCTestCase {
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
        do {
            _ = try YAML.parse(text, firstLine: 2)
            XCTFail("expected an error for \(text.debugDescription)", file: file, line: line)
        } catch let error as YAMLError {
            return error
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return nil
    }

    func testFullWidthColonOnTheFirstLineIsReportedThereWithAHint() throws {
        let found = try XCTUnwrap(error("date：2026-10-02\ncompany: sakura-kogyo\nstaff: [yamada]\n"))
        XCTAssertEqual(found.location, loc(2, 5))
        XCTAssertEqual(found.localized.id, .yamlFullWidthColon)
        XCTAssertTrue(found.localized.text(.ja).contains("全角のコロン「：」を半角「:」に"), found.localized.text(.ja))
        XCTAssertTrue(found.localized.text(.ja).contains("「date」"))
        XCTAssertTrue(found.message.contains("full-width colon"))
    }

    func testFullWidthColonBetweenKeysAndInsideAListItem() throws {
        XCTAssertEqual(error("company: sakura\n次回：2026-12-01\nstaff: [a]\n")?.location, loc(3, 3))
        XCTAssertEqual(error("referrals:\n  - to: ip-center\n    status：introduced\n")?.location, loc(4, 11))
        // A key that swallowed a later `: ` would be an unknown field; it is the same slip.
        XCTAssertEqual(error("note：開放特許: 3件\n")?.location, loc(2, 5))
    }

    func testFullWidthSpaceIndentationIsLocatedNotAnUnknownField() throws {
        let key = try XCTUnwrap(error("company: a\n　　note: メモ\n"))
        XCTAssertEqual(key.location, loc(3, 1))
        XCTAssertEqual(key.localized.id, .yamlFullWidthSpaceIndent)
        XCTAssertTrue(key.localized.text(.ja).contains("全角スペース"))
        XCTAssertEqual(error("referrals:\n　　- to: ip-center\n    status: introduced\n")?.location, loc(3, 1))
        XCTAssertEqual(error("company: a\n　　見立て\n")?.location, loc(3, 1))
        XCTAssertEqual(error("contacts:\n  - name: 山田\n  　role: 社長\n")?.location, loc(4, 3))
    }

    func testFullWidthCharactersInValuesAreNotSlips() throws {
        let node = try YAML.parse("""
        note: 注意：要確認
        themes:
          - 知財：特許
        memo: "行頭の　全角スペース"
        body: |
          　字下げした段落：本文
        title: 'a：b'
        """)
        XCTAssertEqual(node["note"]?.scalarText, "注意：要確認")
        XCTAssertEqual(node["themes"]?.items?.first?.scalarText, "知財：特許")
        XCTAssertEqual(node["body"]?.scalarText, "　字下げした段落：本文\n")
        XCTAssertEqual(node["title"]?.scalarText, "a：b")
    }

    func testEveryMessageHasBothLanguagesWithTheirArguments() {
        for id in MessageID.allCases where id != .verbatim {
            let arguments = (1...5).map { "«\($0)»" }
            let english = Message(id, arguments: arguments).text(.en)
            let japanese = Message(id, arguments: arguments).text(.ja)
            XCTAssertNotEqual(english, id.rawValue, "\(id) has no catalog entry")
            for text in [english, japanese] {
                XCTAssertNil(text.range(of: #"\{[0-9]\}"#, options: .regularExpression), "\(id) left a placeholder: \(text)")
            }
            XCTAssertFalse(english.unicodeScalars.contains { $0.value >= 0x3000 && $0.value <= 0x9FFF },
                           "\(id)'s English text holds Japanese: \(english)")
            XCTAssertTrue(japanese.unicodeScalars.contains { $0.value >= 0x3040 && $0.value <= 0x9FFF } || japanese == english,
                          "\(id)'s Japanese text is not Japanese: \(japanese)")
        }
        XCTAssertEqual(Message(.yamlDuplicateKey, "date", "2", "1").text(.en),
                       "duplicate key 'date' (first defined at line 2, column 1)")
        XCTAssertEqual(Message(.yamlDuplicateKey, "{1}", "2", "1").text(.ja), "キー '{1}' が重複しています（最初は 2 行 1 桁目）",
                       "an argument's braces are not read again")
    }

    func testLanguageFlagThenLocaleThenSite() {
        XCTAssertEqual(Language.resolve(flag: .en, environment: ["LANG": "ja_JP.UTF-8"], site: .ja), .en)
        XCTAssertEqual(Language.resolve(flag: nil, environment: ["LANG": "ja_JP.UTF-8"], site: .en), .ja)
        XCTAssertEqual(Language.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"], site: .ja), .en)
        XCTAssertEqual(Language.resolve(flag: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"], site: .ja), .ja,
                       "LC_ALL overrides LANG, and C names no language")
        XCTAssertEqual(Language.resolve(flag: nil, environment: ["LANG": "C.UTF-8"], site: .en), .en)
        XCTAssertEqual(Language.resolve(flag: nil, environment: [:], site: nil), .ja)
    }
}
