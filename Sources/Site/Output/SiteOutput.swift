import Foundation
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
final class SiteOutput: @unchecked Sendable {
    static let marker = ".densho-site"
    let output: URL
    let staging: URL
    private let lock = NSLock()
    private var createdDirectories: Set<String> = [""]
    private(set) var filesWritten = 0
    private(set) var bytesWritten = 0
    /// Files taken unchanged from the previous site (hard links, no data written).
    private(set) var filesReused = 0
    /// The previous site, when there is one that densho made.
    private let previous: URL?

    private let progress: BuildProgress?
    /// Every path this build produced (written, linked, kept or carried over) with its size, for a
    /// session to know what went away and how big the site is.
    private(set) var producedSizes: [String: Int] = [:]
    /// Updating the live site file by file (a session's rebuild) instead of staging a whole new one.
    let inPlace: Bool
    /// In-place mode: changed files, held until `commit` so that a failed build writes nothing.
    private var pending: [String: Data] = [:]

    /// What the marker says this folder holds (an internal or a public site).
    let kind: SiteKind

    /// Whether `producedSizes` is kept: a session needs it for its next build; a one-shot build
    /// of 100,000 visits would hold 180,000 paths for nothing.
    private let tracksProduced: Bool

    init(output: URL, kind: SiteKind = .internal, progress: BuildProgress? = nil, tracksProduced: Bool = true) throws {
        self.kind = kind
        self.progress = progress
        self.inPlace = false
        self.tracksProduced = tracksProduced
        let fm = FileManager.default
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try SiteOutput.checkReplaceable(self.output)
        CommitJournal.finishInterrupted(in: self.output)
        try kind.checkMayReplace(self.output)
        previous = fm.fileExists(atPath: self.output.appendingPathComponent(SiteOutput.marker).path) ? self.output : nil
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        SiteOutput.removeStaleStaging(in: parent, name: name)
        staging = parent.appendingPathComponent(".\(name).densho-build-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// Updates a site densho made, in place: only files whose bytes change are written, each one
    /// atomically (temporary file + rename), all at `commit`. For `serve` and `build --watch`, where
    /// a rebuild after one edit must take a fraction of a second; a one-shot build stages instead.
    init(updating output: URL, kind: SiteKind = .internal) throws {
        self.kind = kind
        self.progress = nil
        self.inPlace = true
        self.tracksProduced = true
        self.output = output.standardizedFileURL
        guard FileManager.default.fileExists(atPath: self.output.appendingPathComponent(SiteOutput.marker).path) else {
            throw BuildFailure("\(output.path) is not a site densho made; cannot update it in place")
        }
        CommitJournal.finishInterrupted(in: self.output)
        try kind.checkMayReplace(self.output)
        previous = self.output
        staging = self.output
    }

    /// densho replaces only a folder it made (it carries our marker) or an empty one: pointing
    /// --output at a folder of someone's files must never delete them.
    static func checkReplaceable(_ output: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw BuildFailure("\(output.path) exists and is not a folder; refusing to replace it") }
        if fm.fileExists(atPath: output.appendingPathComponent(marker).path) { return }
        let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        if entries.allSatisfy({ $0 == ".gitkeep" }) { return }
        throw BuildFailure("\(output.path) was not made by densho (no \(marker) file) and is not empty; refusing to replace it. Choose another --output or empty it yourself.")
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

    /// Writes one file of the site. Safe to call from several threads.
    func write(_ relativePath: String, _ data: Data) throws {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildFailure("refusing to write outside the site: \(relativePath)")
        }
        if inPlace { return try stage(relativePath, data) }
        let directory = parts.dropLast().joined(separator: "/")
        // Created under the lock: another thread must not write into a folder that is still being made.
        lock.lock()
        if !createdDirectories.contains(directory) {
            do {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
            } catch {
                lock.unlock()
                throw error
            }
            createdDirectories.insert(directory)
        }
        lock.unlock()
        let path = staging.appendingPathComponent(relativePath).path
        let reused = previous.map { SiteOutput.linkIfUnchanged(from: $0.appendingPathComponent(relativePath).path, to: path, data) } ?? false
        if !reused { try SiteOutput.writeFile(path, data) }
        lock.lock()
        filesWritten += 1
        bytesWritten += data.count
        if reused { filesReused += 1 }
        if tracksProduced { producedSizes[relativePath] = data.count }
        lock.unlock()
        progress?.wrote(relativePath)
    }

    /// In-place mode: compares with the live file and holds the data only when it differs.
    private func stage(_ relativePath: String, _ data: Data) throws {
        let same = SiteOutput.holds(output.appendingPathComponent(relativePath).path, data)
        lock.lock()
        if !same { pending[relativePath] = data }
        filesWritten += 1
        bytesWritten += data.count
        if same { filesReused += 1 }
        producedSizes[relativePath] = data.count
        lock.unlock()
    }

    /// Takes the previous build's file at `relativePath` as it is, without its bytes: the caller
    /// knows that everything the file was made from is unchanged. False when there is no such
    /// file (then the caller writes it).
    func keep(_ relativePath: String) -> Bool {
        guard let previous else { return false }
        let old = previous.appendingPathComponent(relativePath).path
        var info = stat()
        guard lstat(old, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        if !inPlace {
            let directory = relativePath.split(separator: "/").dropLast().joined(separator: "/")
            lock.lock()
            if !createdDirectories.contains(directory) {
                guard (try? FileManager.default.createDirectory(at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)) != nil else {
                    lock.unlock(); return false
                }
                createdDirectories.insert(directory)
            }
            lock.unlock()
            guard link(old, staging.appendingPathComponent(relativePath).path) == 0 else { return false }
        }
        lock.lock()
        filesWritten += 1
        bytesWritten += Int(info.st_size)
        filesReused += 1
        if tracksProduced { producedSizes[relativePath] = Int(info.st_size) }
        lock.unlock()
        return true
    }

    /// In place: files of the previous build that this one leaves as they are without looking at
    /// them, because the caller knows nothing they are made from changed (a session's quick
    /// rebuild). They count as produced and unchanged; paths written by this build win.
    func carryOver(_ previous: [String: Int]) {
        precondition(inPlace, "carrying files over needs the live site")
        lock.lock()
        // The marker and .gitkeep are written by `commit` itself.
        for (path, size) in previous where producedSizes[path] == nil && path != SiteOutput.marker && path != ".gitkeep" {
            producedSizes[path] = size
            filesWritten += 1
            filesReused += 1
            bytesWritten += size
        }
        lock.unlock()
    }

    /// Whether the file at `path` holds exactly `data`.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == data
    }

    /// Hard-links the previous site's file when it holds exactly `data`.
    private static func linkIfUnchanged(from old: String, to new: String, _ data: Data) -> Bool {
        var info = stat()
        guard lstat(old, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
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

    /// A plain write: the staging folder is private until the swap, so no temporary file is needed.
    private static func writeFile(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw BuildFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
    }

    func write(_ relativePath: String, _ text: String) throws { try write(relativePath, Data(text.utf8)) }

    /// Makes the staged site the site, in one step that cannot be seen half-done. In place: writes
    /// the changed files one by one, each atomically, then removes `stale` files (paths of the
    /// previous build that this one did not produce).
    func commit(removing stale: Set<String> = []) throws {
        let fm = FileManager.default
        try write(SiteOutput.marker, kind.markerText)
        let keep = output.appendingPathComponent(".gitkeep")
        if fm.fileExists(atPath: keep.path) { try write(".gitkeep", Data()) }
        if inPlace { return try commitInPlace(removing: stale) }
        if fm.fileExists(atPath: output.path) {
            try SiteOutput.exchange(staging, output)
            try? fm.removeItem(at: staging)   // now holds the previous site
        } else if rename(staging.path, output.path) != 0 {
            throw BuildFailure("cannot move the new site into place: \(String(cString: strerror(errno)))")
        }
    }

    func abandon() {
        if inPlace { pending = [:]; return }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Every changed file first goes to a temporary name beside its target; then a journal records
    /// the renames and removals (see `CommitJournal`); then they are done. Killed at any moment, the
    /// site is the old one plus hidden temporary files, or the journal finishes it at the next start.
    private func commitInPlace(removing stale: Set<String>) throws {
        let fm = FileManager.default
        var journal = CommitJournal()
        for (relativePath, data) in pending.sorted(by: { $0.key < $1.key }) {
            let target = output.appendingPathComponent(relativePath)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let folder = (relativePath as NSString).deletingLastPathComponent
            let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(target.lastPathComponent).densho-tmp-\(getpid())"
            try SiteOutput.writeFile(output.appendingPathComponent(temporary).path, data)
            journal.renames.append([temporary, relativePath])
        }
        journal.removals = stale.filter { producedSizes[$0] == nil }.sorted()
        try journal.record(in: output)
        // Fault tests stop here to kill a session mid-commit at a known point.
        if let pause = ProcessInfo.processInfo.environment["DENSHO_FAULT_PAUSE_COMMIT_MS"].flatMap(UInt32.init) { usleep(pause * 1000) }
        try journal.apply(in: output)
        CommitJournal.clear(in: output)
        pending = [:]
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
        guard rename(b.path, aside.path) == 0 else { throw BuildFailure("cannot replace \(b.path): \(String(cString: strerror(errno)))") }
        guard rename(a.path, b.path) == 0 else {
            _ = rename(aside.path, b.path)
            throw BuildFailure("cannot replace \(b.path): \(String(cString: strerror(errno)))")
        }
        _ = rename(aside.path, a.path)
    }
}
