import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole site into a staging folder beside the output, then swaps it in with one
/// atomic rename. Whatever happens before the swap (an error, a crash, SIGKILL), the previous
/// site stays as it was.
///
/// Rebuilds are incremental at the file level: a file whose bytes equal the previous site's
/// file at the same path is hard-linked from there instead of written. Writing is what costs
/// (file data, inode and journal work); comparing against the page cache is cheap, and the
/// result is byte-identical to a full build by construction. Files are never changed in place,
/// so sharing inodes between the old and the new site is safe.
final class StagedSite: SiteOutput, @unchecked Sendable {
    let output: URL
    let staging: URL
    let tally: OutputTally
    let kind: SiteKind
    private let lock = NSLock()
    private var createdDirectories: Set<String> = [""]
    /// The previous site, when there is one that densho made.
    private let previous: URL?
    private let progress: BuildProgress?

    /// `tracksProduced`: whether `producedSizes` is kept (a session needs it for its next build).
    init(output: URL, kind: SiteKind = .internal, progress: BuildProgress? = nil, tracksProduced: Bool = true) throws {
        self.kind = kind
        self.progress = progress
        tally = OutputTally(tracksProduced: tracksProduced)
        let fm = FileManager.default
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try SiteFolder.checkReplaceable(self.output)
        CommitJournal.finishInterrupted(in: self.output)
        try kind.checkMayReplace(self.output)
        previous = SiteFolder.isOurs(self.output) ? self.output : nil
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        StagedSite.removeStaleStaging(in: parent, name: name)
        staging = parent.appendingPathComponent(".\(name).densho-build-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// Staging folders left by a build that was killed: they carry our name pattern, so they are ours.
    private static func removeStaleStaging(in parent: URL, name: String) {
        let prefix = ".\(name).densho-build-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).split(separator: "-").first.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }   // another live build
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    func write(_ relativePath: String, _ data: Data) throws {
        let parts = try SiteFolder.checkedParts(relativePath)
        try makeDirectory(parts.dropLast().joined(separator: "/"))
        let path = staging.appendingPathComponent(relativePath).path
        let reused = previous.map { StagedSite.linkIfUnchanged(from: $0.appendingPathComponent(relativePath).path, to: path, data) } ?? false
        if !reused { try SiteFolder.writeFile(path, data) }
        tally.count(relativePath, size: data.count, reused: reused)
        progress?.wrote(relativePath)
    }

    func keep(_ relativePath: String) -> Bool {
        guard let previous else { return false }
        let old = previous.appendingPathComponent(relativePath).path
        guard let size = SiteFolder.regularFileSize(old),
              (try? makeDirectory(relativePath.split(separator: "/").dropLast().joined(separator: "/"))) != nil,
              link(old, staging.appendingPathComponent(relativePath).path) == 0 else { return false }
        tally.count(relativePath, size: size, reused: true)
        return true
    }

    /// Created under the lock: another thread must not write into a folder that is still being made.
    private func makeDirectory(_ directory: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !createdDirectories.contains(directory) else { return }
        try FileManager.default.createDirectory(at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
        createdDirectories.insert(directory)
    }

    /// Makes the staged site the site, in one step that cannot be seen half-done. The whole old
    /// site goes, so `stale` needs no look.
    func commit(removing stale: Set<String> = []) throws {
        try writeMarkers(output)
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            try StagedSite.exchange(staging, output)
            try? fm.removeItem(at: staging)   // now holds the previous site
        } else if rename(staging.path, output.path) != 0 {
            throw BuildFailure(Message(.outputCannotMove, String(cString: strerror(errno))))
        }
    }

    func abandon() { try? FileManager.default.removeItem(at: staging) }

    /// Hard-links the previous site's file when it holds exactly `data`.
    private static func linkIfUnchanged(from old: String, to new: String, _ data: Data) -> Bool {
        guard SiteFolder.regularFileSize(old) == data.count else { return false }
        let fd = open(old, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let same = data.withUnsafeBytes { (expected: UnsafeRawBufferPointer) -> Bool in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var offset = 0
            while offset < expected.count {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard n > 0, offset + n <= expected.count else { return false }
                let equal = buffer.withUnsafeBytes { memcmp($0.baseAddress!, expected.baseAddress! + offset, n) == 0 }
                guard equal else { return false }
                offset += n
            }
            return true
        }
        return same && link(old, new) == 0
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux renameat2(RENAME_EXCHANGE) swaps two folders atomically. Glibc's Swift overlay does not
    /// declare it, so it is looked up by name.
    private static func exchange(_ a: URL, _ b: URL) throws {
        let renameExchange: UInt32 = 2
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            if renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0 { return }
        }
        // Without an atomic exchange, keep the window small: old aside, new in, old removed.
        let aside = b.deletingLastPathComponent().appendingPathComponent(".\(b.lastPathComponent).densho-old-\(getpid())")
        guard rename(b.path, aside.path) == 0 else { throw BuildFailure(Message(.outputCannotReplace, b.path, String(cString: strerror(errno)))) }
        guard rename(a.path, b.path) == 0 else {
            _ = rename(aside.path, b.path)
            throw BuildFailure(Message(.outputCannotReplace, b.path, String(cString: strerror(errno))))
        }
        _ = rename(aside.path, a.path)
    }
}
