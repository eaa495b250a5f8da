import Foundation
import Messages
import FrontMatter
import Site

/// `densho new visit COMPANY …` and `densho new company|playbook|person|partner SLUG …`.
enum NewCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "new")
        guard let kind = a.positional.first else {
            throw UsageError(Message(.usageNewNeedsKind))
        }
        guard a.positional.count == 2 else {
            throw UsageError(a.positional.count < 2 ? (kind == "visit" ? Message(.usageNewVisitNeedsCompany) : Message(.usageNewNeedsSlug, kind))
                                                     : Message(.usageUnexpectedArgument, a.positional[2]))
        }
        let slug = a.positional[1]
        let content = a.value("content") ?? "content"
        let creator = NoteCreator(content: URL(fileURLWithPath: content), displayRoot: content)
        let note: CreatedNote
        if kind == "visit" {
            if a.value("name") != nil { throw UsageError(message: "--name is for company, playbook, person and partner") }
            let visitKind = try a.value("kind").map { text -> VisitKind in
                guard let parsed = VisitKind(rawValue: text) else {
                    throw UsageError(message: "--kind expects one of \(VisitKind.allCases.map(\.rawValue).joined(separator: " | ")), not '\(text)'")
                }
                return parsed
            } ?? .visit
            let staff = a.all("staff").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
            note = try creator.newVisit(company: slug, date: try date(a.value("date")), staff: staff, kind: visitKind)
        } else {
            guard let section = PageKind.allCases.first(where: { $0.singular == kind && $0 != .visits }) else {
                throw UsageError(message: "unknown kind '\(kind)'; expected visit, company, playbook, person or partner")
            }
            for flag in ["date", "staff", "kind"] where a.value(flag) != nil {
                throw UsageError(message: "--\(flag) is only for 'new visit'")
            }
            note = try creator.newPage(section, slug: slug, name: a.value("name"), today: try CLI.parseToday(nil))
        }
        print(note.displayPath)
        EditorLauncher.openIfInteractive(note.url)
        return 0
    }

    private static func date(_ text: String?) throws -> CalendarDate {
        guard let text else { return try CLI.parseToday(nil) }
        guard let parsed = CalendarDate(text) else { throw UsageError(Message(.usageExpectsDate, "date", text)) }
        return parsed
    }
}
