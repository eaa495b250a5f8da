import Foundation
import FrontMatter

/// A note changed since the form that edits it was opened: the edit is refused, nothing written.
public struct EditConflict: Error, Sendable {
    public let displayPath: String
}

/// Edits of an existing note on behalf of a form: each names the bytes it was computed from (their
/// SHA-256), and is written only if the file still holds exactly those bytes.
public enum NoteEdits {
    /// Reads `url`, checks its digest, applies `change` and replaces the file atomically — through
    /// `NoteEditor`: under the note's lock (also against `reflect` and other processes), and only if
    /// the file still holds the bytes read when the new ones take its name.
    public static func replace(_ url: URL, displayPath: String, expectedDigest: String,
                               change: (Data) throws -> Data) throws {
        do {
            try NoteEditor.withLock(url, displayPath: displayPath) {
                guard let original = FileManager.default.contents(atPath: url.path) else {
                    throw AuthoringError("cannot read \(displayPath)")
                }
                guard SHA256.hex(original) == expectedDigest.lowercased() else { throw EditConflict(displayPath: displayPath) }
                try NoteEditor.replace(url, displayPath: displayPath, expecting: original, with: try change(original))
            }
        } catch is NoteEditor.NoteChanged {
            throw EditConflict(displayPath: displayPath)
        }
    }

    /// One task item of a note as the form shows it.
    public struct TaskItem: Sendable, Equatable {
        public let line: Int
        public let text: String
        public let done: Bool
    }

    /// The note's task items (`- [ ]`, `* [x]`, `1. [ ]`, indented or not), outside fenced code.
    public static func taskItems(in data: Data) -> [TaskItem] {
        var items: [TaskItem] = []
        var fence: String?
        for (index, line) in lines(of: [UInt8](data)).enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let marker = String(trimmed.prefix(3))
                if fence == nil { fence = marker } else if fence == marker { fence = nil }
                continue
            }
            guard fence == nil, let offset = checkbox(in: line) else { continue }
            let box = line.startIndex + offset
            let after = line[(box + 3)...]
            items.append(TaskItem(line: index + 1, text: String(decoding: after, as: UTF8.self).trimmingCharacters(in: .whitespaces),
                                  done: line[box + 1] != 0x20))
        }
        return items
    }

    /// The note with the task item on `line` (1-based) checked or unchecked; only the byte inside
    /// its brackets changes. Throws when that line holds no task item.
    public static func setTask(in data: Data, line target: Int, done: Bool) throws -> Data {
        var bytes = [UInt8](data)
        var start = 0
        var number = 1
        while number < target {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { throw AuthoringError("line \(target) does not exist") }
            start = newline + 1
            number += 1
        }
        guard start < bytes.count || target == 1 else { throw AuthoringError("line \(target) does not exist") }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let line = Array(bytes[start..<end])
        guard let box = checkbox(in: ArraySlice(line)), taskItems(in: data).contains(where: { $0.line == target }) else {
            throw AuthoringError("line \(target) is not a task item")
        }
        bytes[start + box + 1] = done ? UInt8(ascii: "x") : UInt8(ascii: " ")
        return Data(bytes)
    }

    /// The offset of `[` in a task item's `[ ]`/`[x]`/`[X]` right after its list marker.
    private static func checkbox(in line: ArraySlice<UInt8>) -> Int? {
        let base = line.startIndex
        var i = base
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        guard i < line.endIndex else { return nil }
        if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(line[i]) {
            i += 1
        } else {
            let digits = i
            while i < line.endIndex, (0x30...0x39).contains(line[i]) { i += 1 }
            guard i > digits, i < line.endIndex, line[i] == UInt8(ascii: ".") || line[i] == UInt8(ascii: ")") else { return nil }
            i += 1
        }
        guard i < line.endIndex, line[i] == 0x20 else { return nil }
        i += 1
        guard i + 2 < line.endIndex else { return nil }
        guard line[i] == UInt8(ascii: "["), [0x20, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(line[i + 1]), line[i + 2] == UInt8(ascii: "]") else { return nil }
        if i + 3 < line.endIndex, line[i + 3] != 0x20, line[i + 3] != 0x09, line[i + 3] != 0x0D { return nil }
        return i - base
    }

    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { $0.last == 0x0D ? $0.dropLast() : $0 }
    }

    /// Appends today's 振り返り section with each prompt answered on its line (continuation lines
    /// indented so they stay in the item); prompts without an answer keep an empty line to fill.
    public static func appendReflection(to data: Data, date: CalendarDate, prompts: [String], answers: [String: String],
                                        sections: SectionNames = SectionNames()) -> Data {
        let lines = prompts.map { prompt -> String in
            let answer = (answers[prompt] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = answer.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            return parts.isEmpty ? "" : parts.map(String.init).joined(separator: "\n  ")
        }
        return ReflectionAppender.append(to: data, date: date, prompts: prompts, answers: lines, sections: sections)
    }
}
