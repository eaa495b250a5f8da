import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// One densho at a time writes an output folder. A one-shot `build` that finds another one-shot
/// build at work waits for it (builds are short; the later one's site is the newer); anything that
/// finds `serve` or `build --watch` keeping the folder up to date is refused and told so, and so is
/// a second `serve` or `--watch`.
///
/// The lock is a name in Linux's abstract socket namespace, derived from the output's path: bound
/// by the holder, released by the kernel when the holder ends in any way (SIGKILL included), and no
/// file is left anywhere. A second name marks a holder that stays (serve, watch).
public final class OutputLock: @unchecked Sendable {
    public enum Role: String, Sendable { case build, serve, watch }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var held: [Int32] = []

    /// Takes the lock of `output` for this process, kept until it exits. `waiting` is told once
    /// when the process waits for another build.
    public static func claim(_ output: URL, displayPath: String, as role: Role, waiting: (Message) -> Void) throws {
        #if os(Linux)
        let key = String(fingerprint(output.standardizedFileURL.resolvingSymlinksInPath().path), radix: 16)
        let main = "densho-output-\(key)", staying = "densho-output-\(key)-staying"
        var told = false
        while true {
            if let fd = bindAbstract(main) {
                if role != .build {
                    guard let marker = bindAbstract(staying) else { close(fd); continue }
                    remember(marker)
                }
                remember(fd)
                // Whoever holds the folder first finishes a commit a killed session left (see CommitJournal).
                if SiteFolder.isOurs(output) {
                    CommitJournal.finishInterrupted(in: output.standardizedFileURL)
                }
                return
            }
            if let probe = bindAbstract(staying) {
                close(probe)   // the holder is a one-shot build
                guard role == .build else {
                    throw BuildFailure(Message(.outputBusyBuild, displayPath))
                }
                if !told { waiting(Message(.outputWaiting, displayPath)); told = true }
                usleep(100_000)
            } else {
                throw BuildFailure(Message(.outputKeptByServe, displayPath))
            }
        }
        #endif
    }

    private static func remember(_ fd: Int32) {
        lock.lock()
        held.append(fd)
        lock.unlock()
    }

    #if os(Linux)
    /// A socket bound to `name` in the abstract namespace, or nil when the name is taken.
    private static func bindAbstract(_ name: String) -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = [UInt8(0)] + Array(name.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.prefix(raw.count).enumerated() { raw[i] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        if status == 0 { return fd }
        close(fd)
        return nil
    }
    #endif

    /// FNV-1a: the same path gives the same name in every process.
    private static func fingerprint(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }
}
