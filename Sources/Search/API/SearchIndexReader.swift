import Foundation

/// Reads an index written by `SearchIndexWriter`, loading (and caching) only the files a query
/// needs — the same files, and the same algorithm, as search.js in the browser.
/// Safe to share between threads: the file cache is behind a lock.
public final class SearchIndexReader: @unchecked Sendable {
    public let directory: URL
    let manifest: Manifest
    private let lock = NSLock()
    private var cache: [String: Any] = [:]
    private var loadedCount = 0
    private var loadedBytes = 0
    private var loadedIDs: [String] = []

    public init(directory: URL) throws {
        self.directory = directory
        let (data, file, _) = try SearchIndexReader.read(id: IndexLayout.manifestID, in: directory)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(data))
        } catch {
            let version = (try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])?["version"]
            if let version = version as? Int, version != IndexLayout.version {
                throw SearchIndexError(location: "\(file):1:1",
                                       message: "unsupported index version \(version); rebuild the site")
            }
            throw SearchIndexError(location: "\(file):1:1", message: "index manifest is malformed: \(error)")
        }
        guard manifest.format == IndexLayout.format, manifest.version == IndexLayout.version else {
            throw SearchIndexError(location: "\(file):1:1",
                                   message: "unsupported index \(manifest.format) version \(manifest.version); rebuild the site")
        }
        self.manifest = manifest
    }

    /// Files loaded so far (the manifest not counted).
    public var filesLoaded: Int { lock.withLock { loadedCount } }
    /// Bytes (on disk) of the files loaded so far, the manifest not counted.
    public var bytesLoaded: Int { lock.withLock { loadedBytes } }
    /// Ids of the files loaded so far, in load order (the manifest not counted).
    var idsLoaded: [String] { lock.withLock { loadedIDs } }

    public func search(_ query: SearchQuery) throws -> SearchResults {
        try QueryEngine(reader: self).run(query)
    }

    /// Facet values with labels and counts, as the filter UI shows them (loads every facet's
    /// file `f-<i>`).
    public func facets() throws -> [(name: String, values: [(value: String, label: String, count: Int)])] {
        try facets(named: manifest.facets)
    }

    /// The values of the named facets only (loads their files, nothing else; unknown names are
    /// left out), in the manifest's order: what a filter on them needs.
    public func facets(named names: some Sequence<String>) throws -> [(name: String, values: [(value: String, label: String, count: Int)])] {
        let wanted = Set(names)
        return try manifest.facets.indices.filter { wanted.contains(manifest.facets[$0]) }.map { i in
            let facet = try facetValues(i)
            return (facet.name, facet.values.map { ($0.value, $0.label, $0.count) })
        }
    }

    /// The values of the manifest's `index`-th facet (file `f-<index>`).
    func facetValues(_ index: Int) throws -> FacetValues {
        try file(IndexLayout.facetFile(index)) { payload, file in
            let values: FacetValues
            do {
                values = try JSONDecoder().decode(FacetValues.self, from: Data(payload))
            } catch {
                throw SearchIndexError(location: "\(file):1:1", message: "facet values are malformed: \(error)")
            }
            guard values.name == manifest.facets[index] else {
                throw SearchIndexError(location: "\(file):1:1",
                                       message: "facet file holds \"\(values.name)\", the manifest names \"\(manifest.facets[index])\"")
            }
            return values
        }
    }

    /// The payload of file `id`, decoded once with `transform` and cached.
    func file<T>(_ id: String, transform: ([UInt8], String) throws -> T) throws -> T {
        if let cached = lock.withLock({ cache[id] }) as? T { return cached }
        let (data, file, size) = try SearchIndexReader.read(id: id, in: directory)
        let value = try transform(try IndexFile.payload(data, file: file), file)
        lock.withLock {
            if cache[id] == nil {
                cache[id] = value
                loadedCount += 1
                loadedBytes += size
                loadedIDs.append(id)
            }
        }
        return value
    }

    private static func read(id: String, in directory: URL) throws -> (ArraySlice<UInt8>, String, Int) {
        let url = directory.appendingPathComponent(IndexFile.fileName(id))
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SearchIndexError(location: url.path, message: "cannot read search index file: \(error.localizedDescription)")
        }
        let (found, payload) = try IndexFile.parse(data, file: url.path)
        guard found == id else {
            throw SearchIndexError(location: "\(url.path):1:1", message: "file registers \"\(found)\", expected \"\(id)\"")
        }
        return (payload, url.path, data.count)
    }
}
