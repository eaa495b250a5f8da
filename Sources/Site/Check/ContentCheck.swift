import Messages
import Foundation
import FrontMatter
import Markdown
import Messages

/// `densho check`: everything `load` finds (errors and warnings), plus the warnings that depend on
/// the day or are advice rather than breakage — notes still waiting for a 振り返り, themes outside
/// the vocabulary, companies whose owner left with no successor, visits dated in the future,
/// slugs shared across kinds.
public enum ContentCheck {
    /// Every diagnostic for the project, sorted by place.
    public static func run(content: URL, displayPath: String, today: CalendarDate) -> [Diagnostic] {
        let loaded = SiteBuilder.load(content: content, displayPath: displayPath)
        return (loaded.diagnostics + warnings(for: loaded, content: content, displayPath: displayPath, today: today)).sorted()
    }

    public static func warnings(for loaded: LoadedSite, content: URL, displayPath: String, today: CalendarDate) -> [Diagnostic] {
        var found = DiagnosticList()
        let model = loaded.model
        let files = FileLocator(content: content, displayRoot: displayPath)
        missingReflections(model, today: today, into: &found)
        futureVisits(model, today: today, files: files, into: &found)
        themesOutsideVocabulary(model, into: &found)
        orphanedCompanies(model, today: today, into: &found)
        slugsSharedAcrossKinds(model, into: &found)
        drafts(model, into: &found)
        ContinuityChecks.run(model, files: files, into: &found)
        for stray in StrayTemporaryFiles.find(in: content) where StrayTemporaryFiles.isAbandoned(String(stray.split(separator: "/").last ?? "")) {
            found.warning(ContentScanner(contentDirectory: content, displayRoot: displayPath).display(stray), 1, 1, Message(.strayTemporaryFile))
        }
        return found.sorted
    }

    /// Every note marked `draft: true`, so nobody wonders why a page is missing from the site.
    private static func drafts(_ model: SiteModel, into found: inout DiagnosticList) {
        model.forEachPage { page in
            guard let line = page.draftLine else { return }
            found.warning(page.displayPath, line, 1, Message(.draftLeftOut))
        }
    }

