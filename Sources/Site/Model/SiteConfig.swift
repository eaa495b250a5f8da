import Foundation
import FrontMatter
import Messages

/// content/site.yml: settings that apply to the whole site.
public struct SiteConfig: Sendable {
    public typealias Language = Messages.Language

    public var title: String
    public var language: Language
    public var visitCadenceDays: Int
    /// site.yml `themes:`: the topic vocabulary ("topic" in Swift, never confused with the `Theme`).
    public var topics: [String]
    public var reflectionPrompts: [String]
    public var unsafeHTML: Bool
    /// How pages write days (`date_style`: iso | japanese | wareki); search and files keep ISO.
    public var dateStyle: DateStyle = .iso
    /// What the visit-note sections are called (site.yml `sections:` renames them).
    public var sections: SectionNames
    /// An open referral not updated for more than this many days is stalled.
    public var referralStallDays = 90
    /// The month a fiscal year (年度) starts in: 4 for Japan's April–March.
    public var fiscalYearStart = 4

    public static let defaultReflectionPrompts = [
        "うまくいったこと",
        "次に変えること",
        "後任に引き継ぐべきこと",
    ]

    public init(title: String = "densho", language: Language = .ja, visitCadenceDays: Int = 90,
                topics: [String] = [], reflectionPrompts: [String] = SiteConfig.defaultReflectionPrompts,
                unsafeHTML: Bool = false, sections: SectionNames? = nil) {
        self.title = title
        self.language = language
        self.visitCadenceDays = visitCadenceDays
        self.topics = topics
        self.reflectionPrompts = reflectionPrompts
        self.unsafeHTML = unsafeHTML
        self.sections = sections ?? SectionNames(language: language)
    }

    /// The `language` of `content/site.yml`, read before anything else so that even its own errors
    /// are reported in it; nil when the file, or a valid `language`, is missing.
    public static func peekLanguage(content: URL) -> Language? {
        // Regular files only: a FIFO named site.yml must not stall every command before it starts.
        guard let data = SourceText.contents(atPath: content.appendingPathComponent("site.yml").path),
              data.count < 1 << 20, let node = try? YAML.parse(String(decoding: data, as: UTF8.self)),
              let written = node["language"]?.scalarText else { return nil }
        return Language.parse(written)
    }

    /// Reads site.yml; a missing file gives the defaults, so a folder of notes builds as it is.
    static func load(from url: URL, displayPath: String, into diagnostics: inout DiagnosticList) -> SiteConfig {
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfig() }
        // Like a note, site.yml may be a link only within content/: its title and strings reach every page.
        let folder = url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
        let target = url.standardizedFileURL.resolvingSymlinksInPath().path
        guard target.hasPrefix(folder + "/") else {
            diagnostics.error(displayPath, 1, 1, Message(.symlinkOutside))
            return SiteConfig()
        }
        let text: String
        switch SourceText.read(url, displayPath: displayPath) {
        case .success(let t): text = t
        case .failure(let d): diagnostics.append(d); return SiteConfig()
        }
        let node: YAMLNode
        do {
            node = try YAML.parse(text)
        } catch let error as YAMLError {
            diagnostics.error(displayPath, error.location.line, error.location.column, error.localized)
            return SiteConfig()
        } catch {
            diagnostics.error(displayPath, 1, 1, "\(error)")
            return SiteConfig()
        }
        var reader = FieldReader(node, path: displayPath)
        var config = SiteConfig()
        if let title = reader.string("title") { config.title = title }
        if let language: Language = reader.enumeration("language", default: .ja) { config.language = language }
        if let days = reader.int("visit_cadence_days", range: 1...3650) { config.visitCadenceDays = days }
        config.topics = reader.list("themes").map(\.value)
        let prompts = reader.list("reflection_prompts").map(\.value)
        if !prompts.isEmpty { config.reflectionPrompts = prompts } else if config.language == .en {
            config.reflectionPrompts = SectionNames.englishReflectionPrompts
        }
        config.sections = SectionNames(language: config.language, renamed: reader.sectionNames("sections"))
        config.unsafeHTML = reader.bool("unsafe_html") ?? false
        if let style: DateStyle = reader.enumeration("date_style", default: .iso) { config.dateStyle = style }
        if let days = reader.int("referral_stall_days", range: 1...3650) { config.referralStallDays = days }
        if let month = reader.int("fiscal_year_start", range: 1...12) { config.fiscalYearStart = month }
        reader.warnUnknownKeys()
        diagnostics.append(contentsOf: reader.diagnostics)
        return config
    }
}
