import Foundation
import FrontMatter
import Messages

typealias PendingImport = (write: CSVImporter.Plan.Write, columns: [String: Int])

/// Rows of `import visits`: each the note `new visit` would write, with the row's sections.
struct VisitRows {
    let importer: CSVImporter
    let companies: NameIndex
    let people: NameIndex
    let partners: NameIndex
    let config: SiteConfig
    private var defaults: [String: (staff: [String], themes: [String])] = [:]
    private var planned: [String: String] = [:]   // relative path → text, within this import

    init(importer: CSVImporter, settings: FormSettings, config: SiteConfig) {
        self.importer = importer
        self.config = config
        companies = NameIndex(settings.companies, kind: "company", folder: importer.lookup.display("companies"), say: importer.say)
        people = NameIndex(settings.people, kind: "person", folder: importer.lookup.display("people"), say: importer.say)
        partners = NameIndex(settings.partners, kind: "partner", folder: importer.lookup.display("partners"), say: importer.say)
    }

    static let kindLabels = ["訪問": "visit", "電話": "call", "イベント": "event", "マッチング": "matching"]

    mutating func add(_ row: [CSVTable.Cell], _ reader: inout RowReader, _ pending: inout [PendingImport], _ unchanged: inout [String]) {
        let number = row.first?.row ?? 0
        let before = reader.problems.count
        var date: CalendarDate?
        if let text = reader.value("date", in: row) {
            date = ImportValues.date(text)
            if date == nil { reader.problem(number, reader.column("date"), importer.notADate(text)) }
        } else {
            reader.problem(number, reader.column("date"), importer.say(.importDateMissing))
        }
        var company: String?
        if let text = reader.value("company", in: row) {
            switch companies.resolve(text) {
            case .success(let id): company = id
            case .failure(let p): reader.problem(number, reader.column("company"), p.message)
            }
        } else {
            reader.problem(number, reader.column("company"), importer.say(.importCompanyMissing))
        }
        var staff: [String]? = nil
        if let text = reader.value("staff", in: row) {
            staff = []
            for name in ImportValues.list(text) {
                switch people.resolve(name) {
                case .success(let id): staff?.append(id)
                case .failure(let p): reader.problem(number, reader.column("staff"), p.message)
                }
            }
        }
        var nextVisit: CalendarDate?
        if let text = reader.value("next_visit", in: row) {
            nextVisit = ImportValues.date(text)
            if nextVisit == nil { reader.problem(number, reader.column("next_visit"), importer.notADate(text)) }
        }
        let referrals = reader.value("referrals", in: row).map { referralsIn($0, row: number, &reader) } ?? []
        guard reader.problems.count == before, let date, let company else { return }
        let kindText = reader.value("kind", in: row) ?? VisitKind.visit.rawValue
        var sections: [String: String] = [:]
        for heading in SectionNames.japanese.values {
            guard let text = reader.value(heading, in: row) else { continue }
            sections[heading] = heading == NoteFormat.nextSteps ? VisitDraft.taskLines(text) : text
        }
        let draft = VisitDraft(company: company, date: date, staff: staff, kind: VisitRows.kindLabels[kindText] ?? kindText,
                               themes: reader.value("themes", in: row).map(ImportValues.list), referrals: referrals,
                               sections: sections, nextVisit: nextVisit)
        let fallback = defaultsFor(company: company, date: date)
        let text = NoteTemplates.visit(draft, staff: (staff?.isEmpty == false ? staff : nil) ?? fallback.staff,
                                       themes: draft.themes ?? fallback.themes, config: config)
        for relative in NoteNaming.visitCandidates(date: date, company: company) {
            if let mine = planned[relative] {
                if mine == text { return }
                continue
            }
            let url = importer.content.appendingPathComponent(relative)
            if let existing = FileManager.default.contents(atPath: url.path) {
                if existing == Data(text.utf8) { unchanged.append(importer.lookup.display(relative)); return }
                continue
            }
            planned[relative] = text
            pending.append((CSVImporter.Plan.Write(row: number, relativePath: relative, displayPath: importer.lookup.display(relative), text: text),
                            reader.columns))
            return
        }
    }

    /// The referrals of a cell (`ReferralCell`), partners and statuses checked here so that a
    /// mistake is located in the spreadsheet, not in the note it would write.
    private func referralsIn(_ cell: String, row: Int, _ reader: inout RowReader) -> [VisitDraft.Referral] {
        let column = reader.column("referrals")
        let language = importer.language
        let items: [ReferralCell.Item]
        switch ReferralCell.items(cell) {
        case .success(let found): items = found
        case .failure(let unclosed):
            let example = language == .ja ? "よろず支援拠点（紹介済み）、信用保証協会" : "ip-center (introduced), credit-guarantee"
            reader.problem(row, column, Message(.importReferralUnclosed, unclosed.item, example).text(language))
            return []
        }
        var referrals: [VisitDraft.Referral] = []
        for item in items {
            var status = ReferralStatus.proposed
            if let written = item.status {
                guard let parsed = ReferralStatus.parse(written) else {
                    reader.problem(row, column, Message(.importReferralStatus, written, ReferralStatus.choices, "\(item.partner) (introduced)",
                                                        ReferralStatus.labeledChoices, "\(item.partner)（紹介済み）").text(language))
                    continue
                }
                status = parsed
            }
            switch partners.resolve(item.partner) {
            case .success(let id): referrals.append(VisitDraft.Referral(to: id, status: status.rawValue))
            case .failure(let problem): reader.problem(row, column, problem.message)
            }
        }
        return referrals
    }

