import Foundation
import Markdown

/// Parsed content files kept between builds of one session (`densho serve`, `build --watch`):
/// a file is parsed again only when its bytes changed. The stat (size, times, inode) decides
/// cheaply that nothing changed; when it moved, a fingerprint of the bytes still spares the parse
/// of a file that was only touched or saved unchanged.
final class SourceCache: @unchecked Sendable {
    private struct Entry {
        let stamp: FileStamp
        let bytes: UInt64
        let unsafeHTML: Bool
        let result: Result<ParsedSource, Diagnostic>
    }

    private var entries: [String: Entry] = [:]
    /// Files of the current `parseAll` that the cache held: when that is all it held, no file is gone.
    private var held = 0
    private let lock = NSLock()
    /// Files parsed (not taken from the cache) by the last `parseAll`.
    private(set) var parsedCount = 0
    /// A file the last `parseAll` parsed again, with what the cache held for it before (nil: a
    /// new file). Lets a session see that only the bodies of some notes changed.
    struct Change {
        let previous: Result<ParsedSource, Diagnostic>?
        let current: Result<ParsedSource, Diagnostic>
    }
    private(set) var changes: [Change] = []

    /// Like `SourceParser.parseAll`, reusing what did not change. Forgets files that are gone.
    func parseAll(_ files: [SourceFile], options: MarkdownOptions) -> [Result<ParsedSource, Diagnostic>] {
        lock.lock(); held = 0; parsedCount = 0; changes = []; let before = entries.count; lock.unlock()
        let results = ConcurrentResults<Result<ParsedSource, Diagnostic>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, parse(files[index], options: options))
        }
        lock.lock()
        if held != before {
            let paths = Set(files.map(\.path))
            entries = entries.filter { paths.contains($0.key) }
        }
        lock.unlock()
        return results.values
    }

    private func parse(_ file: SourceFile, options: MarkdownOptions) -> Result<ParsedSource, Diagnostic> {
        let path = file.path
        lock.lock()
        let previous = entries[path]
        if previous != nil { held += 1 }
        lock.unlock()
        guard let stamp = FileStamp.of(path) else { return SourceParser.parse(file, options: options) }
        if let previous, previous.stamp == stamp, previous.unsafeHTML == options.unsafeHTML { return previous.result }
        guard let data = SourceText.contents(atPath: path) else { return SourceParser.parse(file, options: options) }
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        let result: Result<ParsedSource, Diagnostic>
        if let previous, previous.bytes == fingerprint.value, previous.unsafeHTML == options.unsafeHTML {
            result = previous.result
        } else if data.count > SourceText.maximumBytes {
            result = SourceParser.parse(file, options: options)   // the same diagnostic a full build gives
        } else {
            result = SourceText.decode(data, displayPath: file.displayPath)
                .flatMap { SourceParser.parse(text: $0, of: file, options: options) }
            lock.lock(); parsedCount += 1; lock.unlock()
        }
        lock.lock()
        entries[path] = Entry(stamp: stamp, bytes: fingerprint.value, unsafeHTML: options.unsafeHTML, result: result)
        if previous?.bytes != fingerprint.value || previous?.unsafeHTML != options.unsafeHTML {
            changes.append(Change(previous: previous?.result, current: result))
        }
        lock.unlock()
        return result
    }

}
