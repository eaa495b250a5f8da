import Foundation

/// Reads an index written by `SearchIndexWriter`, loading (and caching) only the shard files a
/// query needs — the same files, and the same algorithm, as search.js in the browser.
/// Safe to share between threads: the shard cache is behind a lock.
public final class SearchIndexReader: @unchecked Sendable {
    public let directory: URL
    let manifest: Manifest
    private let lock = NSLock()
    private var cache: [String: Any] = [:]
    private var loadedCount = 0
    private var loadedBytes = 0

    public init(directory: URL) throws {
        self.directory = directory
        let (payload, file) = try SearchIndexReader.read(id: IndexLayout.manifestID, in: directory)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: payload)
        } catch {
            throw SearchIndexError(location: "\(file):1:1", message: "index manifest is malformed: \(error)")
        }
        guard manifest.format == IndexLayout.format, manifest.version == IndexLayout.version else {
            throw SearchIndexError(location: "\(file):1:1",
                                   message: "unsupported index \(manifest.format) version \(manifest.version); rebuild the site")
        }
        self.manifest = manifest
    }

    /// Shard files loaded so far (the manifest not counted).
    public var shardsLoaded: Int { lock.withLock { loadedCount } }
    /// Bytes of the shard files loaded so far.
    public var bytesLoaded: Int { lock.withLock { loadedBytes } }

    public func search(_ query: SearchQuery) throws -> SearchResults {
        try QueryEngine(reader: self).run(query)
    }

    /// Facet values with labels and counts, as the filter UI shows them.
    public var facets: [(name: String, values: [(value: String, label: String, count: Int)])] {
        manifest.facets.map { facet in (facet.name, facet.values.map { ($0.value, $0.label, $0.count) }) }
    }

    /// The parsed JSON of shard `id`, decoded once with `transform` and cached.
    func shard<T>(_ id: String, transform: (Any, String) throws -> T) throws -> T {
        if let cached = lock.withLock({ cache[id] }) as? T { return cached }
        let (payload, file) = try SearchIndexReader.read(id: id, in: directory)
        let value = try transform(try ShardFile.json(payload, file: file), file)
        lock.withLock {
            if cache[id] == nil {
                cache[id] = value
                loadedCount += 1
                loadedBytes += payload.count
            }
        }
        return value
    }

    private static func read(id: String, in directory: URL) throws -> (Data, String) {
        let url = directory.appendingPathComponent(ShardFile.fileName(id))
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SearchIndexError(location: url.path, message: "cannot read search index file: \(error.localizedDescription)")
        }
        let (found, payload) = try ShardFile.parse(data, file: url.path)
        guard found == id else {
            throw SearchIndexError(location: "\(url.path):1:1", message: "file registers \"\(found)\", expected \"\(id)\"")
        }
        return (payload, url.path)
    }
}
