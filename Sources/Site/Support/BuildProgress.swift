import Foundation

/// Counters a running build advances, for a progress line; safe to read from another thread.
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var read = 0, pages = 0, shards = 0
    private var step = "reading"

    public init() {}

    public var snapshot: (step: String, filesRead: Int, pagesWritten: Int, indexShards: Int) {
        lock.lock(); defer { lock.unlock() }
        return (step, read, pages, shards)
    }

    func begin(_ name: String) { lock.lock(); step = name; lock.unlock() }
    func filesRead(_ n: Int) { lock.lock(); read += n; lock.unlock() }
    func wrote(_ relativePath: String) {
        lock.lock()
        if relativePath.hasPrefix("search/") { shards += 1 } else { pages += 1 }
        lock.unlock()
    }
}
