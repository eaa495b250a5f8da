import Foundation
import Search

/// Turns the published pages into search documents and writes the index shards into the site.
/// Only what this build publishes goes in, so `--public` indexes only public pages.
enum SearchPublisher {
    static func documents(_ index: SiteIndex) -> [SearchDocument] {
        let m = index.model
        var docs: [SearchDocument] = []
        docs.reserveCapacity(m.pageCount)
        func published(_ facet: String, _ id: String) -> Bool {
            switch facet {
            case "company": return index.companiesBySlug[id] != nil
            case "person": return index.peopleByID[id] != nil
            case "partner": return index.partnersByID[id] != nil
            default: return true
            }
        }
        func doc(_ page: PageInfo, date: String?, meta: [String?], facets given: [String: [String]]) -> SearchDocument {
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
        let companyName: (String) -> String? = { index.companiesBySlug[$0]?.name }
        let personName: (String) -> String? = { index.peopleByID[$0]?.name }
        let partnerName: (String) -> String? = { index.partnersByID[$0]?.name }

        for c in m.companies {
            let contacts = c.contacts.flatMap { [$0.name, $0.role, $0.note] }
            docs.append(doc(c.page, date: index.lastVisit(of: c)?.date.description ?? c.since?.description,
                            meta: [c.kana, c.industry, c.location, c.owner.flatMap { personName($0.value) }] + contacts,
                            facets: ["company": [c.page.slug], "person": c.owner.map { [$0.value] } ?? []]))
        }
        // Visits are most of the pages and their plain text (wiki links named) is the costly
        // part, so they are made on every core; the order stays that of the model.
        let visits = m.visits
        var visitDocs = [SearchDocument?](repeating: nil, count: visits.count)
        visitDocs.withUnsafeMutableBufferPointer { out in
            let o = out
            DispatchQueue.concurrentPerform(iterations: visits.count) { i in
                let v = visits[i]
                let referralText = v.referrals.flatMap { [partnerName($0.to.value), $0.note] }
                o[i] = doc(v.page, date: v.date.description,
                           meta: [companyName(v.company.value)] + v.staff.map { personName($0.value) } + referralText,
                           facets: ["company": [v.company.value], "person": v.staff.map(\.value),
                                    "partner": v.referrals.map(\.to.value)])
            }
        }
        docs.append(contentsOf: visitDocs.compactMap { $0 })
        for p in m.playbooks { docs.append(doc(p.page, date: nil, meta: [], facets: [:])) }
        for p in m.people {
            docs.append(doc(p.page, date: p.joined?.description, meta: [p.role, p.org], facets: ["person": [p.page.slug]]))
        }
        for p in m.partners { docs.append(doc(p.page, date: nil, meta: [p.kind], facets: ["partner": [p.page.slug]])) }
        return docs
    }

    static func labels(_ index: SiteIndex) -> SearchFacetLabels {
        let m = index.model
        return SearchFacetLabels(labels: [
            "company": Dictionary(m.companies.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "person": Dictionary(m.people.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
            "partner": Dictionary(m.partners.map { ($0.page.slug, $0.name) }, uniquingKeysWith: { a, _ in a }),
        ])
    }

    static func publish(_ index: SiteIndex, into output: SiteOutput) throws {
        _ = try SearchIndexWriter.write(documents(index), labels: labels(index)) { name, data in
            try output.write("search/\(name)", data)
        }
    }
}
