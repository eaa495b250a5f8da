import Foundation
import FrontMatter

/// What the forms of `densho serve` offer to choose from, read from the project's files as `new`
/// reads them (never the whole site): the site's language, its theme vocabulary and reflection
/// prompts, the people and partners by id and name.
public struct FormSettings: Sendable {
    public struct Choice: Sendable, Equatable {
        public let id: String
        public let name: String
    }

    public let language: SiteConfig.Language
    public let themes: [String]
    public let reflectionPrompts: [String]
    public let people: [Choice]
    public let partners: [Choice]
    public let companies: [Choice]
    /// The visit sections as this site writes them (its language, or site.yml's renames), in order.
    public let sections: [String]
    public static let kinds = VisitKind.allCases.map(\.rawValue)
    public static let statuses = ReferralStatus.allCases.map(\.rawValue)

    /// Whether a form or a spreadsheet may name a section so: the site's own title, or the
    /// Japanese or English default (the note is written under the site's title either way).
    public static func isSectionName(_ name: String, sections: [String]) -> Bool {
        sections.contains(name) || SectionNames.japanese.values.contains(name) || SectionNames.english.values.contains(name)
    }

    /// The site's language alone (site.yml only), for messages.
    public static func language(content: URL) -> SiteConfig.Language {
        var ignored = DiagnosticList()
        return SiteConfig.load(from: content.appendingPathComponent("site.yml"), displayPath: "site.yml", into: &ignored).language
    }

    /// The site's section names alone (site.yml only): a submit needs no list of people or partners.
    public static func sectionNames(content: URL) -> [String] {
        var ignored = DiagnosticList()
        let config = SiteConfig.load(from: content.appendingPathComponent("site.yml"), displayPath: "site.yml", into: &ignored)
        return NoteSectionRole.allCases.map { config.sections.title($0) }
    }

    public static func load(content: URL, displayRoot: String) -> FormSettings {
        var ignored = DiagnosticList()
        let config = SiteConfig.load(from: content.appendingPathComponent("site.yml"), displayPath: "site.yml", into: &ignored)
        let lookup = ProjectLookup(content: content, displayRoot: displayRoot)
        func choices(_ kind: PageKind, field: String) -> [Choice] {
            lookup.slugs(in: kind).map { slug in
                let fields = try? ProjectLookup.readFrontMatter(content.appendingPathComponent("\(kind.rawValue)/\(slug).md"), display: slug)
                return Choice(id: slug, name: fields?[field]?.scalarText ?? slug)
            }
        }
        return FormSettings(language: config.language, themes: config.topics, reflectionPrompts: config.reflectionPrompts,
                            people: choices(.people, field: "name"), partners: choices(.partners, field: "name"),
                            companies: choices(.companies, field: "name"),
                            sections: NoteSectionRole.allCases.map { config.sections.title($0) })
    }
}

extension NoteCreator {
    /// What a new visit of `company` on `date` gets when the form leaves staff and themes alone.
    public func visitDefaults(company: String, date: CalendarDate) throws -> (staff: [String], themes: [String]) {
        let fields = try lookup.frontMatter(of: company, in: .companies)
        let staff = fields["owner"]?.scalarText.map { [currentHolder(startingWith: $0, on: date)] } ?? []
        let themes = (fields["themes"]?.items ?? []).compactMap(\.scalarText) + (fields["themes"]?.scalarText.map { [$0] } ?? [])
        return (staff, themes)
    }
}

extension PreparedVisit {
    /// The page the note becomes, relative to the site root.
    public static func pagePath(ofNote relativePath: String) -> String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return PageID(kind: .visits, slug: slug).outputPath(visitYear: String(slug.prefix(4)))
    }
}
