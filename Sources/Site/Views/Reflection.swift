import Foundation
import Markdown

/// Whether a visit has a reflection worth the name: a 振り返り section with some text in it
/// besides the prompts `densho reflect` writes. The empty heading of a new note does not count.
enum ReflectionStatus {
    /// The prompt lines `densho reflect` writes: a section holding only these is not answered yet.
    static func unansweredPrompts(_ config: SiteConfig) -> Set<String> {
        Set(config.reflectionPrompts.map { String(NoteFormat.promptLine($0).dropFirst(2)) })
    }

    static func isReflected(_ document: MarkdownDocument, unansweredPrompts: Set<String>) -> Bool {
        isReflected(document.sections, unansweredPrompts: unansweredPrompts)
    }

    static func isReflected(_ sections: [MarkdownSection], unansweredPrompts: Set<String>) -> Bool {
        sections.contains { section in
            guard section.heading?.text.hasPrefix(NoteFormat.reflection) == true else { return false }
            return section.plainText.split(separator: "\n").contains { line in
                let text = line.trimmingCharacters(in: .whitespaces)
                return !text.isEmpty && !unansweredPrompts.contains(text)
            }
        }
    }
}
