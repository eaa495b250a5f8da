import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// Where a build writes the site's files: a whole new site staged beside the old one
/// (`StagedSite`), or the live site updated file by file (`LiveSite`). Nothing is visible until
/// `commit`, so a failed build leaves the previous site as it was. Safe to call from several threads.
protocol SiteOutput: AnyObject, Sendable {
    /// Writes one file of the site.
    func write(_ relativePath: String, _ data: Data) throws
    /// Takes the previous build's file at `relativePath` as it is, without its bytes: the caller
    /// knows that everything the file was made from is unchanged. False when there is no such
    /// file (then the caller writes it).
    func keep(_ relativePath: String) -> Bool
    /// Makes what was written the site; `stale` are paths of the previous build this one may no longer produce.
    func commit(removing stale: Set<String>) throws
    /// Forgets what was written; the previous site stays.
    func abandon()
    /// How many files and bytes this build produced, and how many were the previous build's unchanged.
    var tally: OutputTally { get }
    /// What the marker says this folder holds (an internal or a public site).
    var kind: SiteKind { get }
}

extension SiteOutput {
    func write(_ relativePath: String, _ text: String) throws { try write(relativePath, Data(text.utf8)) }
    var filesWritten: Int { tally.counts.files }
    var bytesWritten: Int { tally.counts.bytes }
    /// Files taken unchanged from the previous site (no data written).
    var filesReused: Int { tally.counts.reused }
    /// Every path this build produced (written, linked, kept or carried over) with its size, for a
    /// session to know what went away and how big the site is (empty when not tracked).
    var producedSizes: [String: Int] { tally.produced }

    /// The marker and `.gitkeep`, which every site densho makes carries (`SiteFolder.marker`).
    func writeMarkers(_ root: URL) throws {
        try write(SiteFolder.marker, kind.markerText)
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(".gitkeep").path) { try write(".gitkeep", Data()) }
    }
}

/// The counts an output keeps, under a lock (files are written from all cores).
final class OutputTally: @unchecked Sendable {
    private let lock = NSLock()
    private var files = 0, bytes = 0, reused = 0
    private var sizes: [String: Int] = [:]
    /// A one-shot build of 100,000 visits would hold 180,000 paths for nothing; a session needs them.
    let tracksProduced: Bool

    init(tracksProduced: Bool) { self.tracksProduced = tracksProduced }

    var counts: (files: Int, bytes: Int, reused: Int) { lock.lock(); defer { lock.unlock() }; return (files, bytes, reused) }
    var produced: [String: Int] { lock.lock(); defer { lock.unlock() }; return sizes }

    func count(_ relativePath: String, size: Int, reused isReused: Bool) {
        lock.lock()
        files += 1
        bytes += size
        if isReused { reused += 1 }
        if tracksProduced { sizes[relativePath] = size }
        lock.unlock()
    }

    /// Counts files of the previous build as produced and unchanged, unless this build produced the path itself.
    /// The previous build's paths are taken as a whole and this build's few laid over them: a
    /// session's site has tens of thousands, and adding them one by one cost more than the rebuild's pages.
    func carry(_ previous: [String: Int], except skipped: Set<String>) {
        lock.lock()
        var merged = previous
        for path in skipped { merged.removeValue(forKey: path) }
        var carried = merged.count
        var carriedBytes = 0
        for size in merged.values { carriedBytes += size }
        for (path, size) in sizes {
            if let old = merged.updateValue(size, forKey: path) {
                carried -= 1
                carriedBytes -= old
            }
        }
        sizes = merged
        files += carried
        reused += carried
        bytes += carriedBytes
        lock.unlock()
    }

    func isProduced(_ relativePath: String) -> Bool { lock.lock(); defer { lock.unlock() }; return sizes[relativePath] != nil }
}

/// What makes a folder a site densho may replace, and the file operations both outputs share.
enum SiteFolder {
    static let marker = ".densho-site"

    /// densho replaces only a folder it made (it carries our marker), an empty one, or none:
    /// pointing --output at a folder of someone's files must never delete them.
    static func checkReplaceable(_ output: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw BuildFailure(Message(.outputNotAFolder, output.path)) }
        if fm.fileExists(atPath: output.appendingPathComponent(marker).path) { return }
        let entries = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        if entries.allSatisfy({ $0 == ".gitkeep" }) { return }
        throw BuildFailure(Message(.outputNotOurs, output.path, marker))
    }

    static func isOurs(_ output: URL) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(marker).path)
    }

    /// The path's parts, after refusing any that would leave the site.
    static func checkedParts(_ relativePath: String) throws -> [Substring] {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildFailure(Message(.outputOutsideSite, relativePath))
        }
        return parts
    }

    /// The size of the regular file at `path`, nil for anything else.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// A plain write (no temporary file: the caller makes it atomic or private).
    static func writeFile(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildFailure(Message(.outputCannotWrite, path, String(cString: strerror(errno)))) }
        defer { close(fd) }
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw BuildFailure(Message(.outputCannotWrite, path, String(cString: strerror(errno)))) }
                offset += n
            }
        }
    }
}
