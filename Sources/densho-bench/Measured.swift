import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One timed run of a child process: wall time and its own peak resident memory (wait4's
/// rusage, so other processes and earlier runs never count).
struct Measured {
    let seconds: Double
    let peakKB: Int
    let status: Int32

    static func run(_ executable: String, _ arguments: [String]) throws -> Measured {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Measured(seconds: seconds, peakKB: Int(usage.ru_maxrss), status: exitStatus)
    }
}

/// Median time and largest peak of several runs.
struct Summary {
    let seconds: Double
    let peakKB: Int
    let failed: Bool
    /// No run at all: the tool was not run for this size (not a failure of the tool).
    let notRun: Bool

    init(_ runs: [Measured]) {
        notRun = runs.isEmpty
        let times = runs.map(\.seconds).sorted()
        seconds = times.isEmpty ? 0 : times[times.count / 2]
        peakKB = runs.map(\.peakKB).max() ?? 0
        failed = runs.isEmpty || runs.contains { $0.status != 0 }
    }
}

enum Sizes {
    /// Total bytes of the regular files under a folder.
    static func bytes(_ path: String) -> Int {
        var total = 0
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        while let item = walker.nextObject() as? String {
            if let attributes = walker.fileAttributes, attributes[.type] as? FileAttributeType == .typeRegular {
                total += (attributes[.size] as? NSNumber)?.intValue ?? 0
            } else {
                _ = item
            }
        }
        return total
    }
}
