import Foundation
import XCTest

/// `docs/theme.md` is the theme contract: every name a template of the default theme uses must be
/// listed there, so theme authors never have to read Swift to learn what a page receives.
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
    var sections: [String: Set<String>] = [:]
    var strings: Set<String> = []

    init(_ text: String) throws {
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                let title = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                current = Self.quoted(title).first ?? title
                if current != "UI strings", sections[current] == nil { sections[current] = [] }
                continue
            }
            guard line.hasPrefix("| `") else { continue }
            let first = line.dropFirst().prefix(while: { $0 != "|" })
            for name in Self.quoted(String(first)) {
                if current == "UI strings" { strings.insert(name) } else { sections[current, default: []].insert(name) }
            }
        }
    }

    static func quoted(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
