import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Site

/// Every file under a set of folders, by path. Names starting with "." are skipped, as the
/// content scanner skips them (editor swap files must not trigger rebuilds).
struct FolderSnapshot: Equatable {
    private(set) var files: [String: FileStamp] = [:]

    static func take(_ folders: [URL]) -> FolderSnapshot {
        var snapshot = FolderSnapshot()
        for folder in folders { snapshot.scan(folder.path, depth: 0) }
        return snapshot
    }

    /// Paths added, removed or changed since `earlier`, sorted.
    func changes(since earlier: FolderSnapshot) -> [String] {
        var changed = files.filter { earlier.files[$0.key] != $0.value }.map(\.key)
        changed += earlier.files.keys.filter { files[$0] == nil }
        return changed.sorted()
    }

    /// Symlinked folders are followed (content may live elsewhere); the depth limit ends a loop.
    private mutating func scan(_ path: String, depth: Int) {
        guard depth < 32, let dir = opendir(path) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let child = path + "/" + name
            var info = stat()
            guard stat(child, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                scan(child, depth: depth + 1)
            } else {
                files[child] = FileStamp(info)
            }
        }
    }
}

/// Polls folders for changes: simple and portable (no inotify), and cheap enough at ~500 ms.
/// With a very large content folder a scan takes longer, so the pause grows with it and the
/// watcher never spends more than about a fifth of a core.
final class ChangeWatcher {
    private let folders: [URL]
    private let interval: TimeInterval
    private var last: FolderSnapshot
    private var lastScanSeconds: TimeInterval = 0

    /// The first snapshot is taken here, before the first build, so a save during that build is
    /// still seen as a change afterwards.
    init(folders: [URL], interval: TimeInterval = 0.5) {
        self.folders = folders
        self.interval = interval
        self.last = FolderSnapshot.take(folders)
    }

    /// Blocks until something changed and then stayed still for one interval (an editor's burst
    /// of writes, or a `git checkout`, becomes one rebuild). Returns the changed paths.
    func waitForChange() -> [String] {
        var pending: [String] = []
        while true {
            Thread.sleep(forTimeInterval: max(interval, lastScanSeconds * 4))
            let start = Date()
            let now = FolderSnapshot.take(folders)
            lastScanSeconds = Date().timeIntervalSince(start)
            let changed = now.changes(since: last)
            last = now
            if !changed.isEmpty {
                pending += changed
            } else if !pending.isEmpty {
                return Array(Set(pending)).sorted()
            }
        }
    }
}
