import Foundation
import Markdown

/// How a note is written, as densho reads and writes it: the names of the visit-note sections it
/// reads meaning from (PRODUCT.md's visit format), the prompt lines `densho reflect` writes, and
/// when two slugs name the same file.
enum NoteFormat {
    // The Japanese defaults; what a site calls its sections is `SiteConfig.sections` (SectionNames:
    // English on an English site, renamed by site.yml's `sections:`), which readers and writers use.
    static let heard = SectionNames.japanese[.heard]!
    static let diagnosis = SectionNames.japanese[.diagnosis]!
    static let nextSteps = SectionNames.japanese[.nextSteps]!
    static let reflection = SectionNames.japanese[.reflection]!

    /// Indices of the sections whose heading names `role` ("振り返り (2026-11-02)" counts).
    static func indices(_ role: NoteSectionRole, _ names: SectionNames, in document: MarkdownDocument) -> [Int] {
        indices(role, names, in: document.sections)
    }

    // `MarkdownDocument.sections` builds every section's text on each call: take it once.
    static func indices(_ role: NoteSectionRole, _ names: SectionNames, in sections: [MarkdownSection]) -> [Int] {
        sections.indices.filter { sections[$0].heading.map { names.matches($0.text, role) } == true }
    }

    /// The first lines of a section's plain text, on one line, for lists.
    /// Reads only as far as the limit: sections can be long and every visit has one.
    static func excerpt(_ plainText: String, limit: Int = 120) -> String? {
        var text = ""
        var count = 0
        var pendingSpace = false
        for character in plainText {
            if character == "\n" {
                pendingSpace = count > 0
                continue
            }
            if count == limit { return text + "…" }
            if pendingSpace {
                text.append(" ")
                pendingSpace = false
                count += 1
                if count == limit { return text + "…" }
            }
            text.append(character)
            count += 1
        }
        return text.isEmpty ? nil : text
    }

    /// Each reflection prompt becomes a `- prompt：` line, answered on the same line; a prompt that
    /// already ends in a colon or question mark keeps its own.
    static func promptLine(_ prompt: String) -> String {
        let trimmed = prompt.trimmingCharacters(in: .whitespaces)
        let ownPunctuation = ["：", ":", "？", "?"].contains { trimmed.hasSuffix($0) }
        // An English prompt takes the half-width colon, a Japanese one the full-width.
        let colon = trimmed.unicodeScalars.allSatisfy(\.isASCII) ? ":" : "："
        return "- " + trimmed + (ownPunctuation ? "" : colon)
    }

    /// Slugs that only differ in letter case or Unicode form would become two pages whose files
    /// overwrite each other on a case-insensitive or normalising drive (macOS, Windows shares).
    static func foldedSlug(_ slug: String) -> String {
        // Most slugs are lowercase ASCII already: skip the Foundation round trip for them (load calls this per page).
        if slug.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) { return slug }
        return slug.precomposedStringWithCanonicalMapping.lowercased()
    }
}
