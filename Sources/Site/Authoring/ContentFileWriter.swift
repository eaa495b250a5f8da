import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files people will edit, so that no reader (an editor, a build, `serve`) ever sees half
/// of one: the bytes go to a temporary file in the same folder, are flushed, and only then appear
/// under their name in one step.
public enum ContentFileWriter {
    /// Creates `url` with `data`. Never replaces anything: the name is claimed with link(2),
    /// which fails when the name exists, even when another process creates it at the same moment.
    /// Returns false when the name is taken (the caller tries the next free name).
    public static func createNew(_ data: Data, at url: URL) throws -> Bool {
        let temporary = try writeTemporary(data, beside: url, mode: nil)
        defer { unlink(temporary) }
        if link(temporary, url.path) == 0 {
            fsyncDirectory(of: url)
            return true
        }
        let code = errno
        if code == EEXIST { return false }
        throw AuthoringError("cannot create \(url.path): \(String(cString: strerror(code)))")
    }

    /// Creates many new files, for an import: the same exclusive create as `createNew`, but the
    /// bytes of all of them are flushed with one sync(2) instead of an fsync per file, which on
    /// a real disk turns thousands of notes from minutes into seconds. Returns, per file, whether
    /// its name was free (a taken name is left alone).
    public static func createNewBatch(_ items: [(data: Data, url: URL)]) throws -> [Bool] {
        var temporaries: [String] = []
        defer { for path in temporaries { unlink(path) } }
        for item in items { temporaries.append(try writeTemporary(item.data, beside: item.url, mode: nil, flush: false)) }
        sync()
        var created: [Bool] = []
        var folders = Set<String>()
        for (temporary, item) in zip(temporaries, items) {
            if link(temporary, item.url.path) == 0 {
                created.append(true)
                folders.insert(item.url.deletingLastPathComponent().path)
                continue
            }
            let code = errno
            guard code == EEXIST else { throw AuthoringError("cannot create \(item.url.path): \(String(cString: strerror(code)))") }
            created.append(false)
        }
        for folder in folders.sorted() { fsyncDirectory(of: URL(fileURLWithPath: folder).appendingPathComponent("x")) }
        return created
    }

    /// Replaces the content of an existing file in one atomic rename, keeping its permissions.
    /// `beforeRename` runs once the new bytes are safely on disk, just before they take the name:
    /// it may throw to cancel (the note changed meanwhile), and then nothing is replaced.
    public static func replace(_ url: URL, with data: Data, beforeRename: () throws -> Void = {}) throws {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw AuthoringError("cannot read \(url.path): \(String(cString: strerror(errno)))")
        }
        let temporary = try writeTemporary(data, beside: url, mode: mode_t(status.st_mode & 0o7777))
        do {
            try beforeRename()
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, url.path) != 0 {
            let code = errno
            unlink(temporary)
            throw AuthoringError("cannot replace \(url.path): \(String(cString: strerror(code)))")
        }
        fsyncDirectory(of: url)
    }

    /// A new file beside `url` (same folder, so a rename or link stays on one file system),
    /// named so it is hidden from the content scanner, which skips dot files.
    private static func writeTemporary(_ data: Data, beside url: URL, mode: mode_t?, flush: Bool = true) throws -> String {
        let folder = url.deletingLastPathComponent().path
        for _ in 0..<16 {
            let path = folder + "/.\(url.lastPathComponent).densho-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw AuthoringError("cannot write in \(folder): \(String(cString: strerror(errno)))")
            }
            var failure: Int32 = 0
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count, failure == 0, let base = raw.baseAddress {
                    let written = write(fd, base + offset, raw.count - offset)
                    if written < 0 { if errno != EINTR { failure = errno } } else { offset += written }
                }
            }
            if failure == 0, flush, fsync(fd) != 0 { failure = errno }
            // open() applies the umask, right for a new file; an edited file keeps exactly its mode.
            if failure == 0, let mode, fchmod(fd, mode) != 0 { failure = errno }
            close(fd)
            if failure != 0 {
                unlink(path)
                throw AuthoringError("cannot write \(path): \(String(cString: strerror(failure)))")
            }
            return path
        }
        throw AuthoringError("cannot find a free temporary name in \(folder)")
    }

    /// The new name itself must survive a power cut, not only the bytes.
    private static func fsyncDirectory(of url: URL) {
        let fd = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
