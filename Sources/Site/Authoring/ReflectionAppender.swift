import Foundation
import FrontMatter

/// Adds a dated 振り返り section to the end of a note's bytes and changes nothing else: no
/// re-encoding, no normalised line endings, the byte-order mark and every earlier byte kept.
public enum ReflectionAppender {
    /// `## 振り返り (2026-11-25)`, or the site's own name for the section (`## Reflection (…)`).
    public static func heading(for date: CalendarDate, sections: SectionNames = SectionNames()) -> String {
        "## \(sections.title(.reflection)) (\(date))"
    }

    /// The note with the section appended. The new lines use the file's own line ending (that of
    /// its last line break, CRLF or LF); a missing final line break is added first, then exactly
    /// one blank line separates the old end from the new heading (none is added when the file
    /// already ends with a blank line, since the bytes already there are not touched).
    /// `answers[i]`, when given, follows prompt i on its line (a form's reflection).
    public static func append(to original: Data, date: CalendarDate, prompts: [String], answers: [String] = [],
                              sections: SectionNames = SectionNames()) -> Data {
        let bytes = [UInt8](original)
        let newline: [UInt8] = usesCRLF(bytes) ? [13, 10] : [10]
        var result = original
        if let last = bytes.last, last != 10, last != 13 { result.append(contentsOf: newline) }
        if !endsWithBlankLine(bytes) { result.append(contentsOf: newline) }
        let answered = prompts.enumerated().map { index, prompt in
            NoteFormat.promptLine(prompt) + (index < answers.count ? answers[index] : "")
        }
        for line in [heading(for: date, sections: sections), ""] + answered {
            // An answer of several lines is written with the file's own line ending too.
            let text = newline == [13, 10] ? line.replacingOccurrences(of: "\n", with: "\r\n") : line
            result.append(contentsOf: Array(text.utf8))
            result.append(contentsOf: newline)
        }
        return result
    }

    /// Whether the file already has a 振り返り section for `date` (a second one would be a slip).
    public static func hasSection(for date: CalendarDate, in text: String, sections: SectionNames = SectionNames()) -> Bool {
        let target = heading(for: date, sections: sections)
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .contains { $0.trimmingCharacters(in: .whitespaces) == target }
    }

    private static func usesCRLF(_ bytes: [UInt8]) -> Bool {
        guard let lastLF = bytes.lastIndex(of: 10) else { return false }
        return lastLF > 0 && bytes[lastLF - 1] == 13
    }

    /// True for an empty file too: nothing precedes the heading, so no blank line is needed.
    private static func endsWithBlankLine(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        // Strip one line break (CRLF, LF or CR), then look at what the line before it holds.
        guard end > 0 else { return true }
        if bytes[end - 1] == 10 { end -= 1; if end > 0, bytes[end - 1] == 13 { end -= 1 } }
        else if bytes[end - 1] == 13 { end -= 1 }
        else { return false }
        guard end > 0 else { return true }
        var i = end - 1
        while i >= 0, bytes[i] == 32 || bytes[i] == 9 {
            if i == 0 { return true }
            i -= 1
        }
        return bytes[i] == 10 || bytes[i] == 13
    }
}
