import Foundation
import FrontMatter
import Mustache
import XCTest
@testable import Site

/// `docs/theme.md` is the theme contract: every name a template of the default theme uses must be
/// listed there, and every listed name described (type, meaning, an example), so theme authors
/// never have to read Swift to learn what a page receives.
final class ThemeContractTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    static let templates = repository.appendingPathComponent("themes/default/templates")

    func testEveryNameATemplateUsesIsInTheDocument() throws {
        let doc = try ThemeDocument(String(contentsOf: Self.repository.appendingPathComponent("docs/theme.md"), encoding: .utf8))
        let frame = doc.sections["Every page"] ?? []
        XCTAssertFalse(frame.isEmpty, "docs/theme.md has no '## Every page' section")
        var problems: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.templates.path).sorted() where file.hasSuffix(".mustache") {
            let template = String(file.dropLast(".mustache".count))
            guard let listed = doc.sections[template] else {
                problems.append("themes/default/templates/\(file) has no section in docs/theme.md: add '### `\(template)`' with a table of the names it receives")
                continue
            }
            let known = listed.union(frame).union(doc.sections["layout"] ?? [])
            for use in try Self.names(in: String(contentsOf: Self.templates.appendingPathComponent(file), encoding: .utf8)) {
                if use.name.hasPrefix("t.") {
                    let key = String(use.name.dropFirst(2))
                    if !doc.strings.contains(key) {
                        problems.append("\(file):\(use.line): UI string '\(key)' is not in docs/theme.md's UI strings table (add a row | `\(key)` | ja | en | used by |, and the key to i18n/ja.yml and en.yml)")
                    }
                    continue
                }
                if !Self.paths(use.name, inside: use.sections).contains(where: known.contains) {
                    let path = (use.sections + [use.name]).joined(separator: ".")
                    problems.append("\(file):\(use.line): '\(use.name)' is not in docs/theme.md under `\(template)` or 'Every page' (add a row | `\(path)` | type | meaning | example |)")
                }
            }
        }
        XCTAssert(problems.isEmpty, "the theme contract docs/theme.md is out of date:\n" + problems.joined(separator: "\n"))
    }

    func testEveryUIStringIsInTheDocumentAndInBothLanguages() throws {
        let doc = try ThemeDocument(String(contentsOf: Self.repository.appendingPathComponent("docs/theme.md"), encoding: .utf8))
        let i18n = Self.repository.appendingPathComponent("themes/default/i18n")
        for language in ["ja", "en"] {
            let keys = try Self.keys(String(contentsOf: i18n.appendingPathComponent("\(language).yml"), encoding: .utf8))
            XCTAssertEqual(keys.subtracting(doc.strings).sorted(), [], "keys of i18n/\(language).yml missing from docs/theme.md's UI strings table")
            XCTAssertEqual(doc.strings.subtracting(keys).sorted(), [], "keys in docs/theme.md's UI strings table missing from i18n/\(language).yml")
        }
    }

    /// The UI strings table's "used by" names exactly the templates that read the key (`{{t.key}}`).
    func testEveryUIStringSaysWhichTemplatesUseIt() throws {
        let doc = try ThemeDocument(String(contentsOf: Self.repository.appendingPathComponent("docs/theme.md"), encoding: .utf8))
        var users: [String: Set<String>] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.templates.path) where file.hasSuffix(".mustache") {
            for use in try Self.names(in: String(contentsOf: Self.templates.appendingPathComponent(file), encoding: .utf8)) where use.name.hasPrefix("t.") {
                users[String(use.name.dropFirst(2)), default: []].insert(String(file.dropLast(".mustache".count)))
            }
        }
        var problems: [String] = []
        for row in doc.rows where row.section == "UI strings" && row.cells.count >= 4 {
            guard let key = ThemeDocument.quoted(row.cells[0]).first else { continue }
            let listed = Set(ThemeDocument.quoted(row.cells[3]))
            let actual = users[key] ?? []
            if listed != actual {
                problems.append("docs/theme.md:\(row.line): `\(key)` is used by \(actual.sorted().map { "`\($0)`" }.joined(separator: ", ")), the table says \(listed.sorted())")
            }
        }
        XCTAssert(problems.isEmpty, "the UI strings table's 'used by' is out of date:\n" + problems.joined(separator: "\n"))
    }

    func testEveryListedNameIsDescribed() throws {
        let doc = try ThemeDocument(String(contentsOf: Self.repository.appendingPathComponent("docs/theme.md"), encoding: .utf8))
        XCTAssertGreaterThan(doc.rows.count, 300, "the tables of docs/theme.md were not read")
        let problems = doc.rows.compactMap(Self.undescribed)
        XCTAssert(problems.isEmpty, "docs/theme.md lists names without saying what they are:\n" + problems.joined(separator: "\n"))
    }

    /// What a row of the document lacks, nil when it is complete: a name needs its type and meaning,
    /// and a plain value (string, int, bool) an example unless it refers to another table ("see `link`");
    /// a UI string needs both languages and where it is used.
    static func undescribed(_ row: ThemeDocument.Row) -> String? {
        let cells = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        let at = "docs/theme.md:\(row.line): \(cells.first ?? "")"
        guard cells.count >= 4 else { return "\(at): the row needs four cells" }
        if cells.contains(where: { $0.contains("not described yet") }) { return "\(at) is marked 'not described yet'" }
        if row.section == "UI strings" {
            return cells[1...3].contains(where: \.isEmpty) ? "\(at): the UI string needs its ja and en text and where it is used" : nil
        }
        if cells[1].isEmpty { return "\(at): no type" }
        if cells[2].isEmpty { return "\(at): no meaning" }
        let plain = ["string", "int", "bool"].contains { cells[1].hasPrefix($0) }
        if plain, cells[3].isEmpty, !cells[2].hasPrefix("see `") { return "\(at): no example" }
        return nil
    }

    /// The other way round: every name the document lists is in the data densho gives that page (so a
    /// renamed or removed name cannot linger in the document), read from the demo site's pages. A name
    /// inside a list the demo leaves empty everywhere (no attachments, no orphaned company) cannot be
    /// seen and is not checked; a partial's names must be somewhere in some page's data.
    func testEveryListedNameIsInThePageData() throws {
        let doc = try ThemeDocument(String(contentsOf: Self.repository.appendingPathComponent("docs/theme.md"), encoding: .utf8))
        let loaded = SiteBuilder.load(content: Self.repository.appendingPathComponent("content"), displayPath: "content")
        let site = PublishedSite(model: loaded.model, links: loaded.links, today: try XCTUnwrap(CalendarDate("2026-11-25")))
        let theme = try SiteMapTests.theme()
        var data: [String: PageData] = [:]
        for page in PageRenderer(index: site, theme: theme, views: .everything).pages() {
            guard case .template(let template, let context) = page.output else { continue }
            data[template, default: PageData()].add(context(PageContext(index: site, theme: theme, outputPath: page.path, views: .everything)))
        }
        XCTAssertGreaterThanOrEqual(data.count, 20, "every page template was drawn")
        let everywhere = data.values.reduce(into: Set<String>()) { $0.formUnion($1.paths) }
        var problems: [String] = []
        for row in doc.rows where row.section != "UI strings" && !row.cells[1].contains("block") {
            for name in ThemeDocument.quoted(row.cells[0]) {
                let found: Bool
                switch row.section {
                case "Every page": found = data.values.allSatisfy { $0.paths.contains(name) }
                case let template where data[template] != nil: found = data[template]!.has(name)
                default: found = everywhere.contains { $0 == name || $0.hasSuffix("." + name) }   // a partial
                }
                if !found { problems.append("docs/theme.md:\(row.line): `\(name)` (under \(row.section)) is not in that page's data") }
            }
        }
        XCTAssert(problems.isEmpty, "docs/theme.md lists names densho does not give:\n" + problems.joined(separator: "\n"))
    }

    /// Every path of one template's data over all its pages (`a.b` for `b` of an item of list `a`),
    /// and the lists that never had an item.
    struct PageData {
        var paths: Set<String> = []
        var listsWithItems: Set<String> = []
        var lists: Set<String> = []

        mutating func add(_ value: MustacheValue, at path: String = "") {
            switch value {
            case .object(let fields):
                for (key, field) in fields { let inner = path.isEmpty ? key : path + "." + key; paths.insert(inner); add(field, at: inner) }
            case .array(let items):
                lists.insert(path)
                if !items.isEmpty { listsWithItems.insert(path) }
                for item in items { add(item, at: path) }
            default: break
            }
        }

        /// Present, or inside a list that was empty on every page (unseen, so not held against it).
        func has(_ name: String) -> Bool {
            if paths.contains(name) { return true }
            let parts = name.split(separator: ".")
            return (1..<max(parts.count, 1)).contains { n in
                let list = parts.prefix(n).joined(separator: ".")
                return lists.contains(list) && !listsWithItems.contains(list)
            }
        }
    }

    /// The checker itself: a row marked, or missing its type, meaning or example, is caught.
    func testAnUndescribedNameIsCaught() throws {
        let doc = try ThemeDocument("""
            ### `company`
            | name | type | meaning | example |
            |---|---|---|---|
            | `name` | string | front matter `name` | `株式会社みなと精機` |
            | `kana` | string or null | its reading | |
            | `ago` | | *not described yet* | |
            | `owner` | | who holds it | |
            | `themes` | list | | |
            | `staff.title` | string | see `link` | |
            ## UI strings
            | key | ja | en | used by |
            | `overdue` | 訪問超過 | Overdue | `company` |
            | `new_key` | 新しい | | |
            """)
        let flagged = doc.rows.filter { Self.undescribed($0) != nil }.map { $0.cells[0].trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(flagged, ["`kana`", "`ago`", "`owner`", "`themes`", "`new_key`"])
    }

    /// The checker itself: a name nobody documented is caught, nested or not.
    func testAnUndocumentedNameIsCaught() throws {
        let uses = try Self.names(in: "{{#companies}}{{#overdue}}{{title}}{{/overdue}}{{{chart}}}{{/companies}}{{newThing}}{{t.hello}}{{> link}}")
        XCTAssertEqual(uses.map(\.name), ["companies", "overdue", "title", "chart", "newThing", "t.hello"])
        let title = try XCTUnwrap(uses.first { $0.name == "title" })
        XCTAssertTrue(Self.paths(title.name, inside: title.sections).contains("companies.title"), "a boolean section may stand between")
        XCTAssertFalse(Self.paths("newThing", inside: []).contains("companies.newThing"))
    }

    struct Use { let name: String; let sections: [String]; let line: Int }

    /// Every variable and section name of a template, with the sections it is inside (partials,
    /// inheritance and blocks are not data).
    static func names(in text: String) throws -> [Use] {
        var uses: [Use] = []
        var stack: [(name: String, isData: Bool)] = []
        var rest = text[...]
        var line = 1
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closing) else { throw ContractError("unclosed tag at line \(line)") }
            var tag = rest[open.upperBound..<close.lowerBound]
            line += tag.filter { $0 == "\n" }.count
            rest = rest[close.upperBound...]
            if triple { tag = tag.dropFirst() }
            let sigil = tag.first.map { "#^/&!><$".contains($0) ? $0 : " " } ?? " "
            let name = (sigil == " " ? tag : tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            let here = stack.filter(\.isData).map(\.name)
            switch sigil {
            case "!", ">": continue
            case "#", "^":
                uses.append(Use(name: name, sections: here, line: line))
                stack.append((name, true))
            case "<", "$": stack.append((name, false))
            case "/": _ = stack.popLast()
            default: if name != "." { uses.append(Use(name: name, sections: here, line: line)) }
            }
        }
        return uses
    }

    /// The documented paths that may mean `name` inside `sections`: a section may be a list or
    /// object (a step in the path) or a boolean (no step), so every ordered subset of them counts.
    static func paths(_ name: String, inside sections: [String]) -> [String] {
        var prefixes: [[String]] = [[]]
        for section in sections { prefixes += prefixes.map { $0 + [section] } }
        return prefixes.map { ($0 + [name]).joined(separator: ".") }
    }

    static func keys(_ yaml: String) -> Set<String> {
        Set(yaml.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("#"), !line.hasPrefix(" ") else { return nil }
            return String(line[..<colon])
        })
    }

    struct ContractError: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }
}

