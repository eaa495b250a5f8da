import Foundation
import Messages
import Site

/// On a terminal, a build that takes longer than a second shows one line that updates in place
/// (files read, pages written, index shards). Piped output never sees it, so logs stay plain.
final class ProgressLine: @unchecked Sendable {
    let progress = BuildProgress()
    private let lock = NSLock()
    private var running = true
    private var shown = false

    /// The build's step names (BuildProgress) in the catalog.
    static let steps: [String: MessageID] = ["reading": .statusStepReading, "rendering": .statusStepRendering, "indexing": .statusStepIndexing]

    static func startIfTerminal() -> ProgressLine? {
        guard isatty(STDOUT_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        let line = ProgressLine()
        Thread.detachNewThread { line.loop() }
        return line
    }

    private func loop() {
        Thread.sleep(forTimeInterval: 1.0)
        while true {
            lock.lock()
            guard running else { lock.unlock(); return }
            let s = progress.snapshot
            let step = CLI.text(ProgressLine.steps[s.step] ?? .verbatim, s.step)
            let text = "densho: " + CLI.text(.statusProgress, step, String(s.filesRead), String(s.pagesWritten), String(s.indexShards))
            FileHandle.standardOutput.write(Data("\r\u{1B}[K\(text)".utf8))
            shown = true
            lock.unlock()
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Clears the line so the summary (or an error) starts on a clean line.
    func stop() {
        lock.lock()
        running = false
        if shown { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
        lock.unlock()
    }
}
