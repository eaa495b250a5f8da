import Foundation
import FrontMatter

extension ReflectionAppender {
    /// What `densho reflect` does to a note, decided from its text.
    enum Plan: Equatable {
        /// Write the prompts under the empty 振り返り heading at this line index (0-based).
        case fill(headingLine: Int)
        /// Append a dated section at the end.
        case append
        /// The undated 振り返り section still holds only unanswered prompts (heading line index, the prompts).
        case waiting(headingLine: Int, prompts: [String])
        /// A section for this date exists already.
        case sameDay
    }

    static func plan(for text: String, date: CalendarDate, prompts: [String], sections names: SectionNames = SectionNames()) -> Plan {
        let sections = ReflectionSections(text, names: names)
        if let empty = sections.sections.first(where: \.isEmpty) { return .fill(headingLine: empty.headingLine) }
        // The same day twice is refused before anything else: two runs at once must not both write.
        if hasSection(for: date, in: text, sections: names) { return .sameDay }
        // The section `new visit` wrote and `reflect` filled, still unanswered: nothing to add yet.
        let promptLines = Set(prompts.map(NoteFormat.promptLine))
        if let waiting = sections.sections.first(where: { section in
            section.undated && section.contentLines.allSatisfy { promptLines.contains($0) }
        }) {
            return .waiting(headingLine: waiting.headingLine, prompts: waiting.contentLines.map { String($0.dropFirst(2)) })
        }
        return .append
    }

    /// The note with the prompt lines written under the heading at `headingLine` (0-based), in the
    /// file's own line endings; every other byte stays where it was. A blank line separates the
    /// heading from the prompts, and the prompts from a heading that follows directly.
    static func fill(_ original: Data, headingLine: Int, prompts: [String]) -> Data {
        let bytes = [UInt8](original)
        let newline: [UInt8] = usesCRLFEndings(bytes) ? [13, 10] : [10]
        // Byte offset just past the heading line's line break (or the end of the file).
        var line = 0
        var offset = 0
        var hasBreak = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 10 || byte == 13 {
                offset += (byte == 13 && offset + 1 < bytes.count && bytes[offset + 1] == 10) ? 2 : 1
                if line == headingLine { hasBreak = true; break }
                line += 1
                continue
            }
            offset += 1
        }
        var insert: [UInt8] = hasBreak ? [] : newline
        insert += newline
        for prompt in prompts { insert += Array(NoteFormat.promptLine(prompt).utf8) + newline }
        // The next non-blank line after the heading, if it comes before any blank line, needs one.
        var next = offset
        while next < bytes.count, bytes[next] == 32 || bytes[next] == 9 { next += 1 }
        if next < bytes.count, bytes[next] != 10, bytes[next] != 13 { insert += newline }
        var result = Data(bytes[..<offset])
        result.append(contentsOf: insert)
        result.append(contentsOf: bytes[offset...])
        return result
    }

    static func usesCRLFEndings(_ bytes: [UInt8]) -> Bool {
        guard let lastLF = bytes.lastIndex(of: 10) else { return false }
        return lastLF > 0 && bytes[lastLF - 1] == 13
    }
}
