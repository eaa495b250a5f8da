import Foundation
import FrontMatter
import Messages
import XCTest
@testable import Site

/// What a Japanese typist writes and densho now understands, or explains in Japanese.
final class JapaneseTypistTests: XCTestCase {
    func testEnumValuesAcceptTheLabelsTheSiteShows() throws {
        let f = try Fixture.make([
            Fixture.company("a", extra: "status: 休眠\n"),
            Fixture.visit("2026-01-10", "a", extra: "kind: 訪問\nreferrals:\n  - to: ip\n    status: 紹介済み\n  - to: bank\n    status: In progress\n"),
            ("visits/2026/2026-01-11-a.md", "---\ndate: 2026-01-11\ncompany: a\nstaff: [tanaka]\nkind: ｲﾍﾞﾝﾄ\n---\n## 振り返り\n済み。\n"),
        ])
        defer { f.remove() }
        let loaded = f.load()
        XCTAssertEqual(loaded.diagnostics.map(\.description), [])
        XCTAssertEqual(loaded.model.companies.first?.status, .dormant)
        let visits = loaded.model.visits.sorted { $0.date < $1.date }
        XCTAssertEqual(visits.map(\.kind), [.visit, .event])
        XCTAssertEqual(visits[0].referrals.map(\.status), [.introduced, .in_progress])
    }

    func testAnUnknownValueListsTheChoicesWithTheirLabels() throws {
        let f = try Fixture.make([Fixture.company("a"), Fixture.visit("2026-01-10", "a", extra: "kind: 面談\n")])
        defer { f.remove() }
        let diagnostic = try XCTUnwrap(f.load().diagnostics.first)
        XCTAssertEqual(diagnostic.message, "'kind' must be one of visit | call | event | matching, not '面談'")
        XCTAssertEqual(diagnostic.localized.text(.ja),
                       "'kind' は visit（訪問） | call（電話） | event（イベント） | matching（マッチング） のどれかで書きます（'面談' は使えません）")
    }

    func testQuotedDatesAreDatesAndOtherFormsGetTheExactFix() throws {
        let f = try Fixture.make([
            Fixture.company("a"),
            ("visits/2026/2026-10-03-a.md", "---\ndate: \"2026-10-03\"\ncompany: a\nstaff: [tanaka]\nnext_visit: 2026/12/1\n---\n## 振り返り\n済み。\n"),
            ("visits/2026/2026-10-04-a.md", "---\ndate: 2026-10-04\ncompany: a\nstaff: [tanaka]\nnext_visit: ２０２６年１２月２日\n---\n## 振り返り\n済み。\n"),
        ])
        defer { f.remove() }
        let loaded = f.load()
        XCTAssertEqual(loaded.model.visits.map(\.date.description).sorted(), ["2026-10-03", "2026-10-04"])
        let texts = loaded.diagnostics.sorted().map { "\($0.line):\($0.column) \($0.localized.text(.ja))" }
        XCTAssertEqual(texts, [
            "5:13 'next_visit' の日付は YYYY-MM-DD の形で書きます：'2026/12/1' ではなく 2026-12-01 と書いてください",
            "5:13 'next_visit' の日付は YYYY-MM-DD の形で書きます：'２０２６年１２月２日' ではなく 2026-12-02 と書いてください",
        ])
    }

    func testFrontMatterSlipsReachTheDiagnosticWithTheFileLine() throws {
        let f = try Fixture.make([
            Fixture.company("a"),
            ("visits/2026/2026-10-02-a.md", "---\ndate：2026-10-02\ncompany: a\nstaff: [tanaka]\n---\n"),
            ("visits/2026/2026-10-05-a.md", "---\ndate: 2026-10-05\ncompany: a\nstaff: [tanaka]\nreferrals:\n　　- to: ip\n---\n"),
        ])
        defer { f.remove() }
        let found = f.load().diagnostics.sorted()
        XCTAssertEqual(found.map { "\($0.path.split(separator: "/").last!):\($0.line):\($0.column)" },
                       ["2026-10-02-a.md:2:5", "2026-10-05-a.md:6:1"])
        XCTAssertTrue(found[0].localized.text(.ja).contains("全角のコロン「：」を半角「:」に"))
        XCTAssertTrue(found[1].localized.text(.ja).contains("全角スペース"))
        XCTAssertFalse(found.contains { $0.message.contains("unknown field") })
    }

    /// The labels accepted are the words the default theme shows: the two lists cannot drift apart.
    func testLabelsAreTheThemesWords() throws {
        let i18n = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/default/i18n")
        for (index, language) in ["ja", "en"].enumerated() {
            let node = try YAML.parse(String(decoding: try Data(contentsOf: i18n.appendingPathComponent("\(language).yml")), as: UTF8.self))
            func check<E: LabeledValue>(_ type: E.Type, prefix: String) {
                for value in E.allCases {
                    XCTAssertEqual(E.labels[value]?[index], node["\(prefix)\(value.rawValue)"]?.scalarText, "\(prefix)\(value.rawValue) (\(language))")
                }
            }
            check(VisitKind.self, prefix: "kind_")
            check(ReferralStatus.self, prefix: "status_")
            check(CompanyStatus.self, prefix: "company_")
        }
    }
}

final class SectionNamesTests: XCTestCase {
    func testEnglishSiteDefaultsAndRenamesAreReadFromSiteYml() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("densho-sections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("site.yml")
        try Data("language: en\nsections:\n  reflection: Lessons\n  summary: x\n".utf8).write(to: file)
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: file, displayPath: "site.yml", into: &diagnostics)
        XCTAssertEqual(config.reflectionPrompts, SectionNames.englishReflectionPrompts)
        XCTAssertEqual(config.sections.title(.reflection), "Lessons")
        XCTAssertEqual(config.sections.title(.diagnosis), "Assessment")
        XCTAssertEqual(diagnostics.items.map { "\($0.line):\($0.column) \($0.severity)" }, ["4:3 warning"], "an unknown section key is named")
        for heading in ["Lessons (2026-11-26)", "reflection", "振り返り (2026-11-26)"] {
            XCTAssertTrue(config.sections.matches(heading, .reflection), heading)
        }
        XCTAssertFalse(config.sections.matches("Assessment", .reflection))
    }
}
