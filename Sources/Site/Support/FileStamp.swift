import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file looked like at one moment: size, modification and change times (nanoseconds),
/// inode. Inode and change time catch editors that save by writing a new file and renaming it
/// over the old one, even within the same clock tick and at the same size. The one stat reader
/// of densho (content cache, theme and output checks of a session, the `serve` watcher).
public struct FileStamp: Equatable, Sendable {
    public let size: Int64
    public let modified: Int64
    public let changed: Int64
    public let inode: UInt64

    public init(_ info: stat) {
        #if os(Linux)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #else
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #endif
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
    }

    /// The stamp of what `path` names (following symbolic links), nil when there is nothing there.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        return stat(path, &info) == 0 ? FileStamp(info) : nil
    }
}
