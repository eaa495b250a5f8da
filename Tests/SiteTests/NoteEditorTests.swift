import Foundation
import XCTest
@testable import Site

/// The compare-before-rename of `NoteEditor`: a note that changed after it was read is never
/// overwritten, and the caller learns it (the forms API answers 409 with it).
final class NoteEditorTests: XCTestCase {
    private func temporaryNote(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("densho-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("2026-10-01-minato-seiki.md")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testAChangeAfterTheReadIsRefusedAndNothingIsWritten() throws {
        let url = try temporaryNote("---\ndate: 2026-10-01\n---\n本文\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let read = try Data(contentsOf: url)
        try Data("---\ndate: 2026-10-01\n---\n本文\nエディタで保存した行\n".utf8).write(to: url)   // someone saves meanwhile
        XCTAssertThrowsError(try NoteEditor.replace(url, displayPath: "content/x.md", expecting: read, with: Data("上書き".utf8))) { error in
            XCTAssertTrue(error is NoteEditor.NoteChanged, "\(error)")
            XCTAssertTrue("\(error)".contains("content/x.md changed while densho was writing it"))
        }
        XCTAssertTrue(String(decoding: try Data(contentsOf: url), as: UTF8.self).contains("エディタで保存した行"), "the editor's save survives")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, ["2026-10-01-minato-seiki.md"], "no temporary file stays behind")
    }

    func testUpdateAppliesTheChangeToWhatIsThereNow() throws {
        let url = try temporaryNote("一行目\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let queue = DispatchQueue(label: "writers", attributes: .concurrent)
        let group = DispatchGroup()
        for i in 0..<40 {
            queue.async(group: group) {
                _ = try? NoteEditor.update(url, displayPath: "x.md") { $0 + Data("追記\(i)\n".utf8) }
            }
        }
        group.wait()
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        for i in 0..<40 { XCTAssertTrue(text.contains("追記\(i)\n"), "write \(i) lost") }
    }

    func testAStrayNameIsRecognisedOnlyInDenshosPattern() {
        XCTAssertEqual(StrayTemporaryFiles.ownerProcess(of: ".a.md.densho-4242-123.tmp"), 4242)
        XCTAssertNil(StrayTemporaryFiles.ownerProcess(of: ".a.md.densho-x-123.tmp"))
        XCTAssertNil(StrayTemporaryFiles.ownerProcess(of: "a.md.densho-4242-1.tmp"))
        XCTAssertNil(StrayTemporaryFiles.ownerProcess(of: ".notes.tmp"))
    }
}
