import Foundation
import Markdown

/// The content folder as the forms' checks read it (`NoteValidator.readForChecking`), kept for the
/// life of one `densho serve`: a note is read and parsed again only when its file stamp changed
/// (size, times, inode), so a submit at 5,000 notes lists the folder and stats its files instead
/// of reading every note's front matter. Shared by the server's request threads.
public final class CheckingIndex: @unchecked Sendable {
    private struct Entry {
        let stamp: FileStamp
        let unsafeHTML: Bool
        let result: Result<ParsedSource, Diagnostic>
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()
    /// Files read (not taken from the index) by the last `parse`; tests see the index at work.
    public private(set) var readCount = 0

    public init() {}

    func parse(_ files: [SourceFile], options: MarkdownOptions,
               reading: @escaping @Sendable (SourceFile) -> Result<ParsedSource, Diagnostic>) -> [Result<ParsedSource, Diagnostic>] {
        let results = ConcurrentResults<Result<ParsedSource, Diagnostic>>(count: files.count)
        let read = ConcurrentResults<Bool>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            // Stamped before reading: a file changed in between is read again next time.
            let stamp = FileStamp.of(file.path)
            lock.lock()
            let previous = entries[file.path]
            lock.unlock()
            if let stamp, let previous, previous.stamp == stamp, previous.unsafeHTML == options.unsafeHTML {
                results.set(index, previous.result)
                read.set(index, false)
                return
            }
            let result = reading(file)
            if let stamp {
                lock.lock()
                entries[file.path] = Entry(stamp: stamp, unsafeHTML: options.unsafeHTML, result: result)
                lock.unlock()
            }
            results.set(index, result)
            read.set(index, true)
        }
        let present = Set(files.map(\.path))
        lock.lock()
        entries = entries.filter { present.contains($0.key) }
        readCount = read.values.filter { $0 }.count
        lock.unlock()
        return results.values
    }
}
