import Foundation
import FrontMatter

/// A visit as a form or a spreadsheet row gives it, before it is a file. Fields left out (nil)
/// take `densho new visit`'s defaults: staff = the company's holder, themes = the company's.
/// Kind and referral status stay text so that a wrong value is reported by the build's own check.
public struct VisitDraft: Sendable, Equatable {
    public struct Referral: Sendable, Equatable {
        public var to: String
        public var status: String
        public var note: String?
        public init(to: String, status: String = ReferralStatus.proposed.rawValue, note: String? = nil) {
            self.to = to
            self.status = status
            self.note = note
        }
    }

    public var company: String
    public var date: CalendarDate
    public var staff: [String]?
    public var kind: String
    public var themes: [String]?
    public var referrals: [Referral]
    /// Section heading → Markdown; nil writes the CLI's empty template sections.
    public var sections: [String: String]?
    public var nextVisit: CalendarDate?

    public init(company: String, date: CalendarDate, staff: [String]? = nil, kind: String = VisitKind.visit.rawValue,
                themes: [String]? = nil, referrals: [Referral] = [], sections: [String: String]? = nil, nextVisit: CalendarDate? = nil) {
        self.company = company
        self.date = date
        self.staff = staff
        self.kind = kind
        self.themes = themes
        self.referrals = referrals
        self.sections = sections
        self.nextVisit = nextVisit
    }

    /// The section headings a visit note is read by, in their order.
    public static let sectionHeadings = [NoteFormat.heard, NoteFormat.diagnosis, NoteFormat.nextSteps, NoteFormat.reflection]

    /// "Task items as lines": each non-empty line of `text` becomes an open task item, unless it
    /// already is a list item.
    public static func taskLines(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).compactMap { raw -> String? in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { return nil }
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return line }
            return "- [ ] " + line
        }.joined(separator: "\n")
    }
}

/// A visit note ready to be written: its text and the first name it would take.
public struct PreparedVisit: Sendable {
    public let text: String
    /// e.g. "visits/2026/2026-10-14-marumaru-seiki.md", relative to content/.
    public let relativePath: String
    public let displayPath: String
}

extension NoteCreator {
    /// The note `draft` becomes, with defaults filled in from the company and its holder. Throws
    /// an AuthoringError for an unknown company or person (the closest names suggested), located in
    /// the company page when it is its `owner` that names nobody.
    public func prepareVisit(_ draft: VisitDraft) throws -> PreparedVisit {
        try requireContentFolder()
        let companyFields = try lookup.frontMatter(of: draft.company, in: .companies)
        let staffIDs: [String]
        if let staff = draft.staff, !staff.isEmpty {
            for person in staff { try lookup.requireExists(person, in: .people) }
            staffIDs = staff
        } else if let ownerField = companyFields["owner"], let owner = ownerField.scalarText {
            // The note would name a person who does not exist: say so where the name is written.
            let people = lookup.slugs(in: .people)
            guard people.contains(owner) else {
                let companyPage = lookup.display("\(PageKind.companies.rawValue)/\(draft.company).md")
                throw ContentErrors([Diagnostic(path: companyPage, line: ownerField.location.line, column: ownerField.location.column,
                                                ProjectLookup.unknown(owner, kind: "person", folder: lookup.display("people"), among: people))])
            }
            staffIDs = [currentHolder(startingWith: owner, on: draft.date)]
        } else {
            staffIDs = []
        }
        let themes = try draft.themes ?? visitDefaults(company: draft.company, date: draft.date).themes
        var ignored = DiagnosticList()
        let config = SiteConfig.load(from: content.appendingPathComponent("site.yml"), displayPath: "site.yml", into: &ignored)
        let text = NoteTemplates.visit(draft, staff: staffIDs, themes: themes, config: config)
        let relative = firstFreeVisitName(date: draft.date, company: draft.company)
        return PreparedVisit(text: text, relativePath: relative, displayPath: lookup.display(relative))
    }

    /// Writes a prepared visit under the first name free at this moment (never over a file).
    public func create(_ visit: PreparedVisit, date: CalendarDate, company: String) throws -> CreatedNote {
        StrayTemporaryFiles.clean(in: content)
        try createFolder("visits/\(date.year)")
        for relative in NoteNaming.visitCandidates(date: date, company: company) {
            let url = content.appendingPathComponent(relative)
            if try ContentFileWriter.createNew(Data(visit.text.utf8), at: url) {
                return CreatedNote(url: url, displayPath: lookup.display(relative))
            }
        }
        throw AuthoringError("too many notes for \(company) on \(date)")
    }

    private func firstFreeVisitName(date: CalendarDate, company: String) -> String {
        for relative in NoteNaming.visitCandidates(date: date, company: company)
        where !FileManager.default.fileExists(atPath: content.appendingPathComponent(relative).path) {
            return relative
        }
        return "visits/\(date.year)/\(date)-\(company).md"
    }
}
