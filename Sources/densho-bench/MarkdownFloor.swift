import CCmark
import Foundation

/// The floor: cmark alone turning every note's Markdown body into HTML (files read, front matter
/// skipped, on all cores, nothing written). No site generator can be faster than this.
enum MarkdownFloor {
    static func measure(content: URL) throws -> (notes: Int, seconds: Double) {
        let files = markdownFiles(under: content)
        let start = Date()
        let total = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            guard let data = FileManager.default.contents(atPath: files[i]) else { return }
            let body = stripFrontMatter(data)
            let bytes = body.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                      let html = cmark_markdown_to_html(base, raw.count, CMARK_OPT_DEFAULT) else { return 0 }
                defer { free(html) }
                return strlen(html)
            }
            total.add(bytes)
        }
        return (files.count, Date().timeIntervalSince(start))
    }

    static func markdownFiles(under root: URL) -> [String] {
        var result: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".md") { result.append(root.appendingPathComponent(path).path) }
        }
        return result.sorted()
    }

    /// The part after the closing `---` line, or all of it.
    static func stripFrontMatter(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        guard bytes.starts(with: Array("---\n".utf8)) else { return data }
        var i = 4
        while i < bytes.count {
            var end = i
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end - i == 3 && bytes[i] == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D {
                return Data(bytes[min(end + 1, bytes.count)...])
            }
            i = end + 1
        }
        return data
    }
}

final class ConcurrentCounter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var value = 0
    func add(_ n: Int) { lock.lock(); value += n; lock.unlock() }
}
