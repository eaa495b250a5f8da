import Foundation
import XCTest

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
