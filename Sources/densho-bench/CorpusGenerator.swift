import Seeded
import Foundation

/// Writes a deterministic content tree of `visits` visit notes in the densho format, with
/// companies, people, partners and playbooks in proportion (see CorpusCast).
struct CorpusGenerator {
    let visits: Int
    let seed: UInt64

    /// Returns the paths (relative to the content folder) of the visit notes, oldest first per company.
    @discardableResult
    func write(to content: URL) throws -> [String] {
        var r = SeededRandom(seed: seed)
        let cast = CorpusCast(visits: visits, random: &r)
        let text = NoteText(cast: cast)
        let files = FileWriter(root: content)
        try files.write("site.yml", """
            title: ベンチマーク市 伴走支援ノート
            language: ja
            visit_cadence_days: 90
            themes:
            \(Vocabulary.themes.map { "  - \($0)" }.joined(separator: "\n"))

            """)
        for p in cast.people { try files.write("people/\(p.id).md", EntityText.person(p, cast: cast, &r)) }
        for p in cast.partners { try files.write("partners/\(p.id).md", EntityText.partner(p, &r)) }
        for p in cast.playbooks { try files.write("playbooks/\(p.slug).md", EntityText.playbook(p, &r)) }
        for c in cast.companies { try files.write("companies/\(c.slug).md", EntityText.company(c, cast: cast, &r)) }

        // Each visit picks its company; then every company's visits are written in date order so
        // that open promises can be carried from one note to the next, as people do.
        var perCompany = [Int](repeating: 0, count: cast.companies.count)
        for _ in 0..<visits { perCompany[r.int(0...(cast.companies.count - 1))] += 1 }
        let first = CalendarDay.days(2016, 1, 4), last = CalendarDay.days(2026, 11, 20)
        var written: [String] = []
        written.reserveCapacity(visits)
        var usedNames = Set<String>()
        for (ci, company) in cast.companies.enumerated() where perCompany[ci] > 0 {
            let dates = (0..<perCompany[ci]).map { _ in r.int(first...last) }.sorted()
            var open: [String] = []
            for day in dates {
                let date = CalendarDay.string(day)
                var name = "\(date)-\(company.slug)"
                var n = 2
                while usedNames.contains(name) { name = "\(date)-\(company.slug)-\(n)"; n += 1 }
                usedNames.insert(name)
                let path = "visits/\(date.prefix(4))/\(name).md"
                let note = VisitNote.make(company: company, date: date, day: day, open: &open, cast: cast, text: text, &r)
                try files.write(path, note)
                written.append(path)
            }
        }
        return written
    }
}

/// Creates folders once and writes files without the overhead of atomic temp files (a corpus is
/// scratch data).
final class FileWriter {
    let root: URL
    private var made = Set<String>()

    init(root: URL) { self.root = root }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        let dir = url.deletingLastPathComponent().path
        if !made.contains(dir) {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            made.insert(dir)
        }
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
            throw BenchError("cannot write \(url.path)")
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
