import Foundation
import Search

/// `densho search QUERY… [--site DIR] [filters] [--limit N] [--json]`: answers a query from the
/// search index of a built site — the same shard files and the same engine as the search page,
/// so both give the same results in the same order.
enum SearchCommand {
    /// Command-line flag → index facet, in the order the usage text lists them.
    static let filterFlags: [(flag: String, facet: String)] = [
        ("type", "type"), ("theme", "theme"), ("company", "company"),
        ("person", "person"), ("partner", "partner"), ("year", "year"),
    ]
    static let defaultLimit = 20

    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "search")

        let text = a.positional.joined(separator: " ")
        var filters: [String: [String]] = [:]
        for (flag, facet) in filterFlags {
            let values = a.all(flag)
            guard !values.isEmpty else { continue }
            guard !values.contains(where: \.isEmpty) else { throw UsageError(message: "--\(flag) needs a non-empty value") }
            filters[facet] = values
        }
        for year in filters["year"] ?? [] where year.count != 4 || !year.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw UsageError(message: "--year expects a year YYYY, not '\(year)'")
        }
        let hasTerms = text.unicodeScalars.contains { !SearchOutput.isQuerySpace($0) }
        guard hasTerms || !filters.isEmpty else {
            throw UsageError(message: "search needs a query or a filter (--type, --theme, --company, --person, --partner, --year)")
        }
        let limit = try parseLimit(a.value("limit"))

        let site = a.value("site") ?? "site"
        let searchDirectory = URL(fileURLWithPath: site).appendingPathComponent("search")
        guard FileManager.default.fileExists(atPath: searchDirectory.appendingPathComponent("index.js").path) else {
            CLI.printError("\(site): error: no search index in this folder (expected \(site)/search/index.js); build the site first with 'densho build'")
            return 1
        }

        let results: SearchResults
        let loaded: SearchOutput.Loaded
        do {
            let reader = try SearchIndexReader(directory: searchDirectory)
            // Only the filtered facets' values (`f-<i>.js`) are read, as in the browser.
            if !filters.isEmpty { filters = try FilterLabels(try reader.facets(named: filters.keys)).resolve(filters) }
            results = try reader.search(SearchQuery(text: text, anyOf: filters, limit: limit))
            loaded = SearchOutput.Loaded(files: reader.filesLoaded, bytes: reader.bytesLoaded)
            if results.total == 0 && !filters.isEmpty { reportUnknownFilters(filters, facets: try reader.facets(named: filters.keys)) }
        } catch let error as SearchIndexError {
            CLI.printError(error.description)
            return 1
        }

        if a.has("json") {
            print(SearchOutput.json(results, loaded: loaded))
        } else {
            let style: SearchOutput.MarkStyle =
                isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil ? .bold : .brackets
            print(SearchOutput.human(results, style: style), terminator: "")
        }
        return 0
    }

    static func parseLimit(_ text: String?) throws -> Int {
        guard let text else { return defaultLimit }
        guard let n = Int(text), n >= 1 else { throw UsageError(message: "--limit expects a positive number, not '\(text)'") }
        return n
    }

    /// An unknown filter value gives no results, as in the browser; say why on stderr, so that
    /// `--type visits` (for `visit`) is not mistaken for "nothing was written about it".
    static func reportUnknownFilters(_ filters: [String: [String]],
                                     facets: [(name: String, values: [(value: String, label: String, count: Int)])]) {
        for (flag, facet) in filterFlags {
            for wanted in filters[facet] ?? [] {
            let values = facets.first(where: { $0.name == facet })?.values ?? []
            if values.contains(where: { $0.value == wanted }) { continue }
            let known = values.prefix(12).map(\.value).joined(separator: ", ")
            let more = values.count > 12 ? ", …" : ""
            CLI.printError("densho: no --\(flag) '\(wanted)' in the index\(values.isEmpty ? "" : " (known: \(known)\(more))")")
            }
        }
    }
}
