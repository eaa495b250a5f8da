import Foundation
import Search

/// Turns the published pages into search documents and writes the index shards into the site.
/// Only what this build publishes goes in, so `--public` indexes only public pages.
enum SearchPublisher {
    static func documents(_ index: SiteIndex) -> [SearchDocument] {
        let m = index.model
        let maker = DocumentMaker(index: index)
        var docs: [SearchDocument] = []
        docs.reserveCapacity(m.pageCount)
        for c in m.companies { docs.append(maker.company(c)) }
        // Visits are most of the pages and their plain text (wiki links named) is the costly
        // part, so they are made on every core; the order stays that of the model.
        let visits = m.visits
        var visitDocs = [SearchDocument?](repeating: nil, count: visits.count)
        visitDocs.withUnsafeMutableBufferPointer { out in
            let o = out
            DispatchQueue.concurrentPerform(iterations: visits.count) { i in o[i] = maker.visit(visits[i]) }
        }
        docs.append(contentsOf: visitDocs.compactMap { $0 })
        for p in m.playbooks { docs.append(maker.document(p.page, date: nil, meta: [], facets: [:])) }
        for p in m.people {
            docs.append(maker.document(p.page, date: p.joined?.description, meta: [p.role, p.org], facets: ["person": [p.page.slug]]))
        }
        for p in m.partners { docs.append(maker.document(p.page, date: nil, meta: [p.kind], facets: ["partner": [p.page.slug]])) }
        return docs
    }

    /// One page's search document; what it reads besides the page is front matter of the pages it names.
    struct DocumentMaker {
        let index: SiteIndex

        func published(_ facet: String, _ id: String) -> Bool {
            switch facet {
            case "company": return index.companiesBySlug[id] != nil
            case "person": return index.peopleByID[id] != nil
            case "partner": return index.partnersByID[id] != nil
            default: return true
            }
        }

        func document(_ page: PageInfo, date: String?, meta: [String?], facets given: [String: [String]]) -> SearchDocument {
            // Facet values are ids; one naming a page this build does not publish would leak it.
            var facets: [String: [String]] = [:]
            for (name, ids) in given { facets[name] = ids.filter { published(name, $0) } }
            facets["theme"] = page.themeNames
            if let date { facets["year"] = [String(date.prefix(4))] }
            return SearchDocument(url: page.outputPath, title: page.title, type: page.section.kind, date: date,
                                  headings: page.markdown.headings.map(\.text), body: index.plainText(page),
                                  meta: meta.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n"),
                                  facets: facets.filter { !$0.value.isEmpty })
        }

        func company(_ c: Company) -> SearchDocument {
            let contacts = c.contacts.flatMap { [$0.name, $0.role, $0.note] }
            return document(c.page, date: index.lastVisit(of: c)?.date.description ?? c.since?.description,
                            meta: [c.kana, c.industry, c.location, c.owner.flatMap { index.peopleByID[$0.value]?.name }] + contacts,
                            facets: ["company": [c.page.slug], "person": c.owner.map { [$0.value] } ?? []])
        }

        func visit(_ v: Visit) -> SearchDocument {
            let referralText = v.referrals.flatMap { [index.partnersByID[$0.to.value]?.name, $0.note] }
            return document(v.page, date: v.date.description,
                            meta: [index.companiesBySlug[v.company.value]?.name] + v.staff.map { index.peopleByID[$0.value]?.name } + referralText,
                            facets: ["company": [v.company.value], "person": v.staff.map(\.value),
                                     "partner": v.referrals.map(\.to.value)])
        }
    }

    static func labels(_ index: SiteIndex) -> SearchFacetLabels {
        let m = index.model
        return SearchFacetLabels(labels: [
            "company": Dictionary(m.companies.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "person": Dictionary(m.people.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "partner": Dictionary(m.partners.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
        ])
    }

    /// Writes the index; returns the site paths of its files. A session keeps the index's
    /// postings, so a later quick rebuild can patch them (see `update`).
    static func publish(_ index: SiteIndex, into output: SiteOutput, session: SearchIndexSession?) throws -> Set<String> {
        let sink: @Sendable (String, Data) throws -> Void = { name, data in try output.write("search/\(name)", data) }
        let names: Set<String>
        if let session {
            names = try session.build(documents(index), labels: labels(index), sink: sink).fileNames
        } else {
            let written = NameSet()
            _ = try SearchIndexWriter.write(documents(index), labels: labels(index)) { name, data in
                written.insert(name)
                try sink(name, data)
            }
            names = written.names
        }
        return Set(names.map { "search/\($0)" })
    }

    /// A quick rebuild's index: only the visits whose bodies changed get new documents (nothing
    /// else a document holds can have changed); only files whose bytes change are written.
    static func update(_ index: SiteIndex, visits: [Visit], into output: SiteOutput, session: SearchIndexSession) throws -> Set<String> {
        let maker = DocumentMaker(index: index)
        let update = try session.update(replacing: visits.map(maker.visit), labels: labels(index)) { name, data in
            try output.write("search/\(name)", data)
        }
        return Set(update.fileNames.map { "search/\($0)" })
    }
}

/// File names written from several threads.
final class NameSet: @unchecked Sendable {
    private let lock = NSLock()
    private var set = Set<String>()
    func insert(_ name: String) { lock.lock(); set.insert(name); lock.unlock() }
    var names: Set<String> { lock.lock(); defer { lock.unlock() }; return set }
}
