import Foundation
import Messages

/// The four sections of a visit note that densho reads meaning from, by what they are for.
public enum NoteSectionRole: String, CaseIterable, Sendable {
    case heard, diagnosis, nextSteps = "next_steps", reflection
}

/// What the sections of a visit note are called on a site: written by `new`, `reflect` and `init`
/// in the site's language (or as `site.yml`'s `sections:` renames them), and recognised under every
/// one of those names, so a Japanese note on an English site (or the other way round) still counts.
public struct SectionNames: Sendable, Equatable {
    public static let japanese: [NoteSectionRole: String] = [
        .heard: "聞いたこと", .diagnosis: "見立て", .nextSteps: "次の一手", .reflection: "振り返り",
    ]
    public static let english: [NoteSectionRole: String] = [
        .heard: "What we heard", .diagnosis: "Assessment", .nextSteps: "Next steps", .reflection: "Reflection",
    ]

    private let written: [NoteSectionRole: String]
    private let recognised: [NoteSectionRole: [String]]

    public init(language: Language = .ja, renamed: [NoteSectionRole: String] = [:]) {
        let defaults = language == .en ? Self.english : Self.japanese
        var written = defaults
        for (role, name) in renamed { written[role] = name }
        self.written = written
        var recognised: [NoteSectionRole: [String]] = [:]
        for role in NoteSectionRole.allCases {
            var names = [written[role]!]
            for name in [Self.japanese[role]!, Self.english[role]!] where !names.contains(name) { names.append(name) }
            recognised[role] = names
        }
        self.recognised = recognised
    }

    /// The heading `new`, `reflect` and `init` write.
    public func title(_ role: NoteSectionRole) -> String { written[role]! }

    /// Whether a `##` heading opens this section: it starts with one of the section's names, so
    /// `振り返り (2026-11-02)` and `Reflection (2026-11-02)` count. English names ignore letter case.
    public func matches(_ heading: String, _ role: NoteSectionRole) -> Bool {
        recognised[role]!.contains { name in
            heading.hasPrefix(name) || heading.lowercased().hasPrefix(name.lowercased())
        }
    }

    /// English prompts for `densho reflect` on an English site without `reflection_prompts`.
    public static let englishReflectionPrompts = ["What went well", "What to change next time", "What the successor should know"]
}
