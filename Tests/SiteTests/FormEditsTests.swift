import Foundation
import FrontMatter
import XCTest
@testable import Site

/// The pieces behind the forms of `serve`: the digest, the one-byte promise edit, the reflection
/// with answers, and the line → field map that puts an error beside its field.
final class FormEditsTests: XCTestCase {
    func testSHA256MatchesThePublishedVectors() {
        // FIPS 180-2 appendix B and the empty message.
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA256AgreesWithCoreutilsAtEveryPaddingBoundary() throws {
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let data = Data("伝承".utf8.map { $0 } + (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            XCTAssertEqual(SHA256.hex(data), try sha256sum(data), "length \(data.count)")
        }
    }

    private let note = Data("""
    ---\r
    date: 2026-10-14\r
    ---\r
    ## 次の一手\r
    - [ ] 特許資料を送る\r
      * [x] 信金に共有済み\r
    3. [ ] 見積もり @suzuki 期限 2026-12-01\r
    ```\r
    - [ ] コードの中は約束ではない\r
    ```\r
    - [] 括弧が崩れている\r
    -[ ] 空白がない\r
    - [ ]\r
    """.utf8)

    func testTaskItemsAreTheListItemsWithABoxOutsideCode() {
        let items = NoteEdits.taskItems(in: note)
        XCTAssertEqual(items, [
            NoteEdits.TaskItem(line: 5, text: "特許資料を送る", done: false),
            NoteEdits.TaskItem(line: 6, text: "信金に共有済み", done: true),
            NoteEdits.TaskItem(line: 7, text: "見積もり @suzuki 期限 2026-12-01", done: false),
            NoteEdits.TaskItem(line: 13, text: "", done: false),
        ])
    }

    func testCheckingAPromiseChangesOneByteAndKeepsCRLF() throws {
        let changed = try NoteEdits.setTask(in: note, line: 7, done: true)
        XCTAssertEqual(changed.count, note.count)
        let differences = zip(note, changed).enumerated().filter { $0.element.0 != $0.element.1 }
        XCTAssertEqual(differences.count, 1)
        XCTAssertTrue(String(decoding: changed, as: UTF8.self).contains("3. [x] 見積もり @suzuki 期限 2026-12-01\r\n"))
        let reopened = try NoteEdits.setTask(in: changed, line: 7, done: false)
        XCTAssertEqual(reopened, note)
        for line in [1, 4, 9, 11, 12, 99, 0] {
            XCTAssertThrowsError(try NoteEdits.setTask(in: note, line: line, done: true), "line \(line)")
        }
    }

    func testAReflectionWritesEachAnswerOnItsPromptAndKeepsTheFilesLineEndings() {
        let original = Data("---\r\ndate: 2026-10-14\r\n---\r\n本文\r\n".utf8)
        let result = NoteEdits.appendReflection(to: original, date: CalendarDate("2026-11-25")!, prompts: ["うまくいったこと", "次に変えること"],
                                                answers: ["次に変えること": "朝に行く\n資料は紙で"])
        XCTAssertEqual(String(decoding: result, as: UTF8.self), "---\r\ndate: 2026-10-14\r\n---\r\n本文\r\n\r\n## 振り返り (2026-11-25)\r\n\r\n- うまくいったこと：\r\n- 次に変えること：朝に行く\r\n  資料は紙で\r\n")
        XCTAssertTrue(result.starts(with: original), "every earlier byte kept")
    }

    func testAnErrorLineNamesItsFieldOrSection() {
        let text = "---\ndate: 2026-10-14\nreferrals:\n  - to: x\n    status: y\n# next_visit: YYYY-MM-DD\n---\n## 聞いたこと\n\n本文\n## 次の一手\n- [ ] a\n"
        XCTAssertEqual(NoteValidator.field(atLine: 2, in: text), "date")
        XCTAssertEqual(NoteValidator.field(atLine: 5, in: text), "referrals")
        XCTAssertEqual(NoteValidator.field(atLine: 10, in: text), "聞いたこと")
        XCTAssertEqual(NoteValidator.field(atLine: 12, in: text), "次の一手")
    }

    func testAPendingNoteIsCheckedWithTheBuildsRulesAndOnlyItsOwnErrorsCount() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("densho-forms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("companies"), withIntermediateDirectories: true)
        try Data("---\nname: 株式会社みなと精機\n---\n".utf8).write(to: content.appendingPathComponent("companies/minato.md"))
        // A broken note elsewhere is not the form's problem.
        try Data("---\nname: [\n---\n".utf8).write(to: content.appendingPathComponent("companies/broken.md"))
        let good = PendingNote(relativePath: "visits/2026/2026-10-14-minato.md", text: "---\ndate: 2026-10-14\ncompany: minato\n---\n本文\n")
        XCTAssertEqual(NoteValidator.errors(in: [good], content: content, displayRoot: "content"), [])
        let bad = PendingNote(relativePath: "visits/2026/2026-10-14-minato-2.md", text: "---\ndate: 2026-10-14\ncompany: minat\nstaff: [nobody]\n---\n")
        let errors = NoteValidator.errors(in: [good, bad], content: content, displayRoot: "content")
        XCTAssertEqual(errors.map(\.path), ["content/visits/2026/2026-10-14-minato-2.md", "content/visits/2026/2026-10-14-minato-2.md"], "\(errors)")
        XCTAssertEqual(errors.map(\.line), [3, 4])
    }

    func testOtherVisitsAreReadForTheirNamesSoLinksToThemStillResolve() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("densho-forms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        for folder in ["companies", "visits/2026"] {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("---\nname: 株式会社みなと精機\n---\n".utf8).write(to: content.appendingPathComponent("companies/minato.md"))
        try Data("---\ndate: 2026-10-01\ncompany: minato\n---\n本文の [[壊れたリンク]] は新しいノートの問題ではない。\n".utf8)
            .write(to: content.appendingPathComponent("visits/2026/2026-10-01-minato.md"))
        let text = "---\ndate: 2026-10-14\ncompany: minato\n---\n前回 [[2026-10-01-minato]]、[[2026-10-01 株式会社みなと精機]]。[[どこにもない]]\n"
        let errors = NoteValidator.errors(in: [PendingNote(relativePath: "visits/2026/2026-10-14-minato.md", text: text)],
                                          content: content, displayRoot: "content")
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.message.contains("どこにもない") == true, "\(errors)")
        XCTAssertEqual(NoteValidator.frontMatterOnly("---\na: 1\n---\n本文\n"), "---\na: 1\n---\n")
    }

    /// A running server's checks keep what they read: a second submit reads no note again, and a
    /// note added or changed since is read (and counts) at once.
    func testTheCheckingIndexReadsOnlyWhatChangedAndSeesEveryChange() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("densho-forms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        for folder in ["companies", "people", "visits/2026"] {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("---\nname: 株式会社みなと精機\n---\n".utf8).write(to: content.appendingPathComponent("companies/minato.md"))
        try Data("---\nname: 鈴木　一郎\n---\n".utf8).write(to: content.appendingPathComponent("people/suzuki.md"))
        for day in 1...9 {
            try Data("---\ndate: 2026-10-0\(day)\ncompany: minato\nstaff: [suzuki]\n---\n訪問 \(day)\n".utf8)
                .write(to: content.appendingPathComponent("visits/2026/2026-10-0\(day)-minato.md"))
        }
        let index = CheckingIndex()
        let pending = [PendingNote(relativePath: "visits/2026/2026-10-14-minato.md",
                                   text: "---\ndate: 2026-10-14\ncompany: minato\nstaff: [ito]\n---\n前回 [[2026-10-09-minato]]\n")]
        let first = NoteValidator.errors(in: pending, content: content, displayRoot: "content", index: index)
        XCTAssertEqual(first.map(\.line), [4], "ito does not exist yet: \(first)")
        XCTAssertEqual(index.readCount, 11, "the first check reads every note")
        XCTAssertEqual(NoteValidator.errors(in: pending, content: content, displayRoot: "content", index: index), first)
        XCTAssertEqual(index.readCount, 0, "nothing changed: nothing is read again")

        try Data("---\nname: 伊藤　美咲\n---\n".utf8).write(to: content.appendingPathComponent("people/ito.md"))
        XCTAssertEqual(NoteValidator.errors(in: pending, content: content, displayRoot: "content", index: index), [], "a person added since counts")
        XCTAssertEqual(index.readCount, 1)

        try FileManager.default.removeItem(at: content.appendingPathComponent("visits/2026/2026-10-09-minato.md"))
        let gone = NoteValidator.errors(in: pending, content: content, displayRoot: "content", index: index)
        XCTAssertEqual(gone.count, 1, "the linked visit was deleted: \(gone)")
        XCTAssertTrue(gone.first?.message.contains("2026-10-09-minato") == true, "\(gone)")
        XCTAssertEqual(NoteValidator.errors(in: pending, content: content, displayRoot: "content"), gone, "the same errors as a check without the index")
    }

    private func sha256sum(_ data: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
