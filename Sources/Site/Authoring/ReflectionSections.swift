import Foundation
import FrontMatter

/// Where a note's 振り返り sections are, read from its bytes the way a person sees the file:
/// ATX headings outside the front matter and outside fenced code, each section up to the next
/// heading. `densho reflect` fills an empty one in place, so `new visit`'s empty heading gets
/// answered where it stands instead of a second heading being appended under it.
struct ReflectionSections {
    struct Found {
        /// Index of the heading's line (0-based) and of the line after the section's last line.
        let headingLine: Int
        let end: Int
        /// Whether every line after the heading is blank.
        let isEmpty: Bool
        /// The lines after the heading, trimmed, non-blank.
        let contentLines: [String]
        /// The heading names no day (`## 振り返り`, as `new visit` writes it, not `## 振り返り (2026-11-25)`).
        let undated: Bool
    }

    let lines: [Substring]
    let sections: [Found]

    init(_ text: String, names: SectionNames = SectionNames()) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var found: [Found] = []
        var index = 0
        // Front matter: a first line of `---` up to the next `---` or `...`.
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            index = 1
            while index < lines.count, !["---", "..."].contains(lines[index].trimmingCharacters(in: .whitespaces)) { index += 1 }
            index += 1
        }
        var fence: String? = nil
        var open: (line: Int, content: [String], undated: Bool)? = nil
        func close(at end: Int) {
            guard let current = open else { return }
            found.append(Found(headingLine: current.line, end: end, isEmpty: current.content.isEmpty, contentLines: current.content,
                               undated: current.undated))
            open = nil
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let marker = fence {
                if trimmed.hasPrefix(marker) { fence = nil }
                if open != nil { open!.content.append(trimmed) }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                if open != nil { open!.content.append(trimmed) }
            } else if let title = ReflectionSections.headingText(line) {
                close(at: index)
                if names.matches(title, .reflection) { open = (index, [], !title.contains(where: \.isNumber)) }
            } else if open != nil, !trimmed.isEmpty {
                open!.content.append(trimmed)
            }
            index += 1
        }
        close(at: lines.count)
        sections = found
    }

    /// The text of an ATX heading (up to three spaces of indent, 1–6 `#`, a space), nil otherwise.
    static func headingText(_ line: Substring) -> String? {
        var rest = line.drop { $0 == " " }
        guard line.count - rest.count <= 3, rest.first == "#" else { return nil }
        let hashes = rest.prefix { $0 == "#" }.count
        guard hashes <= 6 else { return nil }
        rest = rest.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        // A closing run of #s is not part of the text.
        while text.hasSuffix("#") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
