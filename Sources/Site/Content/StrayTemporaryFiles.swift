import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden `.<name>.densho-<pid>-<n>.tmp` files a killed `new` or `reflect` leaves beside the
/// note it was writing. The scanner skips dot files, so they never become pages; `check` names
/// them, and the next `new`/`reflect` removes those whose process is gone.
public enum StrayTemporaryFiles {
    /// The process id in a name of our pattern, nil for any other name (a person's own dot file).
    static func ownerProcess(of name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".densho-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].dropLast(4).split(separator: "-")
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }

    /// Whether the process that wrote it has ended (then nobody will rename or remove it).
    static func isAbandoned(_ name: String) -> Bool {
        guard let pid = ownerProcess(of: name) else { return false }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Every stray in the folders notes live in, as paths relative to `content`.
    public static func find(in content: URL) -> [String] {
        var found: [String] = []
        for folder in noteFolders(content) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: content.path + "/" + folder) else { continue }
            for name in names where ownerProcess(of: name) != nil { found.append(folder + "/" + name) }
        }
        return found.sorted()
    }

    /// Removes the strays whose process has ended; returns their relative paths.
    @discardableResult
    public static func clean(in content: URL) -> [String] {
        var removed: [String] = []
        for relative in find(in: content) where isAbandoned(String(relative.split(separator: "/").last ?? "")) {
            if unlink(content.path + "/" + relative) == 0 { removed.append(relative) }
        }
        return removed
    }

    /// The folder of each kind of page (`companies`…) and the year folders of visits.
    static func noteFolders(_ content: URL) -> [String] {
        var folders: [String] = []
        for kind in PageKind.allCases {
            folders.append(kind.rawValue)
            if kind == .visits {
                let years = (try? FileManager.default.contentsOfDirectory(atPath: content.path + "/visits")) ?? []
                for year in years.sorted() where year.utf8.count == 4 && year.allSatisfy(\.isNumber) { folders.append("visits/" + year) }
            }
        }
        return folders
    }
}
