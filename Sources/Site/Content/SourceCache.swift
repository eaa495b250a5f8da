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
    /// What the session's caller says changed (`expect`), for the next read to take.
    private var hint: Set<String>?
    /// The files of the last scan that found no problem, and their paths: a read told what
    /// changed takes them again when no file came or went.
    var lastScan: (files: [SourceFile], positions: [String: Int])?

    /// The only paths that can have changed since the last read (the `serve` watcher's list),
    /// or nil when that is not known: then every file is looked at.
    func expect(_ changed: [String]?) {
        lock.lock(); hint = changed.map(Set.init); lock.unlock()
    }

    /// What `expect` was told, once.
    func takeHint() -> Set<String>? {
        lock.lock(); defer { hint = nil; lock.unlock() }
        return hint
    }

    /// The results of the last `parseAll`, in its files' order.
    private(set) var lastResults: [Result<ParsedSource, Diagnostic>] = []

    /// The last `parseAll`'s results with the files at `changed` (positions in the same list of
    /// files) looked at again: for a session told what changed, when no file came or went.
    func parse(_ files: [SourceFile], options: MarkdownOptions, changed: [Int]) -> [Result<ParsedSource, Diagnostic>] {
        lock.lock(); parsedCount = 0; changes = []; lock.unlock()
        var results = lastResults
        for index in changed { results[index] = parse(files[index], options: options) }
        lastResults = results
        return results
    }

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
        lastResults = results.values
        return lastResults
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
