import Seeded
import XCTest
@testable import FrontMatter

/// Input that a person (or a broken tool) might feed the parser must never crash or hang it.
final class HostileInputTests: XCTestCase {
    func testTenThousandNestedFlowSequencesFailAtTheDepthLimit() {
        let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        assertError(text, at: loc(1, 4 + YAML.maxDepth - 1), containing: "deeper")
        let unclosed = String(repeating: "[", count: 10_000)
        assertError(unclosed, at: loc(1, YAML.maxDepth + 1), containing: "deeper")
        let mappings = String(repeating: "{a: ", count: 10_000)
        assertError(mappings, at: loc(1, 4 * YAML.maxDepth + 1), containing: "deeper")
    }

    func testDeepBlockNestingFailsAtTheDepthLimit() {
        var text = ""
        for level in 0..<1_000 { text += String(repeating: " ", count: level) + "- \n" }
        text += String(repeating: " ", count: 1_000) + "x\n"
        XCTAssertThrowsError(try YAML.parse(text))
        let compact = String(repeating: "- ", count: 10_000) + "x"
        assertError(compact, at: loc(1, 2 * YAML.maxDepth + 1), containing: "deeper")
    }

    func testControlCharactersFromEscapesAreRefusedWhereTheyAreWritten() throws {
        for (escape, hex) in [("\\0", "0000"), ("\\e", "001B"), ("\\a", "0007"), ("\\b", "0008"), ("\\r", "000D"),
                              ("\\x1B", "001B"), ("\\u0000", "0000"), ("\\x7F", "007F"), ("\\N", "0085"), ("\\U0000009B", "009B")] {
            assertError("name: \"株式会社\(escape)精機\"", at: loc(1, 12), containing: "gives a control character (U+\(hex))")
        }
        let text = try YAML.parse(#"note: "一行目\n二行目\t表""#)
        XCTAssertEqual(text["note"]?.stringValue, "一行目\n二行目\t表", "tab and line feed stay text")
    }

    func testVeryLongLines() throws {
        let longValue = String(repeating: "長", count: 300_000) + " a: b"
        assertError("k: " + longValue, at: loc(1, 3 + 300_000 + 3), containing: "quoted")
        let items = Array(repeating: "項目", count: 100_000).joined(separator: ", ")
        let node = try YAML.parse("k: [" + items + "]")
        XCTAssertEqual(node["k"]?.items?.count, 100_000)
        let unterminated = "k: \"" + String(repeating: "x", count: 500_000)
        assertError(unterminated, at: loc(1, 4), containing: "unterminated")
        let manyKeys = (0..<50_000).map { "key\($0): value \($0)" }.joined(separator: "\n")
        XCTAssertEqual(try YAML.parse(manyKeys).entries?.count, 50_000)
    }

    func testRandomlyMutatedInputsNeverCrashAndLocateTheirErrors() {
        var random = SeededRandom(seed: 0x6465_6E73_686F)
        let seeds = HostileInputTests.seedDocuments
        let fragments = ["\n", "\r\n", "\r", " ", "  ", "\t", "-", "- ", ":", ": ", "#", " #", "[", "]", "{", "}", ",",
                         "\"", "'", "\\", "\\u", "|", ">", "|-", ">+2", "&", "*", "!", "?", "%", "@", "`", "---", "...",
                         "~", "null", "true", "2026-02-30", "2024-02-29", "99999999999999999999", "：", "　", "日本",
                         "\u{FEFF}", "é", "😀", "a: ", "key: value\n", "\n  - ", "\n    ", "[[[[", "]]]]"]
        var errors = 0
        for iteration in 0..<20_000 {
            var scalars = Array(seeds[iteration % seeds.count].unicodeScalars)
            for _ in 0..<(1 + random.next(4)) {
                let position = scalars.isEmpty ? 0 : random.next(scalars.count + 1)
                switch random.next(5) {
                case 0, 1:
                    let fragment = fragments[random.next(fragments.count)]
                    scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
                case 2 where !scalars.isEmpty:
                    let end = min(scalars.count, position + 1 + random.next(8))
                    scalars.removeSubrange(min(position, scalars.count - 1)..<end)
                case 3 where !scalars.isEmpty:
                    let start = random.next(scalars.count)
                    let slice = scalars[start..<min(scalars.count, start + 1 + random.next(20))]
                    scalars.insert(contentsOf: Array(slice), at: position)
                default:
                    if position < scalars.count { scalars[position] = fragments[random.next(fragments.count)].unicodeScalars.first ?? " " }
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let firstLine = 1 + random.next(3)
            do {
                let node = try YAML.parse(text, firstLine: firstLine)
                assertInside(node, text, firstLine: firstLine)
            } catch let error as YAMLError {
                errors += 1
                if !contains(text, error.location, firstLine: firstLine) {
                    XCTFail("error \(error) lies outside \(text.debugDescription)")
                    return
                }
            } catch {
                XCTFail("unexpected error type \(error)")
                return
            }
            _ = try? FrontMatter.parse("---\n" + text + "\n---\n")
        }
        // The mutations must actually exercise both paths.
        XCTAssertGreaterThan(errors, 2_000)
        XCTAssertLessThan(errors, 19_000)
    }

    private func assertInside(_ node: YAMLNode, _ text: String, firstLine: Int) {
        var pending = [node]
        while let next = pending.popLast() {
            if !contains(text, next.location, firstLine: firstLine) {
                XCTFail("node at \(next.location) lies outside \(text.debugDescription)")
                return
            }
            switch next.value {
            case .sequence(let items): pending.append(contentsOf: items)
            case .mapping(let entries): pending.append(contentsOf: entries.map(\.value))
            default: break
            }
        }
    }

    /// Whether `location` names a line of `text` and a column on it (or just past its end).
    private func contains(_ text: String, _ location: SourceLocation, firstLine: Int) -> Bool {
        var lineLengths = [0]
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" { lineLengths.append(0) } else { lineLengths[lineLengths.count - 1] += 1 }
        }
        let line = location.line - firstLine
        guard line >= 0, line < lineLengths.count else { return false }
        return location.column >= 1 && location.column <= lineLengths[line] + 1
    }

    private static let seedDocuments = [
        "name: 株式会社〇〇精機\nemployees: 35\nsince: 2019-04-01\nthemes: [知財活用, 海外展開]\ncontacts:\n  - name: 山田 太郎\n    role: 代表取締役\n    note: 二代目。試作の速さが強み。\n",
        "date: 2026-10-14\nstaff: [tanaka, suzuki]\nreferrals:\n  - to: ip-coordinator\n    status: introduced\n    note: |\n      開放特許の候補\n      3件紹介\nnext_visit: 2026-12-01\n",
        "s: >-\n  folded\n  text\n\n  more\nt: \"esc \\u65E5 \\n\"\nu: 'it''s'\nv: {a: 1, b: [x, {c: d}]}\n",
        "- a\n- - b\n  - c\n-\n  k: v\n- [1, 2,\n   3]\n",
        "a:\n  b:\n    c:\n      d: [[[]]]\n  e: ~\n# comment\nf: TRUE\n",
    ]
}
