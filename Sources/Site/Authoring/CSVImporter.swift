import Foundation
import FrontMatter
import Messages

/// `densho import visits|companies FILE.csv`: every row becomes the note `new` would write, all
/// checked with the build's code before any is written. Any problem, in any row, is reported as
/// `FILE.csv:ROW:COLUMN: error: …` and nothing is written. A row whose note is already there,
/// byte for byte, is left alone, so importing the same file twice writes nothing the second time.
public struct CSVImporter: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case visits, companies }

    /// What an import would do.
    public struct Plan: Sendable {
        public struct Write: Sendable {
            public let row: Int
            public let relativePath: String
            public let displayPath: String
            public let text: String
        }
        public let writes: [Write]
        /// Notes the file names that are already there with the same text.
        public let unchanged: [String]
        public let encoding: CSVTable.Encoding
    }

    public let content: URL
    public let displayRoot: String
    /// The language of the import's messages.
    public let language: Language

    public init(content: URL, displayRoot: String, language: Language = .en) {
        self.content = content
        self.displayRoot = displayRoot
        self.language = language
    }

    var say: Say { Say(language) }

    var lookup: ProjectLookup { ProjectLookup(content: content, displayRoot: displayRoot) }

    /// Reads and checks the file; throws `ContentErrors` located in the CSV file.
    public func plan(_ kind: Kind, data: Data, fileDisplay: String) throws -> Plan {
        let table: CSVTable
        do {
            table = try CSVTable.read(data, language: language)
        } catch let problem as CSVTable.Problem {
            throw ContentErrors([Diagnostic(path: fileDisplay, line: problem.row, column: problem.column, message: problem.message)])
        }
        var ignored = DiagnosticList()
        let config = SiteConfig.load(from: content.appendingPathComponent("site.yml"), displayPath: "site.yml", into: &ignored)
        let fields = kind == .visits ? ImportColumns.visits(config.sections) : ImportColumns.companies
        var rows = RowReader(table: table, fields: fields, file: fileDisplay, say: say)
        var pending: [(write: Plan.Write, columns: [String: Int])] = []
        var unchanged: [String] = []
        let settings = FormSettings.load(content: content, displayRoot: displayRoot)
        if rows.problems.isEmpty {
            switch kind {
            case .visits:
                var maker = VisitRows(importer: self, settings: settings, config: config)
                for row in table.rows where !CSVImporter.isBlank(row) { maker.add(row, &rows, &pending, &unchanged) }
            case .companies:
                var maker = CompanyRows(importer: self, settings: settings, english: config.language == .en)
                for row in table.rows where !CSVImporter.isBlank(row) { maker.add(row, &rows, &pending, &unchanged) }
            }
        }
        var diagnostics = rows.problems
        if diagnostics.isEmpty, !pending.isEmpty {
            let notes = pending.map { PendingNote(relativePath: $0.write.relativePath, text: $0.write.text) }
            let byPath = Dictionary(pending.map { ($0.write.displayPath, $0) }, uniquingKeysWith: { a, _ in a })
            for error in NoteValidator.errors(in: notes, content: content, displayRoot: displayRoot) {
                guard let item = byPath[error.path] else { continue }
                let field = NoteValidator.field(atLine: error.line, in: item.write.text)
                let column = field.flatMap { item.columns[$0] } ?? 1
                let place = "\(error.path):\(error.line):\(error.column)"
                diagnostics.append(Diagnostic(path: fileDisplay, line: item.write.row, column: column,
                                              message: error.localized.text(language) + say(.importInNote, place)))
            }
        }
        if !diagnostics.isEmpty { throw ContentErrors(diagnostics.sorted()) }
        return Plan(writes: pending.map(\.write), unchanged: unchanged, encoding: table.encoding)
    }

    /// Excel writes rows of empty cells (`,,,,`) below the data when cells there were ever formatted.
    static func isBlank(_ row: [CSVTable.Cell]) -> Bool {
        row.allSatisfy { $0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// Writes a checked plan, each note with an exclusive create (never over a file).
    public func write(_ plan: Plan) throws -> [CreatedNote] {
        // A killed import leaves a temporary file per note it had not linked yet: gone now.
        StrayTemporaryFiles.clean(in: content)
        for folder in Set(plan.writes.map { content.appendingPathComponent($0.relativePath).deletingLastPathComponent() }) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let urls = plan.writes.map { content.appendingPathComponent($0.relativePath) }
        let created = try ContentFileWriter.createNewBatch(zip(plan.writes, urls).map { (Data($0.text.utf8), $1) })
        if let taken = created.firstIndex(of: false) {
            throw AuthoringError(say(.importAppeared, plan.writes[taken].displayPath))
        }
        return zip(plan.writes, urls).map { CreatedNote(url: $1, displayPath: $0.displayPath) }
    }
}

/// The header row read into field names, and each row's cells by field, with located problems.
struct RowReader {
    let file: String
    let say: Say
    /// Field name → column number (1-based).
    private(set) var columns: [String: Int] = [:]
    private(set) var problems: [Diagnostic] = []

    init(table: CSVTable, fields: [(String, [String])], file: String, say: Say) {
        self.file = file
        self.say = say
        var byAlias: [String: String] = [:]
        for (field, aliases) in fields { for alias in [field] + aliases { byAlias[RowReader.key(alias)] = field } }
        for cell in table.header {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            guard let field = byAlias[RowReader.key(name)] else {
                let known = fields.map { ([$0.0] + $0.1).joined(separator: "/") }.joined(separator: ", ")
                problem(cell.row, cell.column, say(.importUnknownColumn, name, known))
                continue
            }
            if columns[field] != nil { problem(cell.row, cell.column, say(.importColumnTwice, name)) }
            columns[field] = cell.column
        }
    }

    private static func key(_ name: String) -> String { ImportValues.nameKey(name) }

    mutating func problem(_ row: Int, _ column: Int, _ message: String) {
        problems.append(Diagnostic(path: file, line: row, column: column, message: message))
    }

    /// The trimmed cell of `field` in `row`, nil when the column is absent or the cell blank.
    func value(_ field: String, in row: [CSVTable.Cell]) -> String? {
        guard let column = columns[field], column <= row.count else { return nil }
        let text = row[column - 1].text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func column(_ field: String) -> Int { columns[field] ?? 1 }
}

/// The columns each kind of import reads, by field name with the header names that mean it.
enum ImportColumns {
    /// A section's column is named by its Japanese or English heading or by the site's own
    /// (site.yml may rename them); the row's text goes under the heading the site writes.
    static func visits(_ sections: SectionNames) -> [(String, [String])] {
        [("date", ["日付", "訪問日"]), ("company", ["企業", "企業名"]), ("staff", ["担当", "担当者"]),
         ("kind", ["種別"]), ("themes", ["テーマ"]), ("next_visit", ["次回訪問"]), ("referrals", ["紹介先", "紹介"])]
            + NoteSectionRole.allCases.map { role in
                let japanese = SectionNames.japanese[role]!
                let others = [SectionNames.english[role]!, sections.title(role)].filter { $0 != japanese }
                return (japanese, others.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } })
            }
    }
    static let companies: [(String, [String])] = [
        ("id", []), ("name", ["企業名"]), ("kana", ["かな", "カナ", "ふりがな"]), ("industry", ["業種"]),
        ("location", ["所在地"]), ("employees", ["従業員数"]), ("founded", ["創業", "創業年"]),
        ("owner", ["担当", "担当者"]), ("status", ["状態", "ステータス"]), ("themes", ["テーマ"]), ("since", ["関係開始"]),
    ]
}
