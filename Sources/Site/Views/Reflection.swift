import Foundation
import Markdown

/// Whether a visit has a reflection worth the name: a 振り返り section with some text in it
/// besides the prompts `densho reflect` writes. The empty heading of a new note does not count.
enum ReflectionStatus {
    /// The prompt lines `densho reflect` writes (a section holding only these is not answered yet)
    /// and what the site calls its sections.
    static func unansweredPrompts(_ config: SiteConfig) -> ReflectionRules {
        ReflectionRules(prompts: Set(config.reflectionPrompts.map { String(NoteFormat.promptLine($0).dropFirst(2)) }),
                        sections: config.sections)
    }

    static func isReflected(_ document: MarkdownDocument, unansweredPrompts: ReflectionRules) -> Bool {
        isReflected(document.sections, unansweredPrompts: unansweredPrompts)
    }

    static func isReflected(_ sections: [MarkdownSection], unansweredPrompts rules: ReflectionRules) -> Bool {
        sections.contains { section in
            guard let heading = section.heading, rules.sections.matches(heading.text, .reflection) else { return false }
            return section.plainText.utf8.split(separator: UInt8(ascii: "\n")).contains { line in
                guard let text = trimmed(Substring(line)) else { return false }
                return !rules.prompts.contains(text)
            }
        }
    }

    /// `line` without the white space at its ends (what `trimmingCharacters(in: .whitespaces)`
    /// removes: tab, the space separators of general category Zs, U+3000 among them, and
    /// U+200B, which Foundation's set also holds); nil when nothing is left. Scalar by scalar,
    /// without Foundation's bridge per line. A test compares the two over every scalar.
    static func trimmed(_ line: Substring) -> String? {
        let scalars = line.unicodeScalars
        func isWhite(_ scalar: Unicode.Scalar) -> Bool { isWhiteSpace(scalar) }
        guard let first = scalars.firstIndex(where: { !isWhite($0) }),
              let last = scalars.lastIndex(where: { !isWhite($0) }) else { return nil }
        return String(scalars[first...last])
    }

    /// A scalar of `CharacterSet.whitespaces`.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == " " || scalar.value == 0x200B
            || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
    }
}

/// What tells a reflection from an empty one: the unanswered prompt lines and the section names.
struct ReflectionRules: Sendable, Equatable {
    let prompts: Set<String>
    let sections: SectionNames
}
