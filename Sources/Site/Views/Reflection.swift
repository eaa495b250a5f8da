import Foundation
import Markdown

/// Whether a visit has a reflection worth the name: a 振り返り section with some text in it
/// besides the prompts `densho reflect` writes. The empty heading of a new note does not count.
enum ReflectionStatus {
    /// The prompt lines `densho reflect` writes (a section holding only these is not answered yet)
    /// and what the site calls its sections.
    static func unansweredPrompts(_ config: SiteConfig) -> ReflectionRules {
        ReflectionRules(prompts: Set(config.reflectionPrompts.map { String(ReflectionAppender.promptLine($0).dropFirst(2)) }),
                        sections: config.sections)
    }

    static func isReflected(_ document: MarkdownDocument, unansweredPrompts: ReflectionRules) -> Bool {
        isReflected(document.sections, unansweredPrompts: unansweredPrompts)
    }

    static func isReflected(_ sections: [MarkdownSection], unansweredPrompts rules: ReflectionRules) -> Bool {
        sections.contains { section in
            guard let heading = section.heading, rules.sections.matches(heading.text, .reflection) else { return false }
            return section.plainText.split(separator: "\n").contains { line in
                let text = line.trimmingCharacters(in: .whitespaces)
                return !text.isEmpty && !rules.prompts.contains(text)
            }
        }
    }
}

/// What tells a reflection from an empty one: the unanswered prompt lines and the section names.
struct ReflectionRules: Sendable, Equatable {
    let prompts: Set<String>
    let sections: SectionNames
}
