import Foundation

/// What one `SearchIndexSession` build or update did.
public struct SearchIndexUpdate: Sendable, Equatable {
    /// Of the whole index as it now is (not only of the emitted files).
    public let stats: SearchIndexStats
    /// Every file of the index now; files of an earlier build outside this set are obsolete.
    public let fileNames: Set<String>
    /// How many files were handed to the sink.
    public let emitted: Int
    /// True when the update patched the index (only the files that can change were made again);
    /// false when it built the whole index again: a first build, or a change that moves document
    /// ids (a new url, a changed date) or shard counts.
    public let patched: Bool
}

/// A search index kept across the rebuilds of a watch session. `build` writes the whole index
/// (exactly as `SearchIndexWriter.write`); `update` replaces a few documents and hands out only
/// the files whose bytes changed, so the files it leaves are always byte-identical to a full
/// build over the updated documents.
///
/// An update patches the index when no document id moves: the changed documents keep their url
/// and date, and no shard count changes. Then only the shards that can differ are made again
/// (`IndexPatch`): the g/w shards of grams and words whose first occurrence in a changed document
/// moved, the changed documents' d shards, the facet value lists when a facet value changed (a
/// theme in the front matter), the facet files `f-<i>` and the manifest (handed out only when
/// their bytes change: a facet's values and lists are numbered within it, so an edit of one facet
/// leaves the others' files alone).
/// Otherwise it builds the whole index again and still hands out only the changed files.
///
/// Calls are serialised; the sink may be called from several threads at once.
public final class SearchIndexSession: @unchecked Sendable {
    private let lock = NSLock()
    /// The documents of the last build, in input order.
    private var documents: [SearchDocument] = []
    /// Input index of each document id (ids are the writer's `DocumentOrder`), and id by url,
    /// for the last build; empty when it cannot be patched (duplicate urls, failed write).
    private var inputIndex: [Int] = []
    private var ids: [String: Int] = [:]
    private var outlines: [SearchDocumentOutline] = []
    /// The last build's shape; nil when the next update must build again.
    private var shape: IndexShape?
    /// Every file of the index as the caller has it (empty after a failed write).
    private var files: [String: Fingerprint] = [:]
    /// The last build's files with their payloads' fingerprints: unchanged payloads are not
    /// compressed again, and a patch reads the shards it edits from here.
    private let cache = FileCache()
    private let timings = ProcessInfo.processInfo.environment["DENSHO_TIMINGS"] != nil
    /// With DENSHO_TIMINGS: how the last patch spent its time.
    private var lastPatchSteps = ""

    public init() {}

