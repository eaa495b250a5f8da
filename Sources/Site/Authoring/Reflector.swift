import Messages
import Foundation
import FrontMatter

/// `densho reflect`: finds the visit (a path, or a company's latest visit) and appends a dated
/// 振り返り section to it in one atomic write.
public struct Reflector: Sendable {
    public let content: URL
    public let displayRoot: String
    public let prompts: [String]
    /// What the site calls the 振り返り section (`Reflection` on an English site).
    public let sections: SectionNames

    /// Prompts come from site.yml (`reflection_prompts`), else the defaults of the site's language.
    public init(content: URL, displayRoot: String, prompts: [String]? = nil) {
        self.content = content
        self.displayRoot = displayRoot
        var ignored = DiagnosticList()
        let config = SiteConfig.load(from: content.appendingPathComponent("site.yml"), displayPath: "site.yml", into: &ignored)
        self.prompts = prompts ?? config.reflectionPrompts
        self.sections = config.sections
    }

    /// What `reflect` did to the note.
    public enum Outcome: Sendable, Equatable {
        /// The prompts were written under the note's empty 振り返り heading.
        case filled
        /// A dated 振り返り section was appended.
        case appended
        /// Nothing was written: the 振り返り section at this line (1-based) still waits for answers.
        case waiting(line: Int, prompts: [String])
    }

    /// Fills the note's empty 振り返り section, or appends a dated one when it has none (or only
    /// answered ones); returns the note it went into.
    public func reflect(on target: String, date: CalendarDate, workingDirectory: URL) throws -> CreatedNote {
        try reflectWithOutcome(on: target, date: date, workingDirectory: workingDirectory).note
    }

    public func reflectWithOutcome(on target: String, date: CalendarDate, workingDirectory: URL) throws -> (note: CreatedNote, outcome: Outcome) {
        let note = Reflector.looksLikePath(target)
            ? try visit(atPath: target, workingDirectory: workingDirectory)
            : try latestVisit(of: target)
        StrayTemporaryFiles.clean(in: content)
        var outcome = Outcome.appended
        struct NothingToWrite: Error {}
        do {
            // Under the note's lock: a second `reflect` at the same moment waits and then sees this one's prompts.
            try NoteEditor.update(note.url, displayPath: note.displayPath) { original in
                switch ReflectionAppender.plan(for: String(decoding: original, as: UTF8.self), date: date, prompts: prompts, sections: sections) {
                case .fill(let line):
                    outcome = .filled
                    return ReflectionAppender.fill(original, headingLine: line, prompts: prompts)
                case .waiting(let line, let waiting):
                    // Before the prompts already there are answered, there is nothing to add.
                    outcome = .waiting(line: line + 1, prompts: waiting)
                    throw NothingToWrite()
                case .sameDay:
                    throw AuthoringError(Message(.authoringAlreadyReflected, note.displayPath, ReflectionAppender.heading(for: date, sections: sections)))
                case .append:
                    outcome = .appended
                    return ReflectionAppender.append(to: original, date: date, prompts: prompts, sections: sections)
                }
            }
        } catch is NothingToWrite {}
        return (note, outcome)
    }

    static func looksLikePath(_ target: String) -> Bool {
        target.contains("/") || target.hasSuffix(".md")
    }

    /// A path given on the command line must name a visit note inside this project's content/visits.
    public func visit(atPath path: String, workingDirectory: URL) throws -> CreatedNote {
        let given = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
        let url = given.standardizedFileURL.resolvingSymlinksInPath()
        let visits = content.appendingPathComponent("visits").standardizedFileURL.resolvingSymlinksInPath().path + "/"
        guard FileManager.default.fileExists(atPath: url.path) else { throw AuthoringError(Message(.authoringNoSuchFile, path)) }
        guard url.path.hasPrefix(visits) else {
            throw AuthoringError(Message(.authoringNotInVisits, path, displayRoot))
        }
        let relative = String(url.path.dropFirst(visits.count))
        let parts = relative.split(separator: "/")
        guard parts.count == 2, parts[1].hasSuffix(".md"), !parts[1].hasPrefix(".") else {
            throw AuthoringError(Message(.authoringNotVisitName, path, displayRoot))
        }
        let note = CreatedNote(url: url, displayPath: ProjectLookup(content: content, displayRoot: displayRoot).display("visits/" + relative))
        let fields = try ProjectLookup.readFrontMatter(url, display: note.displayPath)
        guard fields["date"]?.dateValue != nil, fields["company"]?.scalarText != nil else {
            throw AuthoringError(Message(.authoringNotVisitFields, note.displayPath))
        }
        return note
    }

    /// The company's visit with the latest date (ties: the last by file name, as on the site).
    /// File names start with the visit's date, so files are read newest first and the search stops
    /// once names are older than the best match found.
    private func latestVisit(of company: String) throws -> CreatedNote {
        let lookup = ProjectLookup(content: content, displayRoot: displayRoot)
        try lookup.requireExists(company, in: .companies)
        let fm = FileManager.default
        let visits = content.appendingPathComponent("visits")
        var files: [String] = []
        for year in (try? fm.contentsOfDirectory(atPath: visits.path)) ?? [] where !year.hasPrefix(".") {
            for name in (try? fm.contentsOfDirectory(atPath: visits.appendingPathComponent(year).path)) ?? []
            where name.hasSuffix(".md") && !name.hasPrefix(".") {
                files.append("visits/\(year)/\(name)")
            }
        }
        var best: (date: CalendarDate, number: Int, name: String, relative: String)? = nil
        for relative in files.sorted(by: { Reflector.fileName($0) > Reflector.fileName($1) }) {
            let name = Reflector.fileName(relative)
            if let best, let prefix = CalendarDate(String(name.prefix(10))), prefix < best.date { break }
            guard let fields = try? ProjectLookup.readFrontMatter(content.appendingPathComponent(relative), display: relative),
                  fields["company"]?.scalarText == company, let date = fields["date"]?.dateValue else { continue }
            let number = Reflector.sequenceNumber(of: name, date: date, company: company)
            if let current = best, (date, number, name) <= (current.date, current.number, current.name) { continue }
            best = (date, number, name, relative)
        }
        guard let best else {
            throw AuthoringError(Message(.authoringNoVisitsYet, company))
        }
        return CreatedNote(url: content.appendingPathComponent(best.relative), displayPath: lookup.display(best.relative))
    }

    /// Which note of the day `name` is: 1 for `<date>-<company>.md`, n for `…-n.md` (so -10 comes
    /// after -9), 0 for a name that does not follow the pattern.
    static func sequenceNumber(of name: String, date: CalendarDate, company: String) -> Int {
        let base = "\(date)-\(company)"
        guard name.hasSuffix(".md") else { return 0 }
        let stem = name.dropLast(3)
        if stem == base { return 1 }
        guard stem.hasPrefix(base + "-"), let number = Int(stem.dropFirst(base.count + 1)) else { return 0 }
        return number
    }

    private static func fileName(_ relative: String) -> String {
        relative.split(separator: "/").last.map(String.init) ?? relative
    }
}
