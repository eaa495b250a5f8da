import Foundation

/// What one `SearchIndexSession` build or update did.
public struct SearchIndexUpdate: Sendable, Equatable {
    /// Of the whole index as it now is (not only of the emitted files).
    public let stats: SearchIndexStats
    /// Every file of the index now; files of an earlier build outside this set are obsolete.
    public let fileNames: Set<String>
    /// How many files were handed to the sink.
    public let emitted: Int
}

/// A search index kept across the rebuilds of a watch session. `build` writes the whole index
/// (exactly as `SearchIndexWriter.write`); `update` replaces a few documents, builds the index
/// again and hands out only the files whose bytes changed, so the files it leaves are always
/// byte-identical to a full build over the updated documents. (Format 2 keeps no positions to
/// patch: a document's first occurrences and compressed shards change as a whole, and a build
/// of 10,000 notes takes about a second.)
///
/// Calls are serialised; the sink may be called from several threads at once.
public final class SearchIndexSession: @unchecked Sendable {
    private let lock = NSLock()
    /// The documents of the last build, in input order.
    private var documents: [SearchDocument] = []
    /// Every file of the index as the caller has it (empty after a failed write).
    private var files: [String: Fingerprint] = [:]
    /// The last build's files with their payloads' fingerprints: unchanged payloads are not
    /// compressed again.
    private let cache = FileCache()

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
    /// equal a full build over the updated documents, byte for byte.
    public func update(replacing changed: [SearchDocument], labels: SearchFacetLabels,
                       sink: @Sendable (_ name: String, _ data: Data) throws -> Void) throws -> SearchIndexUpdate {
        lock.lock()
        defer { lock.unlock() }
        var updated = documents
        var at: [String: [Int]] = [:]
        for (i, doc) in updated.enumerated() { at[doc.url, default: []].append(i) }
        for doc in changed {
            if let same = at[doc.url] {
                for i in same { updated[i] = doc }
            } else {
                at[doc.url] = [updated.count]
                updated.append(doc)
            }
        }
        return try rebuild(updated, labels: labels, previous: files, sink: sink)
    }

    private func rebuild(_ documents: [SearchDocument], labels: SearchFacetLabels, previous: [String: Fingerprint]?,
                         sink: @Sendable (String, Data) throws -> Void) throws -> SearchIndexUpdate {
        self.documents = documents
        files = [:]
        let capture = IndexCapture(previous: previous)
        var copy = documents
        let outlines = copy.map { SearchDocumentOutline($0) }
        let feed = DocumentFeed(documents: &copy)
        let stats: SearchIndexStats
        do {
            stats = try withoutActuallyEscaping(sink) { sink in
                try SearchIndexWriter.write(outlines: outlines, feed: feed, labels: labels, files: cache) { name, data in
                    try capture.take(name, data, sink: sink)
                }
            }
        } catch {
            cache.forget()
            throw error
        }
        cache.finish()
        files = capture.files
        return SearchIndexUpdate(stats: stats, fileNames: Set(files.keys), emitted: capture.emitted)
    }
}

/// The sink of a build inside a session: fingerprints every file and hands on those that differ
/// from the previous build (all of them when there is none). Called from several threads at once.
final class IndexCapture: @unchecked Sendable {
    private let lock = NSLock()
    private let previous: [String: Fingerprint]?
    private(set) var files: [String: Fingerprint] = [:]
    private(set) var emitted = 0

    init(previous: [String: Fingerprint]?) { self.previous = previous }

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
