import Foundation
import FrontMatter
import XCTest
import Markdown
@testable import Site

/// The pieces `new` and `reflect` are built from: the appender (bytes in, bytes out), the file
/// writer (never overwrites, never half-writes), and front-matter text that reads back as written.
final class AuthoringUnitTests: XCTestCase {
    let date = CalendarDate("2026-11-25")!
    let prompts = ["うまくいったこと", "次に変えること？", "後任へ: "]

    func appended(_ text: String) -> String {
        String(decoding: ReflectionAppender.append(to: Data(text.utf8), date: date, prompts: prompts), as: UTF8.self)
    }

    func testAppendKeepsEveryByteAndAddsOneBlankLine() {
        let original = "---\ndate: 2026-11-20\n---\n## 見立て\n全角　スペースと ｶﾀｶﾅ と trailing  \n"
        let section = "## 振り返り (2026-11-25)\n\n- うまくいったこと：\n- 次に変えること？\n- 後任へ:\n"
        XCTAssertEqual(appended(original), original + "\n" + section)
        XCTAssertEqual(appended("本文のみ、改行なし"), "本文のみ、改行なし\n\n" + section)
        XCTAssertEqual(appended("本文\n\n"), "本文\n\n" + section, "an existing blank line is the separator")
        XCTAssertEqual(appended("本文\n \t\n"), "本文\n \t\n" + section, "a line of spaces is blank too")
        XCTAssertEqual(appended(""), section)
    }

    func testAppendUsesCRLFWhenTheFileDoes() {
        let original = "\u{FEFF}---\r\ndate: 2026-11-20\r\n---\r\n## 見立て\r\n所見。"
        let result = appended(original)
        XCTAssertTrue(result.utf8.starts(with: original.utf8), "the original bytes, BOM included, come first unchanged")
        XCTAssertEqual(Array(result.utf8.dropFirst(original.utf8.count)),
                       Array("\r\n\r\n## 振り返り (2026-11-25)\r\n\r\n- うまくいったこと：\r\n- 次に変えること？\r\n- 後任へ:\r\n".utf8))
    }

    func testAppendedSectionCountsAsAReflectionOnlyOnceAnswered() {
        let unanswered = ReflectionRules(prompts: Set(prompts.map { String(NoteFormat.promptLine($0).dropFirst(2)) }), sections: SectionNames())
        let fresh = appended("## 見立て\n所見。\n")
        XCTAssertFalse(ReflectionStatus.isReflected(MarkdownDocumentFactory.make(fresh), unansweredPrompts: unanswered))
        let answered = fresh.replacingOccurrences(of: "- うまくいったこと：", with: "- うまくいったこと：社長の本音が聞けた")
        XCTAssertTrue(ReflectionStatus.isReflected(MarkdownDocumentFactory.make(answered), unansweredPrompts: unanswered))
        XCTAssertTrue(ReflectionAppender.hasSection(for: date, in: fresh.replacingOccurrences(of: "\n", with: "\r\n")))
        XCTAssertFalse(ReflectionAppender.hasSection(for: CalendarDate("2026-11-26")!, in: fresh))
    }

    /// A reflection line is trimmed as Foundation's `.whitespaces` would trim it, without Foundation:
    /// the same set over every scalar, and a prompt padded with ideographic spaces is still a prompt.
    func testReflectionLinesAreTrimmedOfTheWhiteSpaceFoundationKnows() {
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(ReflectionStatus.isWhiteSpace(scalar), CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
        }
        for line in ["\u{3000}うまくいったこと：\u{3000}", " \t 社長の本音が聞けた\u{A0}", "\u{3000}\u{200B}", "次に変えること？"] {
            let foundation = line.trimmingCharacters(in: .whitespaces)
            XCTAssertEqual(ReflectionStatus.trimmed(Substring(line)), foundation.isEmpty ? nil : foundation, line)
        }
        let unanswered = ReflectionRules(prompts: Set(prompts.map { String(NoteFormat.promptLine($0).dropFirst(2)) }), sections: SectionNames())
        let padded = appended("## 見立て\n所見。\n").replacingOccurrences(of: "- うまくいったこと：", with: "- \u{3000}うまくいったこと：\u{3000}")
        XCTAssertFalse(ReflectionStatus.isReflected(MarkdownDocumentFactory.make(padded), unansweredPrompts: unanswered))
    }

    func testCreateNewNeverReplacesAndLeavesNoTemporaryFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("densho-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("2026-11-25-みなと精機.md")
        XCTAssertTrue(try ContentFileWriter.createNew(Data("一つ目".utf8), at: url))
        XCTAssertFalse(try ContentFileWriter.createNew(Data("二つ目".utf8), at: url))
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "一つ目")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["2026-11-25-みなと精機.md"])
    }

    func testManyWritersRacingForOneNameExactlyOneWins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("densho-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("note.md")
        let wins = ConcurrentResults<Bool>(count: 32)
        DispatchQueue.concurrentPerform(iterations: 32) { i in
            wins.set(i, (try? ContentFileWriter.createNew(Data("writer \(i)".utf8), at: url)) ?? false)
        }
        XCTAssertEqual(wins.values.filter { $0 }.count, 1)
        let winner = try XCTUnwrap(wins.values.firstIndex(of: true))
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "writer \(winner)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["note.md"])
    }

    func testReplaceKeepsThePermissions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("densho-replace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("visit.md")
        try Data("前".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        try ContentFileWriter.replace(url, with: Data("後".utf8))
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "後")
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["visit.md"])
    }

    func testFrontMatterValuesReadBackAsWritten() throws {
        let values = ["minato-seiki", "true", "2026", "3d-lab", "知財活用", "海外展開, 欧州", "a: b", "#タグ", "ＤＸ", "- 先頭", "\"引用\""]
        let yaml = "items: \(YAMLText.list(values))\none: \(YAMLText.scalar("null"))\n"
        let node = try YAML.parse(yaml)
        XCTAssertEqual(node["items"]?.items?.map(\.value), values.map { .string($0) }, "each reads back as a string")
        XCTAssertEqual(node["one"]?.value, .string("null"))
    }

    func testSequenceNumbersOrderTheNotesOfOneDay() {
        let day = CalendarDate("2026-11-25")!
        XCTAssertEqual(Reflector.sequenceNumber(of: "2026-11-25-aoba.md", date: day, company: "aoba"), 1)
        XCTAssertEqual(Reflector.sequenceNumber(of: "2026-11-25-aoba-10.md", date: day, company: "aoba"), 10)
        XCTAssertEqual(Reflector.sequenceNumber(of: "2026-11-25-aoba-lab.md", date: day, company: "aoba"), 0)
    }
}

/// Parses a note body the way the site does, for the reflection tests.
enum MarkdownDocumentFactory {
    static func make(_ text: String) -> MarkdownDocument {
        MarkdownDocument(parsing: text, options: MarkdownOptions())
    }
}
