import Foundation

/// One searchable page, as the Site room hands it over.
public struct SearchDocument: Sendable, Equatable {
    /// Relative to the site root, e.g. `visits/2026/2026-10-14-marumaru-seiki.html`.
    public var url: String
    public var title: String
    /// `visit`, `company`, `playbook`, `person`, `partner` … (also the `type` filter).
    public var type: String
    /// `YYYY-MM-DD`; newer documents win ranking ties, undated ones come last.
    public var date: String?
    public var headings: [String]
    public var body: String
    /// Front-matter text worth finding (company name, contacts, referral notes …).
    public var meta: String
    /// "theme", "company", "person", "partner", "year" → values. When "year" is absent it is
    /// taken from `date`.
    public var facets: [String: [String]]

    public init(url: String, title: String, type: String, date: String? = nil,
                headings: [String] = [], body: String = "", meta: String = "",
                facets: [String: [String]] = [:]) {
        self.url = url
        self.title = title
        self.type = type
        self.date = date
        self.headings = headings
        self.body = body
        self.meta = meta
        self.facets = facets
    }
}

/// What the writer needs of every document before it analyses any (their ids and the size of
/// the document shards follow from it), so that a caller can make the documents themselves one
/// batch at a time (`SearchIndexWriter.write(count:outline:document:labels:sink:)`).
public struct SearchDocumentOutline: Sendable, Equatable {
    public let url: String
    public let date: String?
    /// UTF-8 bytes of url, title, type, date (4 when absent), each heading + 3, body and meta, + 24.
    public let inputSize: Int

    public init(_ doc: SearchDocument) {
        url = doc.url
        date = doc.date
        inputSize = doc.url.utf8.count + doc.title.utf8.count + doc.type.utf8.count + (doc.date?.utf8.count ?? 4)
            + doc.headings.reduce(0) { $0 + $1.utf8.count + 3 } + doc.body.utf8.count + doc.meta.utf8.count + 24
    }
}

/// Display labels for facet values (e.g. company slug → 株式会社〇〇精機) shown by the filter UI.
public struct SearchFacetLabels: Sendable, Equatable {
    public var labels: [String: [String: String]]
    public init(_ labels: [String: [String: String]] = [:]) { self.labels = labels }

    func label(facet: String, value: String) -> String { labels[facet]?[value] ?? value }

    /// The names the search page gives the built-in types (search.js `STRINGS.ja/en.types`;
    /// a test keeps the two equal), so that `densho search --type 訪問記録` means `visit`.
    public static let pageTypeLabels: [String: [String: String]] = [
        "ja": ["visit": "訪問記録", "company": "企業カルテ", "playbook": "伴走のてびき", "person": "担当者", "partner": "支援機関"],
        "en": ["visit": "Visit", "company": "Company", "playbook": "Playbook", "person": "Person", "partner": "Partner"],
    ]
}

public struct SearchIndexStats: Sendable, Equatable {
    public let documents: Int
    public let files: Int
    public let bytes: Int
}

public struct SearchQuery: Sendable, Equatable {
    public var text: String
    /// facet → the values accepted (any of them); facets: type, theme, company, person, partner,
    /// year. Different facets must all match.
    public var filters: [String: [String]]
    public var limit: Int

    /// One value per facet.
    public init(text: String, filters: [String: String] = [:], limit: Int = 20) {
        self.init(text: text, anyOf: filters.mapValues { [$0] }, limit: limit)
    }

    public init(text: String, anyOf filters: [String: [String]], limit: Int = 20) {
        self.text = text
        self.filters = filters
        self.limit = limit
    }
}

public struct SearchHit: Sendable, Equatable, Codable {
    public let url: String
    public let title: String
    public let type: String
    public let date: String?
    /// The page's text as written around the best match, with "…" where it was cut.
    public let snippet: String
    /// Ranges to highlight, in **UTF-16 code unit offsets** of `snippet` (what JavaScript's
    /// `String.slice` uses), sorted and non-overlapping.
    public let highlights: [Range<Int>]

    init(url: String, title: String, type: String, date: String?, snippet: String, highlights: [Range<Int>]) {
        self.url = url
        self.title = title
        self.type = type
        self.date = date
        self.snippet = snippet
        self.highlights = highlights
    }
}

public struct SearchResults: Sendable, Equatable {
    /// Number of all matching documents (not only those in `hits`).
    public let total: Int
    public let hits: [SearchHit]
    init(total: Int, hits: [SearchHit]) {
        self.total = total
        self.hits = hits
    }
}

/// What can go wrong reading or writing an index; `location` names the file (and offset).
public struct SearchIndexError: Error, Equatable, CustomStringConvertible {
    public let location: String
    public let message: String
    init(location: String, message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { "\(location): error: \(message)" }
}