    /// The holder on that day and the company's themes, read once per company and day.
    private mutating func defaultsFor(company: String, date: CalendarDate) -> (staff: [String], themes: [String]) {
        let key = "\(company)\n\(date)"
        if let known = defaults[key] { return known }
        let creator = NoteCreator(content: importer.content, displayRoot: importer.displayRoot)
        let found = (try? creator.visitDefaults(company: company, date: date)) ?? ([], [])
        defaults[key] = found
        return found
    }
}

/// Rows of `import companies`: a company page per row, named by its `id`.
struct CompanyRows {
    let importer: CSVImporter
    let people: NameIndex
    /// An English site's company pages get English headings, as `init --lang en` writes them.
    let english: Bool
    private var existing: [String]
    private var planned: Set<String> = []

    init(importer: CSVImporter, settings: FormSettings, english: Bool = false) {
        self.importer = importer
        self.english = english
        people = NameIndex(settings.people, kind: "person", folder: importer.lookup.display("people"), say: importer.say)
        existing = importer.lookup.slugs(in: .companies)
    }

    static let statusLabels = ["支援中": "active", "休眠": "dormant", "終了": "closed"]

    mutating func add(_ row: [CSVTable.Cell], _ reader: inout RowReader, _ pending: inout [PendingImport], _ unchanged: inout [String]) {
        let number = row.first?.row ?? 0
        let before = reader.problems.count
        guard let id = reader.value("id", in: row) else {
            reader.problem(number, reader.column("id"), importer.say(.importIDMissing))
            return
        }
        guard let name = reader.value("name", in: row) else {
            reader.problem(number, reader.column("name"), importer.say(.importNameMissing))
            return
        }
        var owner: String?
        if let text = reader.value("owner", in: row) {
            switch people.resolve(text) {
            case .success(let found): owner = found
            case .failure(let p): reader.problem(number, reader.column("owner"), p.message)
            }
        }
        var since: CalendarDate?
        if let text = reader.value("since", in: row) {
            since = ImportValues.date(text)
            if since == nil { reader.problem(number, reader.column("since"), importer.notADate(text)) }
        }
        // 35人, 1,200名, 1968年: the number only.
        let count = { (cell: String?) -> String? in
            cell.map { $0.precomposedStringWithCompatibilityMapping.filter { !",人名年".contains($0) } }
        }
        let status = reader.value("status", in: row).map { CompanyRows.statusLabels[$0] ?? $0 } ?? CompanyStatus.active.rawValue
        let text = CompanyRows.page(name: name, english: english, fields: [
            ("kana", reader.value("kana", in: row).map(YAMLText.scalar)), ("industry", reader.value("industry", in: row).map(YAMLText.scalar)),
            ("location", reader.value("location", in: row).map(YAMLText.scalar)), ("employees", count(reader.value("employees", in: row))),
            ("founded", count(reader.value("founded", in: row))), ("owner", owner.map(YAMLText.scalar)), ("since", since?.description),
            ("status", YAMLText.scalar(status)), ("themes", YAMLText.list(reader.value("themes", in: row).map(ImportValues.list) ?? [])),
        ])
        guard reader.problems.count == before else { return }
        let relative = "companies/\(id).md"
        if let current = FileManager.default.contents(atPath: importer.content.appendingPathComponent(relative).path) {
            if current == Data(text.utf8) { unchanged.append(importer.lookup.display(relative)); return }
            reader.problem(number, reader.column("id"), importer.say(.importCompanyDiffers, importer.lookup.display(relative)))
            return
        }
        do {
            try NoteNaming.checkNewSlug(id, kind: "company", existing: existing)
        } catch {
            reader.problem(number, reader.column("id"), "\(error)")
            return
        }
        existing.append(id)
        planned.insert(id)
        pending.append((CSVImporter.Plan.Write(row: number, relativePath: relative, displayPath: importer.lookup.display(relative), text: text),
                        reader.columns))
    }

    /// The page `new company` writes, with the row's values in its fields.
    static func page(name: String, english: Bool = false, fields: [(String, String?)]) -> String {
        var lines = ["---", "name: \(YAMLText.scalar(name))"]
        for (key, value) in fields { lines.append(value.map { "\(key): \($0)" } ?? "\(key):") }
        let headings = english ? ["History", "Strengths", "Challenges", "Why this relationship matters"]
                               : ["沿革", "強み", "課題", "この関係が大切な理由"]
        lines.append("---")
        for heading in headings { lines += ["## \(heading)", ""] }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension CSVImporter {
    func notADate(_ text: String) -> String {
        say(.importNotADate, text, "令和8年10月14日")
    }
}
