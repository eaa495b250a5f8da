import Foundation
import FrontMatter
import Site

/// The JSON API behind the forms of `densho serve` (documented in the README):
///   POST /_densho/api/visits       a new visit note        → 201 {"path"} | 422 {"errors"}
///   POST /_densho/api/reflections  a dated 振り返り        → 200 {"path"} | 409 | 422
///   POST /_densho/api/promises     check one task item     → 200 {"path"} | 409 | 422
///   GET  /_densho/api/visit-form?company=ID   what the new-visit form offers and defaults to
///   GET  /_densho/api/note?path=PATH          a visit's digest, task items and prompts
///        (or ?source=visits/<yyyy>/<name>.md, relative to content/)
/// Every call passes `FormsGuard` first. Writes go through the same code as the CLI and are
/// validated with the build's code before anything is written.
struct FormsAPI {
    static let prefix = "/_densho/api/"

    let guardian: FormsGuard
    let content: URL
    let contentDisplay: String
    let workingDirectory: URL
    /// The server's day (fixed by --today in tests).
    let today: () -> CalendarDate
    /// The notes as the last submit's check read them: a submit re-reads only what changed since.
    let checking = CheckingIndex()

    var creator: NoteCreator { NoteCreator(content: content, displayRoot: contentDisplay) }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if let reason = guardian.refusal(request) {
            return FormsAPI.json(403, ["errors": [FormsAPI.error(path: "", message: "403 forbidden: \(reason)")]])
        }
        let route = String(request.target.prefix { $0 != "?" }.dropFirst(FormsAPI.prefix.count))
        let messages = FormMessages(language: FormSettings.language(content: content))
        switch (request.method, route) {
        case ("POST", "visits"), ("POST", "reflections"), ("POST", "promises"):
            guard let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] else {
                return FormsAPI.json(400, ["errors": [FormsAPI.error(path: "", message: messages.badJSON)]])
            }
            let writer = FormWrites(api: self, messages: messages)
            switch route {
            case "visits": return writer.newVisit(body)
            case "reflections": return writer.reflection(body)
            default: return writer.promise(body)
            }
        case ("GET", "visit-form"):
            return visitForm(company: SiteHandler.queryValue("company", in: request.target) ?? "")
        case ("GET", "note"):
            // `source` is the note's path inside content/, as the visit page names it.
            let source = SiteHandler.queryValue("source", in: request.target).map { contentDisplay + "/" + $0 }
            return note(path: source ?? SiteHandler.queryValue("path", in: request.target) ?? "", messages: messages)
        case (_, "visits"), (_, "reflections"), (_, "promises"), (_, "visit-form"), (_, "note"):
            return .text(405, "405 method not allowed", headers: [("Allow", route.contains("-") || route == "note" ? "GET" : "POST")])
        default:
            return .text(404, "404 no such API: \(route)")
        }
    }

    private func visitForm(company: String) -> HTTPResponse {
        let settings = FormSettings.load(content: content, displayRoot: contentDisplay)
        let date = today()
        let defaults: (staff: [String], themes: [String])
        do {
            defaults = try creator.visitDefaults(company: company, date: date)
        } catch {
            return .text(404, "404 " + FormMessages(language: settings.language).text(of: error))
        }
        let choices: ([FormSettings.Choice]) -> [[String: String]] = { $0.map { ["id": $0.id, "name": $0.name] } }
        return FormsAPI.json(200, [
            "company": company,
            "companyName": settings.companies.first { $0.id == company }?.name ?? company,
            "date": date.description, "language": settings.language.rawValue,
            "staff": defaults.staff, "themes": defaults.themes, "vocabulary": settings.themes,
            "people": choices(settings.people), "partners": choices(settings.partners),
            "kinds": FormSettings.kinds, "statuses": FormSettings.statuses, "sections": settings.sections,
        ])
    }

    private func note(path: String, messages: FormMessages) -> HTTPResponse {
        let reflector = Reflector(content: content, displayRoot: contentDisplay)
        guard let note = try? reflector.visit(atPath: path, workingDirectory: workingDirectory),
              let bytes = FileManager.default.contents(atPath: note.url.path) else {
            return .text(404, "404 not a visit note: \(path)")
        }
        return FormsAPI.json(200, [
            "path": note.displayPath, "digest": SHA256.hex(bytes),
            "promises": NoteEdits.taskItems(in: bytes).map { ["line": $0.line, "text": $0.text, "done": $0.done] as [String: Any] },
            "prompts": reflector.prompts, "language": messages.language.rawValue,
            "reflectedToday": ReflectionAppender.hasSection(for: today(), in: String(decoding: bytes, as: UTF8.self)),
        ])
    }

    static func error(path: String, line: Int = 1, column: Int = 1, message: String, field: String? = nil) -> [String: Any] {
        var error: [String: Any] = ["path": path, "line": line, "column": column, "message": message]
        if let field { error["field"] = field }
        return error
    }

    static func json(_ status: Int, _ object: [String: Any]) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: data)
    }
}
