import Foundation

/// A session's index files by id, each with the fingerprint of its payload: a build reuses a
/// file whose payload did not change (no compressing again), and a patch reads the payloads of
/// the shards it rewrites back from here. Called from several threads at once.
final class FileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var previous: [String: (payload: Fingerprint, data: Data)] = [:]
    private var current: [String: (payload: Fingerprint, data: Data)] = [:]

    func contents(id: String, payload: [UInt8]) -> Data {
        let print = payload.withUnsafeBytes { Fingerprint(Data($0)) }
        let known = lock.withLock { previous[id] }
        let data = known?.payload == print ? known!.data : IndexFile.contents(id: id, payload: payload)
        lock.withLock { current[id] = (print, data) }
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

    /// The payload of the last build's file `id` (decompressed again), or nil when unknown.
    func payload(id: String) throws -> [UInt8]? {
        guard let data = lock.withLock({ previous[id]?.data }) else { return nil }
        let file = IndexFile.fileName(id)
        let (_, body) = try IndexFile.parse(data, file: file)
        return id == IndexLayout.manifestID ? Array(body) : try IndexFile.payload(body, file: file)
    }
}
