import Foundation
import XCTest

/// An English site end to end: `init --lang en`, `new`, `reflect`, `check`, `build`, with English
/// section headings read wherever sections matter and no Japanese in what densho itself writes.
final class EnglishSiteTests: XCTestCase {
    private func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    func testInitNewReflectCheckAndBuildSpeakEnglish() throws {
        let root = try TemporaryProject()
        let project = root.root.appendingPathComponent("sakura")
        let initialized = try Densho.run(["init", project.path, "--lang", "en", "--theme", root.theme.path, "--today", "2026-11-10"])
        XCTAssertEqual(initialized.status, 0, initialized.stderr)
        let content = project.appendingPathComponent("content")
        for file in try FileManager.default.subpathsOfDirectory(atPath: content.path) where file.hasSuffix(".md") || file.hasSuffix(".yml") {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            XCTAssertFalse(text.unicodeScalars.contains(where: isJapanese), "\(file) holds Japanese")
        }

        let created = try Densho.run(["new", "visit", "sakura-kogyo", "--date", "2026-11-10"], in: project)
        XCTAssertEqual(created.status, 0, created.stderr)
        let visitPath = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let visit = try String(contentsOf: project.appendingPathComponent(visitPath), encoding: .utf8)
        XCTAssertTrue(visit.contains("## What we heard\n\n## Assessment\n\n## Next steps\n\n- [ ] \n\n## Reflection\n"), visit)
        XCTAssertFalse(visit.unicodeScalars.contains(where: isJapanese), visit)

        let check = try Densho.run(["check", "--today", "2026-11-25"], in: project)
        XCTAssertTrue(check.stdout.contains("\(visitPath):22:1: warning: Reflection is still empty, 15 days after the visit"), check.stdout)

        let reflected = try Densho.run(["reflect", visitPath, "--today", "2026-11-26"], in: project)
        XCTAssertEqual(reflected.status, 0, reflected.stderr)
        var text = try String(contentsOf: project.appendingPathComponent(visitPath), encoding: .utf8)
        // The empty Reflection that `new visit` wrote is filled where it stands.
        XCTAssertTrue(text.hasSuffix("## Reflection\n\n- What went well:\n- What to change next time:\n- What the successor should know:\n"), text)
        text = text.replacingOccurrences(of: "- What went well:", with: "- What went well: the president opened up")
        try Data(text.utf8).write(to: project.appendingPathComponent(visitPath))
        let after = try Densho.run(["check", "--today", "2026-11-25"], in: project)
        XCTAssertEqual(after.stdout, "", "the answered Reflection counts")

        let built = try Densho.run(["build", "--today", "2026-11-26", "--theme", root.theme.path], in: project)
        XCTAssertEqual(built.status, 0, built.stderr)
        let site = project.appendingPathComponent("site")
        for file in try FileManager.default.subpathsOfDirectory(atPath: site.path) where file.hasSuffix(".html") {
            let html = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            let japanese = html.unicodeScalars.filter(isJapanese)
            XCTAssertTrue(japanese.isEmpty, "\(file) shows Japanese: \(String(String.UnicodeScalarView(japanese.prefix(40))))")
        }
        // The handover packet quotes the Assessment of the recent visits.
        let people = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("people").path)
        XCTAssertFalse(people.isEmpty)
    }

    func testSiteYmlRenamesTheSections() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/site.yml", """
        title: テスト市
        language: ja
        sections:
          diagnosis: 所見
          reflection: ふりかえり
        """)
        try project.write("content/visits/2026/2026-08-01-minato-seiki.md", """
        ---
        date: 2026-08-01
        company: minato-seiki
        staff: [tanaka, suzuki]
        ---
        ## 所見
        加工精度が高い。
        ## ふりかえり
        次は工場を見せてもらう。
        """)
        let check = try Densho.run(["check", "--content", project.content.path, "--today", "2026-11-25"])
        XCTAssertFalse(check.stdout.contains("2026-08-01-minato-seiki.md:1:1: warning"), "ふりかえり counts as the reflection: \(check.stdout)")
        let created = try Densho.run(["new", "visit", "minato-seiki", "--date", "2026-11-20"], in: project.root)
        let path = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = try project.read(path)
        XCTAssertTrue(note.contains("## 聞いたこと\n\n## 所見\n\n## 次の一手\n\n- [ ] \n\n## ふりかえり\n"), note)
        let built = try project.build()
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(try project.read("site/people/tanaka-handover.html").contains("加工精度が高い。"), "the handover quotes the renamed 所見")
    }
}
