import Foundation

/// Step timings on standard error when DENSHO_TIMINGS is set: where a build spends its time, and
/// the resident memory after each step (peak memory is what the benchmark reports; this shows
/// which step holds it).
final class StepTimer {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["DENSHO_TIMINGS"] != nil

    func mark(_ step: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "densho: %@ %.3f s (%d MB resident)\n", step, now.timeIntervalSince(last),
                                                   StepTimer.residentMB()).utf8))
        last = now
    }

    private static func residentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
