import Foundation

/// Step timings on standard error when DENSHO_TIMINGS is set: where a build spends its time, and
/// the resident memory after each step (peak memory is what the benchmark reports; this shows
/// which step holds it).
final class StepTimer {
    private var last = Date()
    private let enabled = ProcessInfo.processInfo.environment["DENSHO_TIMINGS"] != nil

    private var lastCPU = StepTimer.cpuSeconds()

    /// Wall time and the process's CPU time (all threads) since the last mark: on a machine other
    /// work shares, the CPU time says what the step itself cost.
    func mark(_ step: String) {
        guard enabled else { return }
        let now = Date()
        let cpu = StepTimer.cpuSeconds()
        FileHandle.standardError.write(Data(String(format: "densho: %@ %.3f s (cpu %.3f s, %d MB resident)\n", step, now.timeIntervalSince(last),
                                                   cpu - lastCPU, StepTimer.residentMB()).utf8))
        last = now
        lastCPU = cpu
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func residentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
