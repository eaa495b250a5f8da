import Messages
import Foundation
import FrontMatter
import Markdown

/// A content file read and parsed: front matter as a YAML tree, body as a Markdown document.
struct ParsedSource: Sendable {
    let file: SourceFile
    let frontMatter: YAMLNode
    let markdown: MarkdownDocument
    let bodyFirstLine: Int
}

enum SourceParser {
    /// Reads and parses one file. Never throws: problems come back as diagnostics so a build can
    /// report every broken file at once.
    static func parse(_ file: SourceFile, options: MarkdownOptions) -> Result<ParsedSource, Diagnostic> {
        switch SourceText.read(path: file.path, displayPath: file.displayPath) {
        case .success(let text): return parse(text: text, of: file, options: options)
        case .failure(let d): return .failure(d)
        }
    }

    /// Parses a file's text already read and checked by `SourceText` (the fuzz tests feed it directly).
    static func parse(text: String, of file: SourceFile, options: MarkdownOptions) -> Result<ParsedSource, Diagnostic> {
        do {
            let split = try FrontMatter.split(text)
            let yaml = try split.yaml.map { try YAML.parse($0, firstLine: split.yamlFirstLine) }
                ?? YAMLNode(value: .mapping([]), location: SourceLocation(line: 1, column: 1))
            let markdown = MarkdownDocument(parsing: split.body, options: options)
            return .success(ParsedSource(file: file, frontMatter: yaml, markdown: markdown, bodyFirstLine: split.bodyFirstLine))
        } catch let error as YAMLError {
            return .failure(Diagnostic(path: file.displayPath, line: error.location.line, column: error.location.column, error.localized))
        } catch {
            return .failure(Diagnostic(path: file.displayPath, line: 1, column: 1, message: "\(error)"))
        }
    }

    /// Parses every file on all cores; results keep the input order.
    static func parseAll(_ files: [SourceFile], options: MarkdownOptions) -> [Result<ParsedSource, Diagnostic>] {
        let results = ConcurrentResults<Result<ParsedSource, Diagnostic>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, parse(files[index], options: options))
        }
        return results.values
    }
}

/// Fixed-size slots that concurrent workers fill by index, each slot written once.
final class ConcurrentResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
