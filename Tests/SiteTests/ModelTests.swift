import Foundation
import XCTest
@testable import Site

final class ModelTests: XCTestCase {
    func messages(_ loaded: LoadedSite) -> [String] { loaded.diagnostics.map(\.description) }

    func testValidContentHasNoDiagnostics() throws {
        let f = try Fixture.make([Fixture.company("a"), Fixture.visit("2026-01-10", "a")])
        defer { f.remove() }
        let loaded = f.load()
        XCTAssertEqual(messages(loaded), [])
        XCTAssertEqual(loaded.model.visits.first?.page.title, "2026-01-10 株式会社a")
    }

    func testEveryProblemIsReportedWithItsLocation() throws {
        let f = try Fixture.make([
            Fixture.company("a", owner: "tanak", extra: "status: open\nemployees: 多い\n"),
            Fixture.visit("2026-01-10", "b", staff: "suzuki, nobody", extra: "referrals:\n  - to: ipp\n    status: signed\n"),
            ("visits/2026/2026-02-01-a.md", "---\ndate: 2026-02-02\ncompany: a\n---\n"),
            ("visits/2025/2026-03-01-a.md", "---\ndate: 2026-03-01\ncompany: a\n---\n"),
            ("playbooks/p.md", "---\norder: 1\n---\n"),
            ("people/x.md", "---\nname: X\nsuccessor: x\n---\n"),
        ])
        defer { f.remove() }
        let all = messages(f.load()).joined(separator: "\n")
        for expected in [
            "content/companies/a.md:3:8: error: unknown person 'tanak'; did you mean 'tanaka'?",
            "content/companies/a.md:4:9: error: 'status' must be one of active | dormant | closed, not 'open'",
            "content/companies/a.md:5:12: error: 'employees' must be a whole number",
            "content/visits/2026/2026-01-10-b.md:3:10: error: unknown company 'b'",
            "content/visits/2026/2026-01-10-b.md:4:17: error: unknown person 'nobody'",
            "content/visits/2026/2026-01-10-b.md:6:9: error: unknown partner 'ipp'; did you mean 'ip'?",
            "content/visits/2026/2026-01-10-b.md:7:13: error: 'status' must be one of proposed | introduced | in_progress | contracted | productized | declined | closed, not 'signed'",
            "content/visits/2026/2026-02-01-a.md:1:1: error: file name should start with the visit's date 2026-02-02",
            "content/visits/2025/2026-03-01-a.md:1:1: error: a visit of 2026 belongs in visits/2026/",
            "content/playbooks/p.md:1:1: error: missing required field 'title'",
            "content/people/x.md:3:12: error: a person cannot be their own successor",
        ] {
            XCTAssertTrue(all.contains(expected), "missing: \(expected)\n--- got:\n\(all)")
        }
    }

    func testUnknownFieldsAreWarningsNotErrors() throws {
        let f = try Fixture.make([Fixture.company("a", extra: "stauts: active\n")])
        defer { f.remove() }
        let loaded = f.load()
        XCTAssertFalse(loaded.hasErrors)
        XCTAssertEqual(messages(loaded), ["content/companies/a.md:4:1: warning: unknown field 'stauts' is ignored"])
    }

    func testWikiLinksResolveBySlugSectionAndTitleAndReportAmbiguity() throws {
        let f = try Fixture.make([
            Fixture.company("a"),
            ("partners/a.md", "---\nname: 同名の支援機関\n---\n"),
            ("playbooks/p.md", "---\ntitle: てびき\n---\n[[companies/a]] [[株式会社a|A社]] [[ip]]\n\n[[a]] と [[存在しない]]\n"),
        ])
        defer { f.remove() }
        let loaded = f.load()
        let all = messages(loaded)
        XCTAssertTrue(all.contains { $0.hasPrefix("content/playbooks/p.md:6:1: error: link [[a]] is ambiguous") }, "\(all)")
        XCTAssertTrue(all.contains { $0.hasPrefix("content/playbooks/p.md:6:9: error: link [[存在しない]] does not match any page") }, "\(all)")
        let targets = loaded.links.targets[PageID(kind: .playbooks, slug: "p")] ?? []
        XCTAssertEqual(targets.prefix(3).map { $0?.page.description }, ["companies/a", "companies/a", "partners/ip"])
        XCTAssertEqual(loaded.links.backlinks[PageID(kind: .companies, slug: "a")], [PageID(kind: .playbooks, slug: "p")])
    }

    /// Titles holding `/`, `&`, `*` or `#` are named by `[[title]]` like any other; a link that
    /// emphasis or raw HTML used to split is a link, so a wrong one is a located error.
    func testTitlesWithSlashAmpersandAsteriskAndHashAreLinkable() throws {
        let f = try Fixture.make([
            ("playbooks/kigou.md", "---\ntitle: 記号A/B&C*D*テスト\n---\n本文。\n"),
            ("playbooks/visits.md", "---\ntitle: visits/2026 の振り返り\n---\n本文。\n"),
            ("playbooks/sharp.md", "---\ntitle: C#入門　第２版\n---\n本文。\n"),
            ("playbooks/p.md", "---\ntitle: てびき\n---\n[[記号A/B&C*D*テスト]] [[visits/2026 の振り返り]] [[C#入門　第２版|シー]]\n\n説明 [[nosuch|<i>ｙ</i>]] と [[A*B*C]]\n"),
        ])
        defer { f.remove() }
        let loaded = f.load()
        let all = messages(loaded)
        let targets = loaded.links.targets[PageID(kind: .playbooks, slug: "p")] ?? []
        XCTAssertEqual(targets.map { $0?.page.description }, ["playbooks/kigou", "playbooks/visits", "playbooks/sharp", nil, nil], "\(all)")
        XCTAssertTrue(all.contains { $0.hasPrefix("content/playbooks/p.md:6:4: error: link [[nosuch]] does not match any page") }, "\(all)")
        XCTAssertTrue(all.contains { $0.hasPrefix("content/playbooks/p.md:6:26: error: link [[A*B*C]] does not match any page") }, "\(all)")
        XCTAssertEqual(all.filter { $0.contains("error") }.count, 2, "\(all)")
    }

    func testSymlinkOutOfContentIsRefused() throws {
        let f = try Fixture.make([])
        defer { f.remove() }
        try FileManager.default.createDirectory(at: f.root.appendingPathComponent("companies"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: f.root.appendingPathComponent("companies/leak.md").path, withDestinationPath: "/etc/hostname")
        let all = messages(f.load())
        XCTAssertTrue(all.contains("content/companies/leak.md:1:1: error: symbolic link points outside the content folder; refused"), "\(all)")
    }
}
