import Foundation
import FrontMatter
import Messages
import Site

/// The three writes of the forms API. Each reads its JSON, does what the CLI would, and answers
/// with the note's path, or with errors located in the note (422), or 409 when the note changed
/// since the form was opened. Nothing is written unless everything is right.
struct FormWrites {
    let api: FormsAPI
    let messages: FormMessages

    func newVisit(_ body: [String: Any]) -> HTTPResponse {
        guard let company = body["company"] as? String, !company.isEmpty else {
            return invalid(messages.companyRequired, field: "company")
        }
        var date = api.today()
        if let text = body["date"] as? String, !text.isEmpty {
            guard let given = CalendarDate(text) else { return invalid(messages.badDate(text), field: "date") }
            date = given
        }
        var draft = VisitDraft(company: company, date: date, staff: strings(body["staff"]),
                               kind: (body["kind"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? VisitKind.visit.rawValue,
                               themes: strings(body["themes"]))
        if let next = body["next_visit"] as? String, !next.isEmpty {
            guard let nextDate = CalendarDate(next) else { return invalid(messages.badDate(next), field: "next_visit") }
            draft.nextVisit = nextDate
        }
        for item in body["referrals"] as? [[String: Any]] ?? [] {
            guard let to = item["to"] as? String, !to.isEmpty else { continue }
            draft.referrals.append(VisitDraft.Referral(to: to, status: (item["status"] as? String) ?? ReferralStatus.proposed.rawValue,
                                                       note: item["note"] as? String))
        }
        if let sections = body["sections"] as? [String: Any] {
            var given: [String: String] = [:]
            let names = FormSettings.sectionNames(content: api.content)
            for (heading, value) in sections {
                guard FormSettings.isSectionName(heading, sections: names) else {
                    return invalid(messages.unknownSection(heading), field: "sections")
                }
                given[heading] = value as? String ?? ""
            }
            draft.sections = given
        }
        do {
            _ = try api.creator.visitDefaults(company: company, date: date)
        } catch {
            return rejected(error, field: "company")
        }
        let prepared: PreparedVisit
        do {
            prepared = try api.creator.prepareVisit(draft)
        } catch {
            return rejected(error, field: "staff")
        }
        let problems = NoteValidator.errors(in: [PendingNote(relativePath: prepared.relativePath, text: prepared.text)],
                                            content: api.content, displayRoot: api.contentDisplay, index: api.checking)
        if !problems.isEmpty {
            return FormsAPI.json(422, ["errors": problems.map { d in
                FormsAPI.error(path: d.path, line: d.line, column: d.column, message: d.localized.text(messages.messageLanguage),
                               field: NoteValidator.field(atLine: d.line, in: prepared.text))
            }])
        }
        do {
            let created = try api.creator.create(prepared, date: date, company: company)
            let relative = String(created.url.path.dropFirst(api.content.path.count + 1))
            return FormsAPI.json(201, ["path": created.displayPath, "url": PreparedVisit.pagePath(ofNote: relative)])
        } catch {
            return FormsAPI.json(500, ["errors": [FormsAPI.error(path: prepared.displayPath, message: messages.text(of: error))]])
        }
    }

    func reflection(_ body: [String: Any]) -> HTTPResponse {
        guard let (note, digest) = target(body) else { return invalid(messages.noteRequired, field: "path") }
        let reflector = Reflector(content: api.content, displayRoot: api.contentDisplay)
        let answers = (body["answers"] as? [String: Any] ?? [:]).mapValues { $0 as? String ?? "" }
        if let unknown = answers.keys.sorted().first(where: { !reflector.prompts.contains($0) }) {
            return invalid(messages.unknownPrompt(unknown), field: "answers")
        }
        let date = api.today()
        return edit(note, digest: digest) { original in
            if ReflectionAppender.hasSection(for: date, in: String(decoding: original, as: UTF8.self)) {
                throw AuthoringError(messages.alreadyReflected(ReflectionAppender.heading(for: date)))
            }
            return NoteEdits.appendReflection(to: original, date: date, prompts: reflector.prompts, answers: answers,
                                                  sections: reflector.sections)
        }
    }

    func promise(_ body: [String: Any]) -> HTTPResponse {
        guard let (note, digest) = target(body) else { return invalid(messages.noteRequired, field: "path") }
        guard let line = body["line"] as? Int else { return invalid(messages.lineRequired, field: "line") }
        let done = body["done"] as? Bool ?? true
        return edit(note, digest: digest) { original in
            do {
                return try NoteEdits.setTask(in: original, line: line, done: done)
            } catch {
                throw AuthoringError(messages.notATask(line))
            }
        }
    }

    /// The visit note named by "path" (inside content/visits, never elsewhere) and the "digest".
    private func target(_ body: [String: Any]) -> (CreatedNote, String)? {
        guard let path = body["path"] as? String, let digest = body["digest"] as? String else { return nil }
        let reflector = Reflector(content: api.content, displayRoot: api.contentDisplay)
        guard let note = try? reflector.visit(atPath: path, workingDirectory: api.workingDirectory) else { return nil }
        return (note, digest)
    }

    private func edit(_ note: CreatedNote, digest: String, change: (Data) throws -> Data) -> HTTPResponse {
        do {
            try NoteEdits.replace(note.url, displayPath: note.displayPath, expectedDigest: digest, change: change)
            return FormsAPI.json(200, ["path": note.displayPath])
        } catch is EditConflict {
            return FormsAPI.json(409, ["errors": [FormsAPI.error(path: note.displayPath, message: messages.conflict)]])
        } catch {
            return FormsAPI.json(422, ["errors": [FormsAPI.error(path: note.displayPath, line: 0, column: 0, message: messages.text(of: error))]])
        }
    }

    /// A request the form got wrong: about one of its fields, not a place in a file (line 0).
    private func invalid(_ message: String, field: String) -> HTTPResponse {
        FormsAPI.json(422, ["errors": [FormsAPI.error(path: api.contentDisplay, line: 0, column: 0, message: message, field: field)]])
    }

    /// What `new visit`'s own code refused (an unknown company or person, with the closest ids), in
    /// the site's language; located in the file when it came from one (a company page whose front
    /// matter cannot be read), beside the form's field otherwise.
    private func rejected(_ error: Error, field: String) -> HTTPResponse {
        guard let located = error as? ContentErrors else { return invalid(messages.text(of: error), field: field) }
        return FormsAPI.json(422, ["errors": located.diagnostics.map {
            FormsAPI.error(path: $0.path, line: $0.line, column: $0.column, message: $0.localized.text(messages.messageLanguage), field: field)
        }])
    }

    /// A list of ids; a single string is taken as a one-item list; nil when left out.
    private func strings(_ value: Any?) -> [String]? {
        if let list = value as? [Any] { return list.compactMap { $0 as? String }.filter { !$0.isEmpty } }
        if let one = value as? String { return one.isEmpty ? nil : [one] }
        return nil
    }
}

/// The API's own messages, in the site's language.
struct FormMessages {
    let language: SiteConfig.Language
    /// Forms answer in the site's language, whoever started the server.
    var messageLanguage: Messages.Language { language == .ja ? .ja : .en }

    /// An error of the shared authoring code, in the site's language.
    func text(of error: Error) -> String {
        switch error {
        case let authoring as AuthoringError: return authoring.localized.text(messageLanguage)
        case let located as ContentErrors: return located.text(messageLanguage)
        default: return "\(error)"
        }
    }

    private func say(_ id: MessageID, _ arguments: String...) -> String { Message(id, arguments: arguments).text(messageLanguage) }

    var badJSON: String { say(.formBadJSON) }
    var companyRequired: String { say(.formCompanyRequired) }
    var noteRequired: String { say(.formNoteRequired) }
    var lineRequired: String { say(.formLineRequired) }
    var conflict: String { say(.formConflict) }
    func notATask(_ line: Int) -> String { say(.formNotATask, String(line)) }
    func badDate(_ text: String) -> String { say(.formBadDate, text) }
    func unknownSection(_ heading: String) -> String { say(.formUnknownSection, heading) }
    func unknownPrompt(_ prompt: String) -> String { say(.formUnknownPrompt, prompt) }
    func alreadyReflected(_ heading: String) -> String { say(.formAlreadyReflected, heading) }
}
