import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// Updates a site densho made, in place: only files whose bytes change are written, each one
/// atomically (temporary file + rename), all at `commit`. For `serve` and `build --watch`, where
/// a rebuild after one edit must take a fraction of a second; a one-shot build stages instead
/// (`StagedSite`).
final class LiveSite: SiteOutput, @unchecked Sendable {
    let output: URL
    let tally = OutputTally(tracksProduced: true)
    let kind: SiteKind
    private let lock = NSLock()
    /// Changed files, held until `commit` so that a failed build writes nothing.
    private var pending: [String: Data] = [:]

    init(updating output: URL, kind: SiteKind = .internal) throws {
        self.kind = kind
        self.output = output.standardizedFileURL
        guard SiteFolder.isOurs(self.output) else {
            throw BuildFailure(Message(.outputNotOursInPlace, output.path))
        }
        CommitJournal.finishInterrupted(in: self.output)
        try kind.checkMayReplace(self.output)
    }

    /// Compares with the live file and holds the data only when it differs.
    func write(_ relativePath: String, _ data: Data) throws {
        _ = try SiteFolder.checkedParts(relativePath)
        let same = LiveSite.holds(output.appendingPathComponent(relativePath).path, data)
        if !same {
            lock.lock()
            pending[relativePath] = data
            lock.unlock()
        }
        tally.count(relativePath, size: data.count, reused: same)
    }

    func keep(_ relativePath: String) -> Bool {
        guard let size = SiteFolder.regularFileSize(output.appendingPathComponent(relativePath).path) else { return false }
        tally.count(relativePath, size: size, reused: true)
        return true
    }

    /// Files of the previous build that this one leaves as they are without looking at them,
    /// because the caller knows nothing they are made from changed (a session's quick rebuild).
    /// They count as produced and unchanged; paths written by this build win.
    func carryOver(_ previous: [String: Int]) {
        // The marker and .gitkeep are written by `commit` itself.
        tally.carry(previous, except: [SiteFolder.marker, ".gitkeep"])
    }

    /// Every changed file first goes to a temporary name beside its target; then a journal records
    /// the renames and the removals of `stale` files (paths of the previous build that this one did
    /// not produce; see `CommitJournal`); then they are done. Killed at any moment, the site is the
    /// old one plus hidden temporary files, or the journal finishes it at the next start.
    func commit(removing stale: Set<String> = []) throws {
        try writeMarkers(output)
        let fm = FileManager.default
        lock.lock()
        let changed = pending.sorted(by: { $0.key < $1.key })
        lock.unlock()
        var journal = CommitJournal()
        for (relativePath, data) in changed {
            let target = output.appendingPathComponent(relativePath)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let folder = (relativePath as NSString).deletingLastPathComponent
            let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(target.lastPathComponent).densho-tmp-\(getpid())"
            try SiteFolder.writeFile(output.appendingPathComponent(temporary).path, data)
            journal.renames.append([temporary, relativePath])
        }
        let produced = tally.produced
        journal.removals = stale.filter { produced[$0] == nil }.sorted()
        try journal.record(in: output)
        // Fault tests stop here to kill a session mid-commit at a known point.
        if let pause = ProcessInfo.processInfo.environment["DENSHO_FAULT_PAUSE_COMMIT_MS"].flatMap(UInt32.init) { usleep(pause * 1000) }
        try journal.apply(in: output)
        CommitJournal.clear(in: output)
        abandon()
    }

    func abandon() {
        lock.lock()
        pending = [:]
        lock.unlock()
    }

    /// Whether the file at `path` holds exactly `data`.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        guard SiteFolder.regularFileSize(path) == data.count, let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == data
    }
}
