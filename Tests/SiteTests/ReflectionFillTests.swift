import Foundation
import FrontMatter
import XCTest
@testable import Site

/// `densho reflect` on the note `new visit` writes: the empty 振り返り is filled where it stands,
/// and a second reflect does something sensible.
final class ReflectionFillTests: XCTestCase {
    let prompts = ["何がうまくいったか", "次に変えること"]
    let day = CalendarDate("2026-11-26")!

    func apply(_ text: String) -> (ReflectionAppender.Plan, String) {
        let plan = ReflectionAppender.plan(for: text, date: day, prompts: prompts)
        switch plan {
        case .fill(let line):
            return (plan, String(decoding: ReflectionAppender.fill(Data(text.utf8), headingLine: line, prompts: prompts), as: UTF8.self))
        case .append:
            return (plan, String(decoding: ReflectionAppender.append(to: Data(text.utf8), date: day, prompts: prompts), as: UTF8.self))
        default:
            return (plan, text)
        }
    }

    func testFillsTheEmptySectionInPlaceKeepingEveryOtherByte() {
        let note = "---\ndate: 2026-11-25\ncompany: a\n---\n## 次の一手\n- [ ] 資料を送る\n\n## 振り返り\n"
        let (plan, filled) = apply(note)
        XCTAssertEqual(plan, .fill(headingLine: 7))
        XCTAssertEqual(filled, note + "\n- 何がうまくいったか：\n- 次に変えること：\n")
        // A second reflect: the prompts are waiting for answers; nothing is added.
        let (second, unchanged) = apply(filled)
        XCTAssertEqual(second, .waiting(headingLine: 7, prompts: ["何がうまくいったか：", "次に変えること："]))
        XCTAssertEqual(unchanged, filled)
        // Once answered, the next reflect adds a dated section.
        let answered = filled.replacingOccurrences(of: "何がうまくいったか：", with: "何がうまくいったか：社長と話せた")
        let (third, appended) = apply(answered)
        XCTAssertEqual(third, .append)
        XCTAssertTrue(appended.hasSuffix("## 振り返り (2026-11-26)\n\n- 何がうまくいったか：\n- 次に変えること：\n"), appended)
        XCTAssertTrue(appended.hasPrefix(answered))
    }

    func testFillsBeforeAFollowingHeadingWithCRLFAndNoFinalBreak() {
        let note = "---\r\ndate: 2026-11-25\r\n---\r\n## 振り返り\r\n## 次の一手\r\n- [ ] 送る"
        let (plan, filled) = apply(note)
        XCTAssertEqual(plan, .fill(headingLine: 3))
        XCTAssertEqual(filled, "---\r\ndate: 2026-11-25\r\n---\r\n## 振り返り\r\n\r\n- 何がうまくいったか：\r\n- 次に変えること：\r\n\r\n## 次の一手\r\n- [ ] 送る")
        let atEnd = "## 見立て\n所見\n## 振り返り"
        XCTAssertEqual(apply(atEnd).1, "## 見立て\n所見\n## 振り返り\n\n- 何がうまくいったか：\n- 次に変えること：\n")
    }

    func testHeadingsInCodeAndFrontMatterAreNotSections() {
        let note = "---\ndate: 2026-11-25\n---\n```\n## 振り返り\n```\n"
        XCTAssertEqual(apply(note).0, .append)
        let sameDay = "## 振り返り (2026-11-26)\n\n- 何がうまくいったか：良かった\n"
        XCTAssertEqual(apply(sameDay).0, .sameDay)
    }
}
