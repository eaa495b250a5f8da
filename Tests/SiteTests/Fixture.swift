import Foundation
import FrontMatter
@testable import Site

/// A content folder written from a dictionary of path → text, loaded through the real pipeline.
struct Fixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("densho-fixture-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func load() -> LoadedSite { SiteBuilder.load(content: root, displayPath: "content") }

    func index(today: String) -> PublishedSite {
        let loaded = load()
        return PublishedSite(model: loaded.model, links: loaded.links, today: CalendarDate(today)!)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static func visit(_ date: String, _ company: String, staff: String = "tanaka", extra: String = "", body: String = "## 見立て\n所見。\n## 振り返り\n済み。\n") -> (String, String) {
        ("visits/\(date.prefix(4))/\(date)-\(company).md", "---\ndate: \(date)\ncompany: \(company)\nstaff: [\(staff)]\n\(extra)---\n\(body)")
    }

    static func company(_ slug: String, owner: String = "tanaka", extra: String = "") -> (String, String) {
        ("companies/\(slug).md", "---\nname: 株式会社\(slug)\nowner: \(owner)\n\(extra)---\n本文。\n")
    }

    static let people: [String: String] = [
        "people/tanaka.md": "---\nname: 田中\nleft: 2026-03-31\nsuccessor: suzuki\n---\n",
        "people/suzuki.md": "---\nname: 鈴木\n---\n",
        "people/sato.md": "---\nname: 佐藤\nleft: 2025-03-31\n---\n",
        "partners/ip.md": "---\nname: 知財センター\n---\n",
        "partners/bank.md": "---\nname: 信用金庫\n---\n",
    ]

    static func make(_ entries: [(String, String)], site: String = "title: t\nvisit_cadence_days: 90\n") throws -> Fixture {
        var files = people
        files["site.yml"] = site
        for (path, text) in entries { files[path] = text }
        return try Fixture(files)
    }
}