    private static func missingReflections(_ model: SiteModel, today: CalendarDate, into found: inout DiagnosticList) {
        let cutoff = today.daysSinceEpoch - Radar.reflectionGraceDays
        let unanswered = ReflectionStatus.unansweredPrompts(model.config)
        for visit in model.visits where visit.date.daysSinceEpoch < cutoff {
            if ReflectionStatus.isReflected(visit.page.markdown, unansweredPrompts: unanswered) { continue }
            let days = today.daysSinceEpoch - visit.date.daysSinceEpoch
            let title = model.config.sections.title(.reflection)
            let command = "densho reflect \(visit.page.displayPath)"
            // Say what is missing: the section, its text, or the answers to the prompts.
            let sections = visit.page.markdown.sections.filter { $0.heading.map { unanswered.sections.matches($0.text, .reflection) } ?? false }
            guard let first = sections.first, let heading = first.heading else {
                found.warning(visit.page.displayPath, 1, 1,
                              Message(.checkNoReflection, model.config.sections.title(.reflection), String(days), visit.page.displayPath))
                continue
            }
            let line = visit.page.bodyFirstLine + heading.line - 1
            let waiting = sections.flatMap { $0.plainText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { unanswered.prompts.contains($0) }
            if waiting.isEmpty {
                found.warning(visit.page.displayPath, line, 1, Message(.checkReflectionEmpty, title, String(days), command))
            } else {
                let names = waiting.map { "'\($0.trimmingCharacters(in: CharacterSet(charactersIn: "：:")))'" }.joined(separator: ", ")
                found.warning(visit.page.displayPath, line, 1, Message(.checkReflectionUnanswered, title, String(days), names))
            }
        }
    }

    private static func futureVisits(_ model: SiteModel, today: CalendarDate, files: FileLocator, into found: inout DiagnosticList) {
        for visit in model.visits where visit.date > today {
            let at = files.location(of: "date", in: visit.page.displayPath) ?? SourceLocation(line: 1, column: 1)
            found.warning(visit.page.displayPath, at.line, at.column,
                          Message(.checkFutureVisit, visit.date.description, today.description))
        }
    }

    private static func themesOutsideVocabulary(_ model: SiteModel, into found: inout DiagnosticList) {
        let vocabulary = model.config.topics
        guard !vocabulary.isEmpty else { return }
        let known = Set(vocabulary)
        let byCompatibilityForm = Dictionary(vocabulary.map { ($0.precomposedStringWithCompatibilityMapping.lowercased(), $0) },
                                             uniquingKeysWith: { a, _ in a })
        for page in model.allPages {
            for theme in page.topics where !known.contains(theme.value) {
                let message: Message
                if let same = byCompatibilityForm[theme.value.precomposedStringWithCompatibilityMapping.lowercased()] {
                    message = Message(.checkThemeWidth, theme.value, same)
                } else {
                    let close = similarThemes(to: theme.value, in: vocabulary)
                    message = close.isEmpty ? Message(.checkThemeUnknown, theme.value)
                        : Message(.checkThemeSuggest, theme.value, close.map { "'\($0)'" }.joined(separator: ", "))
                }
                found.warning(page.displayPath, theme.line, theme.column, message)
            }
        }
    }

    /// Themes that contain the written one (知財 → 知財活用) or are a small edit away from it; two
    /// short Japanese words with nothing in common are not "close" however few their characters.
    private static func similarThemes(to theme: String, in vocabulary: [String]) -> [String] {
        let containing = vocabulary.filter { $0.contains(theme) || theme.contains($0) }
        if !containing.isEmpty { return Array(containing.prefix(3)) }
        let target = Array(theme.lowercased())
        return Suggestions.closest(to: theme, among: vocabulary, limit: 3).filter { candidate in
            Suggestions.distance(target, Array(candidate.lowercased())) < min(target.count, candidate.count)
        }
    }

    /// A company whose owner left with no successor has nobody: follow successors from the owner
    /// until someone still here, and warn when the line ends with someone who left (or loops).
    private static func orphanedCompanies(_ model: SiteModel, today: CalendarDate, into found: inout DiagnosticList) {
        let people = Dictionary(model.people.map { ($0.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for company in model.companies where company.status != .closed {
            guard let owner = company.owner, var person = people[owner.value] else { continue }
            var seen: Set<String> = [person.page.slug]
            while person.left != nil, let next = person.successor.flatMap({ people[$0.value] }), !seen.contains(next.page.slug) {
                seen.insert(next.page.slug)
                person = next
            }
            guard let left = person.left else { continue }
            if person.successor.map({ people[$0.value] == nil }) == true { continue }   // unknown successor: already an error
            let chained = person.page.slug != owner.value
            let who = chained ? "\(owner.value)' → successor '\(person.page.slug)" : owner.value
            let whoJapanese = chained ? "\(owner.value)' → 後任 '\(person.page.slug)" : owner.value
            let id: MessageID = switch (left <= today, person.successor == nil) {
            case (true, true): .checkOrphanLeft
            case (false, true): .checkOrphanLeaves
            case (true, false): .checkOrphanLoopLeft
            case (false, false): .checkOrphanLoopLeaves
            }
            found.warning(company.page.displayPath, owner.line, owner.column,
                          Message(id, who, left.description, person.page.displayPath, whoJapanese))
        }
    }

    /// The same slug for, say, a person and a company is allowed, but a bare [[slug]] link to
    /// either is then ambiguous; say so before someone writes one.
    private static func slugsSharedAcrossKinds(_ model: SiteModel, into found: inout DiagnosticList) {
        var firstBySlug: [String: PageInfo] = [:]
        for page in model.allPages.sorted(by: { ($0.kind, $0.slug) < ($1.kind, $1.slug) }) {
            guard let first = firstBySlug[page.slug] else { firstBySlug[page.slug] = page; continue }
            guard first.kind != page.kind else { continue }
            found.warning(page.displayPath, 1, 1,
                          Message(.checkSharedSlug, page.slug, first.displayPath, "\(page.kind.rawValue)/\(page.slug)",
                                  "\(first.kind.rawValue)/\(first.slug)"))
        }
    }
}

/// Finds where a front-matter field was written, reading the file again: the model keeps a
/// visit's date as a value only, and this is needed for the rare warning that points at it.
struct FileLocator {
    let content: URL
    let displayRoot: String

    func location(of key: String, in displayPath: String) -> SourceLocation? {
        let prefix = displayRoot.isEmpty ? "" : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/")
        guard displayPath.hasPrefix(prefix) else { return nil }
        let url = content.appendingPathComponent(String(displayPath.dropFirst(prefix.count)))
        return (try? SourceParser.frontMatter(of: url, displayPath: displayPath))?[key]?.location
    }
}
