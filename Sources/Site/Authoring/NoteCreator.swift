import Messages
import Foundation
import FrontMatter

/// A note `densho new` wrote.
public struct CreatedNote: Sendable {
    public let url: URL
    /// As the user should see it, e.g. `content/visits/2026/2026-11-25-minato-seiki.md`.
    public let displayPath: String
}

/// `densho new`: writes a new note from its template, never over an existing file.
public struct NoteCreator: Sendable {
    public let content: URL
    public let displayRoot: String

    public init(content: URL, displayRoot: String) {
        self.content = content
        self.displayRoot = displayRoot
    }

    var lookup: ProjectLookup { ProjectLookup(content: content, displayRoot: displayRoot) }

    /// A visit note for `company` on `date`. Staff default to who holds the company now (its owner,
    /// or the owner's successor once they have left); themes default to the company's.
    public func newVisit(company: String, date: CalendarDate, staff: [String]?, kind: VisitKind) throws -> CreatedNote {
        let prepared = try prepareVisit(VisitDraft(company: company, date: date, staff: staff, kind: kind.rawValue))
        return try create(prepared, date: date, company: company)
    }

    /// A company, playbook, person or partner page named `slug`.
    public func newPage(_ kind: PageKind, slug: String, name: String?, today: CalendarDate) throws -> CreatedNote {
        try requireContentFolder()
        StrayTemporaryFiles.clean(in: content)
        try NoteNaming.checkNewSlug(slug, kind: kind.singular, existing: lookup.slugs(in: kind))
        let title = name ?? slug
        let text: String
        switch kind {
        case .companies: text = NoteTemplates.company(name: title, since: today)
        case .playbooks: text = NoteTemplates.playbook(title: title, order: nextPlaybookOrder())
        case .people: text = NoteTemplates.person(name: title)
        case .partners: text = NoteTemplates.partner(name: title)
        case .visits: throw AuthoringError("use newVisit for visits")
        }
        let relative = "\(kind.rawValue)/\(slug).md"
        try createFolder(kind.rawValue)
        let url = content.appendingPathComponent(relative)
        guard try ContentFileWriter.createNew(Data(text.utf8), at: url) else {
            throw AuthoringError(Message(.authoringExists, lookup.display(relative)))
        }
        return CreatedNote(url: url, displayPath: lookup.display(relative))
    }

    /// Who holds the company on `date` by the holder rule (`HolderRule`), reading the people's
    /// front matter; anyone unreadable or unknown ends the chain.
    func currentHolder(startingWith owner: String, on date: CalendarDate) -> String {
        HolderRule.chain(from: owner, on: date) { id in
            (try? lookup.frontMatter(of: id, in: .people)).map {
                HolderRule.Link(left: $0["left"]?.dateValue, successor: $0["successor"]?.scalarText)
            }
        }.last ?? owner
    }

    /// New chapters go to the end of the handbook.
    private func nextPlaybookOrder() -> Int {
        var highest = 0
        for slug in lookup.slugs(in: .playbooks) {
            let url = content.appendingPathComponent("playbooks/\(slug).md")
            if let order = (try? ProjectLookup.readFrontMatter(url, display: slug))?["order"]?.intValue {
                highest = max(highest, order)
            }
        }
        return (highest / 10 + 1) * 10
    }

    func requireContentFolder() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AuthoringError(Message(.authoringNoContent, displayRoot))
        }
    }

    func createFolder(_ relative: String) throws {
        do {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(relative), withIntermediateDirectories: true)
        } catch {
            throw AuthoringError("cannot create \(lookup.display(relative)): \(error.localizedDescription)")
        }
    }
}
