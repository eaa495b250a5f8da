import Foundation

/// Answers a query: filters and terms → matching documents (AND) → ranked → hits with
/// snippets. search.js implements the same steps in the same order.
///
/// Ranking, for each matching document, from the field class c of each term's first match
/// (lists hold the class, or an `Occurrence` whose class is `Occurrence.fieldClass`):
///   1. field score Σ weight(c), weight title 16, heading 4, body/meta 1 — higher first;
///   2. document id — i.e. newer date first, then url.
/// (Version 3 ranked terms close together first after the score; version 4's trigram, word and
/// single-scalar lists keep no positions, so there is no span to compare.)
struct QueryEngine {
    static let fieldWeights: [Int] = [16, 4, 1]

    let reader: SearchIndexReader

    func run(_ query: SearchQuery) throws -> SearchResults {
        let terms = QueryTerm.parse(query.text)
        let ranked = try rankedDocuments(query, terms: terms)
        var hits: [SearchHit] = []
        for doc in ranked.prefix(max(0, query.limit)) {
            hits.append(try hit(Int(doc), terms: terms))
        }
        return SearchResults(total: ranked.count, hits: hits)
    }

    /// Ids of all matching documents, best first.
    func rankedDocuments(_ query: SearchQuery, terms: [QueryTerm]) throws -> [Int32] {
        let manifest = reader.manifest

        var candidates: [Int32]? = nil
        for facet in query.filters.keys.sorted() {
            let wanted = (query.filters[facet] ?? []).filter { !$0.isEmpty }
            guard !wanted.isEmpty else { continue }
            guard let index = manifest.facets.firstIndex(of: facet) else { return [] }
            // Only this facet's values are read (`f-<index>`); several values: any of them.
            let values = try reader.facetValues(index).values
            var docs: [Int32] = []
            for (j, entry) in values.enumerated() where wanted.contains(entry.value) {
                docs = Union.of(docs, try facetDocs(IndexLayout.facetList(index, j)))
            }
            candidates = candidates.map { Intersection.of($0, docs) } ?? docs
            if candidates?.isEmpty == true { return [] }
        }

        let lookup = TermLookup(reader: reader)
        var termMatches: [TermMatches] = []
        for term in terms {
            let m = try lookup.matches(term)
            if m.docs.isEmpty { return [] }
            termMatches.append(m)
        }

        var docs: [Int32]
        if let filtered = candidates {
            docs = filtered
        } else if let smallest = termMatches.min(by: { $0.docs.count < $1.docs.count }) {
            docs = smallest.docs
        } else {
            docs = (0..<Int32(manifest.documents)).map { $0 }
        }
        for m in termMatches { docs = Intersection.of(docs, m.docs) }

        var ranked: [(doc: Int32, score: Int)] = []
        ranked.reserveCapacity(docs.count)
        var cursors = [Int](repeating: 0, count: termMatches.count)
        for doc in docs {
            var score = 0
            for (t, m) in termMatches.enumerated() {
                var c = cursors[t]
                while m.docs[c] < doc { c += 1 }
                cursors[t] = c
                score += Self.fieldWeights[Occurrence.fieldClass(Int(m.occurrences[c]))]
            }
            ranked.append((doc, score))
        }
        ranked.sort { a, b in a.score != b.score ? a.score > b.score : a.doc < b.doc }
        return ranked.map(\.doc)
    }

    private func hit(_ doc: Int, terms: [QueryTerm]) throws -> SearchHit {
        let stored = try storedDocument(doc)
        let snippet = Snippet.make(fields: stored.snippetFields, terms: terms)
        return SearchHit(url: stored.url, title: stored.title, type: stored.type, date: stored.date,
                         snippet: snippet.text, highlights: snippet.highlights)
    }

