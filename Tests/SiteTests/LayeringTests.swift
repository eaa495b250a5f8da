import Foundation
import XCTest

/// The Site room's folders form one direction (ARCHITECTURE.md, issue #11): a file may use what
/// its own folder and the folders below it declare, never what a folder above or beside it does.
/// The compiler cannot see folders inside one target, so this test reads the sources.
final class LayeringTests: XCTestCase {
    /// Lowest first. Folders on one line are siblings and must not use each other either.
    static let layers: [[String]] = [
        ["Support"],     // fingerprints, parallel map, progress, step timings
        ["Content"],     // files → parsed sources, diagnostics, page kinds
        ["Model"],       // typed model, note format, derived page paths, --public filter
        ["Links"],       // wiki links and backlinks
        ["Views"],       // the published site's lookups and derived views (radar, funnel…)
        ["Output", "Reports"],   // writing the site atomically; report files (CSV, calendar, JSON)
        ["Render"],      // template data and pages
        ["Build"],       // the build's steps, sessions, quick rebuilds, search publishing
        ["Check", "Authoring"],
    ]

    func testEveryFolderUsesOnlyFoldersBelowIt() throws {
        let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/Site").standardizedFileURL
        let folders = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        var level: [String: Int] = [:]
        for (index, line) in Self.layers.enumerated() { for folder in line { level[folder] = index } }
        for folder in folders where level[folder] == nil {
            XCTFail("Sources/Site/\(folder) is in no layer: add it to LayeringTests.layers where it belongs")
        }

        var code: [String: (folder: String, text: String)] = [:]
        var declaredIn: [String: String] = [:]
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(folder).path)
            for name in names.sorted() where name.hasSuffix(".swift") {
                let text = Self.withoutCommentsAndStrings(try String(contentsOf: site.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8))
                code["\(folder)/\(name)"] = (folder, text)
                for type in Self.topLevelTypes(in: text) { declaredIn[type] = folder }
            }
        }
        XCTAssertEqual(declaredIn["PublishedSite"], "Views", "the test must see the declarations")
        var problems: [String] = []
        for (file, source) in code.sorted(by: { $0.key < $1.key }) {
            guard let own = level[source.folder] else { continue }
            for word in Set(Self.identifiers(in: source.text)).sorted() {
                guard let folder = declaredIn[word], folder != source.folder, let theirs = level[folder] else { continue }
                if theirs >= own { problems.append("\(file) uses \(word) from \(folder)/") }
            }
        }
        XCTAssert(problems.isEmpty, """
            Sources/Site must depend one way (Support → Content → Model → Links → Views → Output → Render → Build → Check/Authoring); \
            move the definition down to the lowest folder that needs it:
            \(problems.joined(separator: "\n"))
            """)
    }

    /// `struct X`, `enum X`… declared at the start of a line (nested types are not the folder's vocabulary).
    static func topLevelTypes(in text: String) -> [String] {
        let modifiers: Set<Substring> = ["public", "internal", "private", "fileprivate", "final", "indirect"]
        let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "typealias", "actor"]
        var names: [String] = []
        for line in text.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
            var words = line.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })[...]
            while let first = words.first, modifiers.contains(first) { words = words.dropFirst() }
            if let kind = words.first, kinds.contains(kind), words.count > 1 { names.append(String(words[words.startIndex + 1])) }
        }
        return names
    }

    static func identifiers(in text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init)
    }

    /// Comments and string literals may name anything (a doc comment pointing up is fine).
    static func withoutCommentsAndStrings(_ text: String) -> String {
        var result = ""
        var chars = text[...]
        while let c = chars.first {
            if chars.hasPrefix("//") {
                chars = chars.drop(while: { $0 != "\n" })
            } else if chars.hasPrefix("/*") {
                chars = chars.dropFirst(2)
                while !chars.isEmpty, !chars.hasPrefix("*/") { chars = chars.dropFirst() }
                chars = chars.dropFirst(2)
            } else if c == "\"" {
                let multi = chars.hasPrefix("\"\"\"")
                let close = multi ? "\"\"\"" : "\""
                chars = chars.dropFirst(close.count)
                while !chars.isEmpty, !chars.hasPrefix(close) {
                    if chars.first == "\\" { chars = chars.dropFirst() }
                    if !multi, chars.first == "\n" { break }
                    chars = chars.dropFirst()
                }
                chars = chars.dropFirst(close.count)
                result += "\"\""
            } else {
                result.append(c)
                chars = chars.dropFirst()
            }
        }
        return result
    }
}
