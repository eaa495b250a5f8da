import Foundation

// TEMPORARY stand-in until the incremental session lands: every update is a full write.
public struct SearchIndexUpdate: Sendable {
    public let stats: SearchIndexStats
    public let fileNames: Set<String>
    public let emitted: Int
    public let patched: Bool
}

public final class SearchIndexSession: @unchecked Sendable {
    private var documents: [SearchDocument] = []
    public init() {}

    public func build(_ documents: [SearchDocument], labels: SearchFacetLabels,
                      sink: @Sendable (String, Data) throws -> Void) throws -> SearchIndexUpdate {
        self.documents = documents
        let names = Names()
        let stats = try SearchIndexWriter.write(documents, labels: labels) { name, data in
            names.insert(name)
            try sink(name, data)
        }
        return SearchIndexUpdate(stats: stats, fileNames: names.allNames, emitted: stats.files, patched: false)
    }

    public func update(replacing changed: [SearchDocument], labels: SearchFacetLabels,
                       sink: @Sendable (String, Data) throws -> Void) throws -> SearchIndexUpdate {
        var byURL: [String: SearchDocument] = [:]
        for doc in changed { byURL[doc.url] = doc }
        return try build(documents.map { byURL[$0.url] ?? $0 }, labels: labels, sink: sink)
    }
}

private final class Names: @unchecked Sendable {
    private let lock = NSLock()
    private var set = Set<String>()
    func insert(_ name: String) { lock.lock(); set.insert(name); lock.unlock() }
    var allNames: Set<String> { lock.lock(); defer { lock.unlock() }; return set }
}
