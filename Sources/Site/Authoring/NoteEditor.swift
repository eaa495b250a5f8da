import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way densho changes a note that already exists (reflect, the forms of `serve`, import):
/// read, compute, replace — without losing a write that happened in between.
///
/// Two guards. An exclusive lock (flock) on the note serialises densho's own writers: a second
/// `reflect` waits, then reads the first one's result. And just before the rename the file is read
/// again and compared with the bytes the change was computed from: an editor that saved meanwhile
/// (it takes no lock) makes the write fail with `NoteChanged` instead of silently undoing its save.
public enum NoteEditor {
    /// The note changed between our read and our write. Nothing was written.
    public struct NoteChanged: Error, Sendable, CustomStringConvertible {
        public let displayPath: String
        public var description: String {
            "\(displayPath) changed while densho was writing it (saved in an editor?); nothing was written — run the command again"
        }
    }

    /// Replaces the note at `url` with `change(current bytes)`, under the note's lock. `change` may
    /// throw to refuse (a section already there); then nothing is written. Returns the new bytes.
    @discardableResult
    public static func update(_ url: URL, displayPath: String, _ change: (Data) throws -> Data) throws -> Data {
        try withLock(url, displayPath: displayPath) {
            guard let original = read(url.path) else { throw AuthoringError("cannot read \(displayPath)") }
            let updated = try change(original)
            try replace(url, displayPath: displayPath, expecting: original, with: updated)
            return updated
        }
    }

    /// Replaces the note only if it still holds `expected` (the bytes a form or a command read):
    /// the compare-and-swap the write API answers 409 with. Call it under `withLock` for densho's
    /// own writers; alone it still catches every change made before its final read.
    public static func replace(_ url: URL, displayPath: String, expecting expected: Data, with data: Data) throws {
        try ContentFileWriter.replace(url, with: data) {
            guard read(url.path) == expected else { throw NoteChanged(displayPath: displayPath) }
        }
    }

    /// Runs `body` holding an exclusive lock on the note. The lock is taken on the file itself and
    /// checked to still be the file at `url` afterwards: a writer that renamed a new file over it
    /// while we waited leaves us holding the old one, so we take the new one's lock instead.
    public static func withLock<T>(_ url: URL, displayPath: String, _ body: () throws -> T) throws -> T {
        for _ in 0..<100 {
            let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw AuthoringError("cannot open \(displayPath): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { throw AuthoringError("cannot lock \(displayPath): \(String(cString: strerror(errno)))") }
            }
            var held = stat(), current = stat()
            guard fstat(fd, &held) == 0 else { continue }
            if stat(url.path, &current) == 0, current.st_ino == held.st_ino, current.st_dev == held.st_dev {
                return try body()   // the lock goes with close(fd)
            }
        }
        throw AuthoringError("\(displayPath) keeps changing; nothing was written")
    }

    static func read(_ path: String) -> Data? {
        try? SourceText.load(path).get()
    }
}