    func storedDocument(_ doc: Int) throws -> StoredDocument {
        let per = reader.manifest.docsPerShard
        let id = IndexLayout.docShard(doc / per)
        let entries = try reader.file(id) { payload, file -> [StoredDocument] in
            guard let array = try? JSONSerialization.jsonObject(with: Data(payload)) as? [Any] else {
                throw SearchIndexError(location: "\(file):1:1", message: "expected an array of documents")
            }
            return try array.enumerated().map { try StoredDocument($0.element, file: file, index: $0.offset) }
        }
        guard doc % per < entries.count else {
            throw SearchIndexError(location: reader.directory.appendingPathComponent(IndexFile.fileName(id)).path,
                                   message: "document \(doc) missing")
        }
        return entries[doc % per]
    }

    private func facetDocs(_ id: String) throws -> [Int32] {
        try reader.file(id) { payload, _ in
            var doc = -1
            return payload.withUnsafeBufferPointer { Varint.decode($0) }.map { gap -> Int32 in
                doc += gap + 1
                return Int32(doc)
            }
        }
    }
}

enum Union {
    /// Both inputs ascending, without repeats.
    static func of(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if a.isEmpty { return b }
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { out.append(b[j]); j += 1 }
            else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }
}

enum Intersection {
    /// Both inputs ascending.
    static func of(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                out.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }
}

/// One entry of a document shard.
struct StoredDocument {
    let url: String
    let title: String
    let type: String
    let date: String?
    /// In snippet preference order: body, headings…, meta.
    let snippetFields: [Snippet.Field]
    /// The searchable fields in text order: title, headings…, body, meta.
    let fields: [String]
    let headingCount: Int

    init(_ value: Any, file: String, index: Int) throws {
        guard let a = value as? [Any], a.count == 9, let restored = a[8] as? [Any], restored.count % 4 == 0, let url = a[0] as? String, let title = a[1] as? String,
              let type = a[2] as? String, let headings = a[4] as? [String], let body = a[5] as? String,
              let meta = a[6] as? String
        else {
            throw SearchIndexError(location: "\(file):1:1", message: "document entry \(index) is malformed")
        }
        self.url = url
        self.title = title
        self.type = type
        self.date = a[3] as? String
        var restores = [[Restore]](repeating: [], count: headings.count + 3)
        for k in stride(from: 0, to: restored.count, by: 4) {
            guard let field = restored[k] as? Int, let start = restored[k + 1] as? Int, let length = restored[k + 2] as? Int,
                  let original = restored[k + 3] as? String, restores.indices.contains(field), start >= 0, length > 0 else {
                throw SearchIndexError(location: "\(file):1:1", message: "document entry \(index) has a malformed restore list")
            }
            restores[field].append(Restore(start: start, length: length, original: original.unicodeScalars.map(\.value)))
        }
        let fieldsInTextOrder = [title] + headings + [body, meta]
        let field = { (k: Int) in Snippet.Field(text: fieldsInTextOrder[k], restores: restores[k]) }
        self.snippetFields = [field(headings.count + 1)] + headings.indices.map { field($0 + 1) } + [field(headings.count + 2)]
        self.fields = [a[7] as? String ?? title] + headings + [body, meta]
        self.headingCount = headings.count
    }

    /// The `Occurrence` of the first match of `term` in the document's normalised text (the
    /// writer's `DocumentText.scalars`: fields lowercased scalar by scalar, joined by "\n").
    func firstOccurrence(of term: [UInt32]) -> Int? {
        var text: [UInt32] = []
        var fieldStarts: [Int] = []
        for field in fields {
            if !fieldStarts.isEmpty { text.append(0x0A) }
            fieldStarts.append(text.count)
            for s in field.unicodeScalars { SearchNormalizer.appendLowercase(s.value, to: &text) }
        }
        guard !term.isEmpty, term.count <= text.count else { return nil }
        let headingStart = fieldStarts[1], otherStart = fieldStarts[1 + headingCount]
        for a in 0...(text.count - term.count) where text[a] == term[0] && text[a..<(a + term.count)].elementsEqual(term) {
            return Occurrence.make(position: a, fieldClass: a < headingStart ? 0 : (a < otherStart ? 1 : 2))
        }
        return nil
    }
}