    /// Full build, same contract and output as `SearchIndexWriter.write(_:labels:sink:)` (the
    /// sink gets every file).
    public func build(_ documents: [SearchDocument], labels: SearchFacetLabels,
                      sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexUpdate {
        lock.lock()
        defer { lock.unlock() }
        return try rebuild(documents, labels: labels, previous: nil, sink: sink)
    }

    /// Replaces the documents with the same `url` (the caller promises that every other
    /// document is unchanged); a document with a new url is added. Hands to `sink` only the
    /// files whose bytes differ from the previous build's; the files named in `fileNames` then
    /// equal a full build over the updated documents, byte for byte. Patches the index when no
    /// document id moves (see the type's comment), else builds it again; `patched` tells which.
    public func update(replacing changed: [SearchDocument], labels: SearchFacetLabels,
                       sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexUpdate {
        lock.lock()
        defer { lock.unlock() }
        let start = Date()
        var updated = documents
        // Where each url is: the last build's ids when it kept them (urls unique), else a scan.
        var at: [String: [Int]] = [:]
        if shape == nil {
            for (i, doc) in updated.enumerated() { at[doc.url, default: []].append(i) }
        }
        var replaced: [(input: Int, old: SearchDocument)] = []
        for doc in changed {
            if let same = at[doc.url] ?? (shape == nil ? nil : ids[doc.url].map { [inputIndex[$0]] }) {
                for i in same where updated[i] != doc {
                    replaced.append((i, updated[i]))
                    updated[i] = doc
                }
            } else {
                at[doc.url] = [updated.count]
                updated.append(doc)
                replaced.append((-1, doc))
            }
        }
        if let result = try patch(updated, replaced, labels: labels, sink: sink) {
            if timings {
                FileHandle.standardError.write(Data(String(format: "densho:   search index patched: %d files handed out, %.3f s (%@)\n",
                                                           result.emitted, Date().timeIntervalSince(start), lastPatchSteps).utf8))
            }
            return result
        }
        let result = try rebuild(updated, labels: labels, previous: files, sink: sink)
        if timings {
            FileHandle.standardError.write(Data(String(format: "densho:   search index built again: %d files handed out, %.3f s\n",
                                                       result.emitted, Date().timeIntervalSince(start)).utf8))
        }
        return result
    }

    /// The patched index, or nil when this change cannot be patched (the caller builds again).
    private func patch(_ updated: [SearchDocument], _ replaced: [(input: Int, old: SearchDocument)],
                       labels: SearchFacetLabels, sink: @Sendable (String, Data) throws -> Void) throws -> SearchIndexUpdate? {
        guard let shape, !files.isEmpty, !replaced.contains(where: { $0.input < 0 }) else { return nil }
        var changes: [IndexPatch.Change] = []
        var newOutlines = outlines
        for (input, old) in replaced {
            let new = updated[input]
            guard new.date == old.date, let id = ids[new.url] else { return nil }
            changes.append(IndexPatch.Change(id: id, old: old, new: new))
            newOutlines[input] = SearchDocumentOutline(new)
        }
        guard DocShardWriter.docsPerShard(newOutlines) == shape.docsPerShard else { return nil }
        let inputIndex = self.inputIndex
        let made = Date()
        guard let patch = try IndexPatch.make(changes, shape: shape, labels: labels,
                                              document: { updated[inputIndex[$0]] }, files: cache)
        else { return nil }

        documents = updated
        outlines = newOutlines
        let written = Date()
        let capture = IndexCapture(previous: files, keep: true)
        let failures = ErrorSlot()
        withoutActuallyEscaping(sink) { sink in
            patch.payloads.withUnsafeBufferPointer { payloads in
                DispatchQueue.concurrentPerform(iterations: payloads.count) { i in
                    let (id, payload) = payloads[i]
                    do {
                        try capture.take(IndexFile.fileName(id), cache.contents(id: id, payload: payload), sink: sink)
                    } catch {
                        failures.record(error)
                    }
                }
            }
        }
        if let error = failures.first {
            // Part of the patch may have landed: the next update builds everything again.
            self.shape = nil
            files = [:]
            cache.forget()
            throw error
        }
        if timings {
            lastPatchSteps = String(format: "%d posting shards edited in %.3f s, %d files encoded and handed on in %.3f s",
                                    patch.postingShards, written.timeIntervalSince(made), patch.payloads.count,
                                    Date().timeIntervalSince(written))
        }
        capture.remove(patch.removed.map(IndexFile.fileName))
        cache.finishPatch(removed: patch.removed)
        self.shape = patch.shape
        files = capture.files
        let stats = SearchIndexStats(documents: updated.count, files: files.count, bytes: files.values.reduce(0) { $0 + $1.count })
        return SearchIndexUpdate(stats: stats, fileNames: Set(files.keys), emitted: capture.emitted, patched: true)
    }

    private func rebuild(_ documents: [SearchDocument], labels: SearchFacetLabels, previous: [String: Fingerprint]?,
                         sink: @Sendable (String, Data) throws -> Void) throws -> SearchIndexUpdate {
        self.documents = documents
        files = [:]
        shape = nil
        let capture = IndexCapture(previous: previous, keep: false)
        var copy = documents
        let outlines = copy.map { SearchDocumentOutline($0) }
        let feed = DocumentFeed(documents: &copy)
        let written: (stats: SearchIndexStats, shape: IndexShape)
        do {
            written = try withoutActuallyEscaping(sink) { sink in
                try SearchIndexWriter.writeIndex(outlines: outlines, feed: feed, labels: labels, files: cache) { name, data in
                    try capture.take(name, data, sink: sink)
                }
            }
        } catch {
            cache.forget()
            throw error
        }
        cache.finish()
        files = capture.files
        self.outlines = outlines
        inputIndex = DocumentOrder.order(outlines)
        ids = [:]
        for (id, input) in inputIndex.enumerated() { ids[outlines[input].url] = id }
        // Two documents with one url: an update replaces both, which a patch does not model.
        shape = ids.count == outlines.count ? written.shape : nil
        return SearchIndexUpdate(stats: written.stats, fileNames: Set(files.keys), emitted: capture.emitted, patched: false)
    }
}

/// The sink of a build inside a session: fingerprints every file and hands on those that differ
/// from the previous build (all of them when there is none). Called from several threads at once.
final class IndexCapture: @unchecked Sendable {
    private let lock = NSLock()
    private let previous: [String: Fingerprint]?
    private(set) var files: [String: Fingerprint] = [:]
    private(set) var emitted = 0

    /// `keep`: a patch, where every file not handed out stays as it was.
    init(previous: [String: Fingerprint]?, keep: Bool) {
        self.previous = previous
        if keep { files = previous ?? [:] }
    }

    func remove(_ names: [String]) { lock.withLock { for name in names { files[name] = nil } } }

    func take(_ name: String, _ data: Data, sink: (String, Data) throws -> Void) throws {
        let print = Fingerprint(data)
        lock.lock()
        files[name] = print
        let changed = previous?[name] != print
        if changed { emitted += 1 }
        lock.unlock()
        if changed { try sink(name, data) }
    }
}

/// Identifies a file's bytes without keeping them: its length and two independent 64-bit
/// hashes, so unchanged files of a rebuild need not be handed out again.
struct Fingerprint: Equatable {
    let count: Int
    let a: UInt64
    let b: UInt64

    init(_ data: Data) {
        count = data.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(data.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        data.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                a = (a ^ w) &* 0xFF51_AFD7_ED55_8CCD
                a ^= a >> 32
                b = (b &+ w) &* 0xC4CE_B9FE_1A85_EC53
                b ^= b >> 29
                i += 8
            }
            var tail: UInt64 = 0
            while i < raw.count { tail = tail << 8 | UInt64(raw[i]); i += 1 }
            a = ((a ^ tail) &* 0xFF51_AFD7_ED55_8CCD) ^ (a >> 31)
            b = ((b &+ tail) &* 0xC4CE_B9FE_1A85_EC53) ^ (b >> 33)
        }
        self.a = a
        self.b = b
    }
}
