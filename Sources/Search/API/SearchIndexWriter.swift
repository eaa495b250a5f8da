import Foundation

/// Writes the sharded index (format described in docs/search-index.md) into a folder — the
/// site's `search/`. Same input gives byte-identical files.
public enum SearchIndexWriter {
    public static func write(_ documents: [SearchDocument], labels: SearchFacetLabels,
                             to directory: URL) throws -> SearchIndexStats {
        try writeFiles(files(documents, labels: labels), to: directory)
    }

    /// Builds the index and hands each file (name, bytes) to `sink`, from several threads at
    /// once: the caller decides where and how files land (the site build writes them into its
    /// staging folder, reusing unchanged ones). `sink` must be safe to call concurrently.
    public static func write(_ documents: [SearchDocument], labels: SearchFacetLabels,
                             sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexStats {
        let built = files(documents, labels: labels)
        let failures = ErrorSlot()
        let bytes = ByteCounter()
        DispatchQueue.concurrentPerform(iterations: built.files.count) { i in
            let file = built.files[i]
            let data = ShardFile.contents(id: file.id, json: file.json)
            do { try sink(ShardFile.fileName(file.id), data) } catch { failures.record(error) }
            bytes.add(data.count)
        }
        if let error = failures.first { throw error }
        return SearchIndexStats(documents: built.documents, files: built.files.count, bytes: bytes.total)
    }

    private static func files(_ documents: [SearchDocument], labels: SearchFacetLabels)
        -> (files: [(id: String, json: [UInt8])], documents: Int) {
        let ordered = DocumentOrder.order(documents).map { documents[$0] }
        var postings = IndexAccumulator()
        var docEntries: [[UInt8]] = []
        docEntries.reserveCapacity(ordered.count)

        // Analysis is pure per document and runs in parallel; merging stays in id order so the
        // postings come out sorted without a sort.
        let batchSize = 512
        var start = 0
        while start < ordered.count {
            let batch = Array(ordered[start..<min(start + batchSize, ordered.count)])
            var texts = [DocumentText?](repeating: nil, count: batch.count)
            var analyses = [DocumentAnalysis?](repeating: nil, count: batch.count)
            texts.withUnsafeMutableBufferPointer { textOut in
                analyses.withUnsafeMutableBufferPointer { analysisOut in
                    let (t, a) = (textOut, analysisOut)
                    DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                        let text = DocumentText(batch[i])
                        t[i] = text
                        a[i] = DocumentAnalysis(text, partitions: IndexAccumulator.partitionCount)
                    }
                }
            }
            postings.add(firstDoc: start, analyses: analyses.compactMap { $0 })
            for (i, text) in texts.enumerated() {
                guard let text else { continue }
                postings.addFacets(doc: start + i, document: batch[i])
                docEntries.append(DocShardWriter.entry(batch[i], text: text))
            }
            start += batchSize
        }

        var files = postings.shardFiles(labels: labels)
        let docFiles = DocShardWriter.shards(docEntries)
        files.append(contentsOf: docFiles.files)
        files.append(ManifestWriter.file(documents: ordered.count, docsPerShard: docFiles.docsPerShard,
                                         docShards: docFiles.files.count, postings: postings,
                                         labels: labels))
        return (files, ordered.count)
    }

    private static func writeFiles(_ built: (files: [(id: String, json: [UInt8])], documents: Int),
                                   to directory: URL) throws -> SearchIndexStats {
        let (files, documents) = built
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SearchIndexError(location: directory.path, message: "cannot create folder: \(error.localizedDescription)")
        }
        var bytes = 0
        var written = Set<String>()
        for file in files {
            let name = ShardFile.fileName(file.id)
            let data = ShardFile.contents(id: file.id, json: file.json)
            let url = directory.appendingPathComponent(name)
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw SearchIndexError(location: url.path, message: "cannot write: \(error.localizedDescription)")
            }
            bytes += data.count
            written.insert(name)
        }
        // Shards of an earlier, larger build would never be read again; only our own file
        // names are touched.
        let existing = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in existing where IndexLayout.isShardFileName(name) && !written.contains(name) {
            try? fm.removeItem(at: directory.appendingPathComponent(name))
        }
        return SearchIndexStats(documents: documents, files: files.count, bytes: bytes)
    }
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
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
}
