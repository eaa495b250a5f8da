import Foundation

/// Writes the sharded index (format described in docs/search-index.md) into a folder — the
/// site's `search/`. Same input gives byte-identical files.
public enum SearchIndexWriter {
    static func write(_ documents: consuming [SearchDocument], labels: SearchFacetLabels,
                      to directory: URL) throws -> SearchIndexStats {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SearchIndexError(location: directory.path, message: "cannot create folder: \(error.localizedDescription)")
        }
        let written = NameSet()
        let stats = try write(consume documents, labels: labels) { name, data in
            let url = directory.appendingPathComponent(name)
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw SearchIndexError(location: url.path, message: "cannot write: \(error.localizedDescription)")
            }
            written.insert(name)
        }
        // Shards of an earlier, larger build would never be read again; only our own file
        // names are touched.
        let existing = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in existing where IndexLayout.isShardFileName(name) && !written.contains(name) {
            try? fm.removeItem(at: directory.appendingPathComponent(name))
        }
        return stats
    }

    /// Builds the index and hands each file (name, bytes) to `sink`, from several threads at
    /// once: the caller decides where and how files land (the site build writes them into its
    /// staging folder, reusing unchanged ones). `sink` must be safe to call concurrently.
    /// Each file goes to `sink` as soon as it is encoded and is not kept afterwards, so the
    /// encoded index is never held in memory as a whole. When the caller hands over its only
    /// reference to `documents` (a temporary), each document is released once it is analysed.
    public static func write(_ documents: consuming [SearchDocument], labels: SearchFacetLabels,
                             sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexStats {
        var documents = consume documents
        let outlines = documents.map { SearchDocumentOutline($0) }
        let feed = DocumentFeed(documents: &documents)
        return try write(outlines: outlines, feed: feed, labels: labels, files: nil, sink: sink)
    }

    /// The same index, with the documents made on demand: `outlines[i]` describes document `i`,
    /// and `document(i)` makes it (from several threads at once, each index once, one batch at a
    /// time), so a caller with a hundred thousand pages never holds all their text twice.
    public static func write(outlines: [SearchDocumentOutline], document: @escaping @Sendable (Int) -> SearchDocument,
                             labels: SearchFacetLabels,
                             sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexStats {
        try write(outlines: outlines, feed: DocumentFeed(make: document), labels: labels, files: nil, sink: sink)
    }

    /// `files`: a session's files of the last build, so that a payload that did not change is not
    /// compressed again (the file is the same bytes).
    static func write(outlines: [SearchDocumentOutline], feed: DocumentFeed, labels: SearchFacetLabels,
                      files: FileCache? = nil,
                      sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexStats {
        try writeIndex(outlines: outlines, feed: feed, labels: labels, files: files, sink: sink).stats
    }

    /// The same, also giving the index's shape (which a session keeps to patch it later).
    static func writeIndex(outlines: [SearchDocumentOutline], feed: DocumentFeed, labels: SearchFacetLabels,
                           files: FileCache?, sink: @Sendable (_ name: String, _ data: Data) throws -> Void)
        throws -> (stats: SearchIndexStats, shape: IndexShape) {
        let failures = ErrorSlot()
        let bytes = ByteCounter()
        let shape = try withoutActuallyEscaping(sink) { sink -> IndexShape in
            let emit: ShardSink = { id, payload in
                let data = files?.contents(id: id, payload: payload) ?? IndexFile.contents(id: id, payload: payload)
                do { try sink(IndexFile.fileName(id), data) } catch { failures.record(error) }
                bytes.add(data.count)
            }
            return try build(outlines, feed, labels: labels, emit: emit)
        }
        if let error = failures.first { throw error }
        return (SearchIndexStats(documents: shape.documents, files: bytes.files, bytes: bytes.total), shape)
    }

    /// Analyses the documents and emits every index file.
    private static func build(_ outlines: [SearchDocumentOutline], _ feed: DocumentFeed, labels: SearchFacetLabels,
                              emit: ShardSink) throws -> IndexShape {
        let order = DocumentOrder.order(outlines)
        var postings = IndexAccumulator()
        var docShards = DocShardStream(perShard: DocShardWriter.docsPerShard(outlines))

        // Analysis is pure per document and runs in parallel (each slice of a batch with its
        // own NFKC cache and working memory); merging stays in id order so the postings come
        // out sorted without a sort.
        let batchSize = 1024
        let slices = max(2, ProcessInfo.processInfo.activeProcessorCount * 4)
        let caches = (0..<slices).map { _ in NFKCRunCache() }
        let scratches = (0..<slices).map { _ in AnalysisScratch() }
        let total = order.count
        var start = 0
        while start < total {
            let end = min(start + batchSize, total)
            do {
                let count = end - start
                var batch = [SearchDocument](repeating: SearchDocument(url: "", title: "", type: ""), count: count)
                var entries = [[UInt8]](repeating: [], count: count)
                var analyses = [DocumentAnalysis?](repeating: nil, count: count)
                batch.withUnsafeMutableBufferPointer { batchOut in
                entries.withUnsafeMutableBufferPointer { entryOut in
                    analyses.withUnsafeMutableBufferPointer { analysisOut in
                        let (d, e, a) = (batchOut, entryOut, analysisOut)
                        DispatchQueue.concurrentPerform(iterations: min(slices, count)) { slice in
                            for i in stride(from: slice, to: count, by: slices) {
                                let document = feed.take(order[start + i])
                                d[i] = document
                                let text = DocumentText(document, cache: caches[slice])
                                e[i] = DocShardWriter.entry(document, text: text)
                                a[i] = DocumentAnalysis(text, partitions: IndexAccumulator.partitionCount,
                                                        scratch: scratches[slice])
                            }
                        }
                    }
                }
                }
                // The document shards are written while the postings are merged.
                postings.add(firstDoc: start, analyses: analyses.compactMap { $0 }, documents: batch[...]) {
                    for entry in entries { docShards.append(entry) }
                    docShards.flush(final: false, emit: emit)
                }
            }
            // Analysed documents are not needed again: their text goes while the postings grow.
            start = end
        }

        docShards.flush(final: true, emit: emit)
        postings.emitShards(documents: total, labels: labels, emit: emit)
        let shape = IndexShape(documents: total, docsPerShard: docShards.perShard, docShards: docShards.shards,
                               postings: postings)
        for file in ManifestWriter.facetFiles(shape.facetValues, labels: labels) { emit(file.id, file.payload) }
        emit(IndexLayout.manifestID, ManifestWriter.manifest(shape))
        return shape
    }
}

/// Where the writer takes each document from, once: a caller's array (each taken document's slot
/// is emptied, so a temporary array shrinks as analysis goes) or a function making it on demand.
final class DocumentFeed: @unchecked Sendable {
    /// The caller's documents, moved into memory of our own so that threads can empty their
    /// slots without touching a shared array (whose accesses would be checked as exclusive).
    private let slots: UnsafeMutableBufferPointer<SearchDocument>
    private let make: (@Sendable (Int) -> SearchDocument)?

    init(documents: inout [SearchDocument]) {
        slots = .allocate(capacity: documents.count)
        _ = slots.initialize(fromContentsOf: documents)
        documents = []
        make = nil
    }

    init(make: @escaping @Sendable (Int) -> SearchDocument) {
        slots = .allocate(capacity: 0)
        self.make = make
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Called from several threads, each index once.
    func take(_ index: Int) -> SearchDocument {
        if let make { return make(index) }
        let document = slots[index]
        slots[index] = SearchDocument(url: "", title: "", type: "")
        return document
    }
}

/// Receives each file's payload (id, bytes before compression); called from several threads at once.
typealias ShardSink = (_ id: String, _ payload: [UInt8]) -> Void

final class NameSet: @unchecked Sendable {
    private let lock = NSLock()
    private var names = Set<String>()
    func insert(_ name: String) { lock.lock(); names.insert(name); lock.unlock() }
    func contains(_ name: String) -> Bool { lock.lock(); defer { lock.unlock() }; return names.contains(name) }
}

/// The first error of a parallel loop.
final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: Error?
    func record(_ error: Error) { lock.lock(); if first == nil { first = error }; lock.unlock() }
}

final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var total = 0
    private(set) var files = 0
    func add(_ n: Int) { lock.lock(); total += n; files += 1; lock.unlock() }
}
