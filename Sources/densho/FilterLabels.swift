import Search

/// What a search filter on the command line may name: a value (`--company minato-seiki`), the
/// label the search page shows (`--company 株式会社みなと精機`, `--type 訪問記録`), or a part of a
/// label that only one value has (`--company みなと精機`, `--person 田中`); width and case do not
/// matter. A part that several labels share is an error that lists them.
struct FilterLabels {
    typealias Facet = (name: String, values: [(value: String, label: String, count: Int)])
    let facets: [Facet]

    init(_ facets: [Facet]) { self.facets = facets }

    func resolve(_ filters: [String: [String]]) throws -> [String: [String]] {
        var resolved: [String: [String]] = [:]
        for (facet, wanted) in filters {
            resolved[facet] = try wanted.map { try resolve(facet, $0) }
        }
        return resolved
    }

    private func resolve(_ facet: String, _ wanted: String) throws -> String {
        guard let values = facets.first(where: { $0.name == facet })?.values,
              !values.contains(where: { $0.value == wanted }) else { return wanted }
        // Every name a value goes by: its label, and for types the page's own words.
        func names(_ value: String, _ label: String) -> [String] {
            var all = [label]
            if facet == "type" {
                for language in SearchFacetLabels.pageTypeLabels.values { if let name = language[value] { all.append(name) } }
            }
            return all
        }
        let key = SearchNormalizer.normalize(wanted)
        let exact = values.filter { v in names(v.value, v.label).contains { SearchNormalizer.normalize($0) == key } }
        if exact.count == 1 { return exact[0].value }
        let partial = values.filter { v in names(v.value, v.label).contains { SearchNormalizer.normalize($0).contains(key) } }
        if partial.count == 1 { return partial[0].value }
        if partial.count > 1 {
            let shown = partial.prefix(8).map { "\($0.label) (\($0.value))" }.joined(separator: ", ")
            throw UsageError(message: "--\(facet) '\(wanted)' names \(partial.count) values: \(shown)\(partial.count > 8 ? ", …" : ""); name more of it, or repeat --\(facet) for any of them")
        }
        return wanted
    }
}
