import Foundation

/// A session's index files by id, each with the fingerprint of its payload: a build reuses a
/// file whose payload did not change (no compressing again), and a patch takes the payloads of
/// the posting shards it edits from here. Those payloads (g, p and w) are kept as they are — at
/// 10,000 visits about 35 MB — because inflating a few hundred shards again costs a patch more
/// than editing them. Called from several threads at once.
final class FileCache: @unchecked Sendable {
    private struct File {
        let payloadPrint: Fingerprint
        let data: Data
        /// Kept for posting shards only.
        let payload: [UInt8]?
    }

    private let lock = NSLock()
    private var previous: [String: File] = [:]
    private var current: [String: File] = [:]

    func contents(id: String, payload: [UInt8]) -> Data {
        let print = payload.withUnsafeBytes { Fingerprint(Data($0)) }
        let known = lock.withLock { previous[id] }
        let data = known?.payloadPrint == print ? known!.data : IndexFile.contents(id: id, payload: payload)
        let keep = id.hasPrefix("g-") || id.hasPrefix("w-") || id.hasPrefix("p-")
        lock.withLock { current[id] = File(payloadPrint: print, data: data, payload: keep ? payload : nil) }
        return data
    }

    /// After a full build: its files are what the next one compares with.
    func finish() { lock.withLock { previous = current; current = [:] } }
    /// After a patch: the files it made replace theirs; `removed` ids are no longer part of the index.
    func finishPatch(removed: Set<String>) {
        lock.withLock {
            previous.merge(current) { _, new in new }
            for id in removed { previous[id] = nil }
            current = [:]
        }
    }
    /// After a failed build or patch: nothing is known.
    func forget() { lock.withLock { previous = [:]; current = [:] } }

    /// The payload of the last build's file `id`, or nil when unknown.
    func payload(id: String) throws -> [UInt8]? {
        guard let file = lock.withLock({ previous[id] }) else { return nil }
        if let payload = file.payload { return payload }
        let name = IndexFile.fileName(id)
        let (_, body) = try IndexFile.parse(file.data, file: name)
        return id == IndexLayout.manifestID ? Array(body) : try IndexFile.payload(body, file: name)
    }
}