/// docs/theme.md read as sections (`## Every page`, `### \`company\``…) of table rows whose first
/// cell lists names in backticks, and the UI strings table.
struct ThemeDocument {
    /// A table row that names something: its section, its cells (name, type, meaning, example; or
    /// key, ja, en, used by) and its line.
    struct Row { let section: String; let cells: [String]; let line: Int }

    var sections: [String: Set<String>] = [:]
    var strings: Set<String> = []
    var rows: [Row] = []

    init(_ text: String) throws {
        var current = ""
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") {
                let title = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                current = Self.quoted(title).first ?? title
                if current != "UI strings", sections[current] == nil { sections[current] = [] }
                continue
            }
            guard line.hasPrefix("| `") else { continue }
            let cells = Self.cells(line)
            rows.append(Row(section: current, cells: cells, line: offset + 1))
            for name in Self.quoted(cells.first ?? "") {
                if current == "UI strings" { strings.insert(name) } else { sections[current, default: []].insert(name) }
            }
        }
    }

    /// The cells of `| a | b \| c |`: split at `|` but not at an escaped `\|`.
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in line.dropFirst() {
            if character == "|", !escaped { cells.append(cell); cell = "" } else { cell.append(character) }
            escaped = character == "\\"
        }
        return cells
    }

    static func quoted(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
