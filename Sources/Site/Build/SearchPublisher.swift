import Foundation
import Search

/// Turns the published pages into search documents and writes the index shards into the site.
/// Only what this build publishes goes in, so `--public` indexes only public pages.
enum SearchPublisher {
    /// Every document, in model order, made on all cores.
    static func documents(_ index: PublishedSite) -> [SearchDocument] {
        let maker = DocumentMaker(index: index)
        return onAllCores(maker.count) { maker.document(at: $0) }
    }

    private static func onAllCores<T>(_ count: Int, _ make: (Int) -> T) -> [T] {
        let results = ConcurrentResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { results.set($0, make($0)) }
        return results.values
    }

    /// One page's search document; what it reads besides the page is front matter of the pages it names.
    struct DocumentMaker: Sendable {
        let index: PublishedSite

        /// Documents in model order: companies, visits, playbooks, people, partners.
        var count: Int { index.model.pageCount }

        private enum Entry {
            case company(Company), visit(Visit), playbook(Playbook), person(Person), partner(Partner)
        }

        /// The `i`th page in model order.
        private func entry(at i: Int) -> Entry {
            let m = index.model
            var i = i
            if i < m.companies.count { return .company(m.companies[i]) }
            i -= m.companies.count
            if i < m.visits.count { return .visit(m.visits[i]) }
            i -= m.visits.count
            if i < m.playbooks.count { return .playbook(m.playbooks[i]) }
            i -= m.playbooks.count
            if i < m.people.count { return .person(m.people[i]) }
            return .partner(m.partners[i - m.people.count])
        }

        func page(at i: Int) -> PageInfo {
            switch entry(at: i) {
            case .company(let c): return c.page
            case .visit(let v): return v.page
            case .playbook(let p): return p.page
            case .person(let p): return p.page
            case .partner(let p): return p.page
            }
        }

        func document(at i: Int) -> SearchDocument {
            switch entry(at: i) {
            case .company(let c): return company(c)
            case .visit(let v): return visit(v)
            case .playbook(let p): return document(p.page, date: nil, meta: [], facets: [:])
            case .person(let p):
                return document(p.page, date: p.joined?.description, meta: [p.role, p.org], facets: ["person": [p.page.slug]])
            case .partner(let p): return document(p.page, date: nil, meta: [p.kind], facets: ["partner": [p.page.slug]])
            }
        }

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
            facets["theme"] = page.topicNames
            if let date { facets["year"] = [String(date.prefix(4))] }
            return SearchDocument(url: page.outputPath, title: page.title, type: page.kind.singular, date: date,
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

    static func labels(_ index: PublishedSite) -> SearchFacetLabels {
        let m = index.model
        return SearchFacetLabels([
            "company": Dictionary(m.companies.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "person": Dictionary(m.people.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "partner": Dictionary(m.partners.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
        ])
    }

    /// Writes the index; returns the site paths of its files (empty without a session). A session keeps the index's
    /// postings, so a later quick rebuild can patch them (see `update`). `lean` (a large one-shot
    /// build, which reads no page's text after its search document) trades time for memory.
    static func publish(_ index: PublishedSite, into output: SiteOutput, session: SearchIndexSession?,
                        lean: Bool = false) throws -> Set<String> {
        let sink: @Sendable (String, Data) throws -> Void = { name, data in try output.write("search/\(name)", data) }
        if let session {
            // A session removes what a later index no longer has, so it needs the file names.
            return Set(try session.build(documents(index), labels: labels(index), sink: sink).fileNames.map { "search/\($0)" })
        }
        if lean {
            // Documents are made twice, once to measure them and once, a batch at a time, for
            // the writer, and each page's plain text goes as soon as its document is made: at
            // 100,000 pages holding all their text twice would cost half a gigabyte.
            let maker = DocumentMaker(index: index)
            let outlines = onAllCores(maker.count) { SearchDocumentOutline(maker.document(at: $0)) }
            _ = try SearchIndexWriter.write(outlines: outlines, document: { i in
                let document = maker.document(at: i)
                maker.page(at: i).markdown.releasePlainText()
                return document
            }, labels: labels(index), sink: sink)
        } else {
            _ = try SearchIndexWriter.write(documents(index), labels: labels(index), sink: sink)
        }
        return []
    }

    /// A quick rebuild's index: only the visits whose bodies changed get new documents (nothing
    /// else a document holds can have changed); only files whose bytes change are written.
    static func update(_ index: PublishedSite, visits: [Visit], into output: SiteOutput, session: SearchIndexSession) throws -> Set<String> {
        let maker = DocumentMaker(index: index)
        let update = try session.update(replacing: visits.map(maker.visit), labels: labels(index)) { name, data in
            try output.write("search/\(name)", data)
        }
        return Set(update.fileNames.map { "search/\($0)" })
    }
}
