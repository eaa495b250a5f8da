import Foundation

/// What one `SearchIndexSession` build or update did.
public struct SearchIndexUpdate: Sendable, Equatable {
    /// Of the whole index as it now is (not only of the emitted files).
    public let stats: SearchIndexStats
    /// Every file of the index now; files of an earlier build outside this set are obsolete.
    public let fileNames: Set<String>
    /// How many files were handed to the sink.
    public let emitted: Int
    /// True when the update patched the previous index; false after a full build.
    public let patched: Bool
}

/// A search index kept across the rebuilds of a watch session. `build` writes the whole index
/// (exactly as `SearchIndexWriter.write`) and keeps what it learned; `update` replaces a few
/// documents and hands out only the files whose bytes change, patching the kept posting lists
/// instead of analysing every document again. The files it leaves are always byte-identical to
/// a full build over the updated documents; when a patch cannot guarantee that (ids would move,
/// facets or labels change, a shard count or `docsPerShard` would change) it rebuilds.
///
/// Calls are serialised; the sink may be called from several threads at once.
public final class SearchIndexSession: @unchecked Sendable {
    private let lock = NSLock()
    /// The documents of the last build, in input order, and the labels it used.
    private var documents: [SearchDocument] = []
    private var labels = SearchFacetLabels()
    /// Document id → index in `documents`, and url → id (nil when urls repeat: then ids hang
    /// on input order and the session always rebuilds).
    private var order: [Int] = []
    private var idOfURL: [String: Int]?
    private var kept: KeptIndex?
    /// Every file of the index as the caller has it (empty after a failed write).
    private var files: [String: Fingerprint] = [:]

    public init() {}

    /// What a patch would start from (nil before a build, or when the last write failed).
    var keptIndex: KeptIndex? { lock.lock(); defer { lock.unlock() }; return kept }

    /// Full build, same contract and output as `SearchIndexWriter.write(_:labels:sink:)` (the
    /// sink gets every file); keeps state for `update`.
    public func build(_ documents: [SearchDocument], labels: SearchFacetLabels,
                      sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexUpdate {
        lock.lock()
        defer { lock.unlock() }
        return try rebuild(documents, labels: labels, previous: nil, sink: sink)
    }

    /// Replaces the documents with the same `url` (the caller promises that every other
    /// document is unchanged); a document with a new url is added. Hands to `sink` only the
    /// files whose bytes differ from the previous build's; the files named in `fileNames` then
    /// equal a full build over the updated documents, byte for byte.
    public func update(replacing changed: [SearchDocument], labels: SearchFacetLabels,
                       sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexUpdate {
        lock.lock()
        defer { lock.unlock() }
        var updated = documents
        var changes: [IndexPatch.Change] = []
        var patchable = kept != nil && labels == self.labels && idOfURL != nil
        var seen = Set<String>()
        for doc in changed {
            if !seen.insert(doc.url).inserted { patchable = false }
            guard let id = idOfURL?[doc.url] else {
                let same = updated.indices.filter { updated[$0].url == doc.url }
                for at in same { updated[at] = doc }
                if same.isEmpty { updated.append(doc) }
                patchable = false
                continue
            }
            let old = updated[order[id]]
            if old.date != doc.date || old.type != doc.type || old.facets != doc.facets { patchable = false }
            changes.append(IndexPatch.Change(id: id, old: old, new: doc))
            updated[order[id]] = doc
        }
        if patchable, let kept, seen.count == changes.count,
           let patch = IndexPatch.make(kept, changes: changes, ordered: order.map { updated[$0] }) {
            return try apply(patch, documents: updated, sink: sink)
        }
        return try rebuild(updated, labels: labels, previous: files, sink: sink)
    }

    /// A full build through `SearchIndexWriter` (so its output is the writer's by construction);
    /// the kept index is read back from the files it emits.
    private func rebuild(_ documents: [SearchDocument], labels: SearchFacetLabels, previous: [String: Fingerprint]?,
                         sink: @Sendable (String, Data) throws -> Void) throws -> SearchIndexUpdate {
        self.documents = documents
        self.labels = labels
        order = DocumentOrder.order(documents)
        var ids: [String: Int] = [:]
        for (id, index) in order.enumerated() { ids[documents[index].url] = id }
        idOfURL = ids.count == documents.count ? ids : nil
        kept = nil
        files = [:]
        let capture = IndexCapture(previous: previous)
        let stats = try withoutActuallyEscaping(sink) { sink in
            try SearchIndexWriter.write(documents, labels: labels) { name, data in
                try capture.take(name, data, sink: sink)
            }
        }
        files = capture.files
        kept = KeptIndex(shards: capture.shards, manifest: capture.manifest, docsPerShard: DocShardWriter.docsPerShard(documents))
        return SearchIndexUpdate(stats: stats, fileNames: Set(files.keys), emitted: capture.emitted, patched: false)
    }

    private func apply(_ patch: IndexPatch, documents: [SearchDocument],
                       sink: (String, Data) throws -> Void) throws -> SearchIndexUpdate {
        // Recorded first: should the sink fail, the next update rebuilds the updated documents
        // and rewrites every file.
        let previous = files
        files = [:]
        kept = nil
        self.documents = documents
        var next = previous
        var emitted = 0
        for file in patch.files {
            let name = ShardFile.fileName(file.id)
            let data = ShardFile.contents(id: file.id, json: file.json)
            let print = Fingerprint(data)
            if previous[name] == print { continue }
            try sink(name, data)
            next[name] = print
            emitted += 1
        }
        files = next
        kept = patch.kept
        let bytes = next.values.reduce(0) { $0 + $1.count }
        return SearchIndexUpdate(stats: SearchIndexStats(documents: documents.count, files: next.count, bytes: bytes),
                                 fileNames: Set(next.keys), emitted: emitted, patched: true)
    }
}
