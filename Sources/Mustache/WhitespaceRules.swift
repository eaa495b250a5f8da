/// The spec's whitespace rules, applied to the token list before the node tree is built.
///
/// - A non-interpolation tag alone on its line (but for blanks) is *standalone*: the line's blanks and line
///   ending disappear. A standalone partial or parent indents what it expands by those blanks.
/// - A parent element whose opening tag starts its line and whose closing tag ends its line is standalone as a
///   pair, even with both tags on one line (`  {{<layout}}{{/layout}}`).
/// - An argument block (a block directly inside a parent) whose opening tag ends its line starts on the next
///   line, and that line's indentation (its *intrinsic* indentation) is removed from every line of the block.
///   Blanks before its closing tag are not content.
/// - A parameter block (any other block) that is standalone re-indents the argument replacing it: by its
///   intrinsic indentation when its opening tag is alone on its line, otherwise by the blanks before the tag.
/// See the "whitespace" notes of the Mustache spec repository; the conformance tests pin down the details.
struct WhitespaceRules {
    private var tokens: [Token]
    private let bytes: [UInt8]
    private let pairs: ElementPairs
    /// `rowStarts[r] ..< rowStarts[r + 1]` are the token indices on row r.
    private let rowStarts: [Int]
    private var standaloneTag: [Bool]

    static func apply(to tokens: [Token], bytes: [UInt8], pairs: ElementPairs) -> [Token] {
        var rules = WhitespaceRules(tokens: tokens, bytes: bytes, pairs: pairs)
        rules.removeIntrinsicIndentationOfArguments()
        rules.dropStandaloneLines()
        rules.applyElementRules()
        return rules.tokens
    }

    private init(tokens: [Token], bytes: [UInt8], pairs: ElementPairs) {
        self.tokens = tokens
        self.bytes = bytes
        self.pairs = pairs
        let rowCount = (tokens.last?.row ?? -1) + 1
        var starts = Array(repeating: tokens.count, count: rowCount + 1)
        for index in tokens.indices.reversed() { starts[tokens[index].row] = index }
        // Rows are never empty except a trailing one; keep starts monotone just in case.
        for row in stride(from: rowCount - 1, through: 0, by: -1) where starts[row] > starts[row + 1] {
            starts[row] = starts[row + 1]
        }
        rowStarts = starts
        standaloneTag = Array(repeating: false, count: tokens.count)
    }

    private func rowRange(_ row: Int) -> Range<Int> {
        guard row >= 0, row + 1 < rowStarts.count else { return tokens.count..<tokens.count }
        return rowStarts[row]..<rowStarts[row + 1]
    }

    // MARK: Passes

    private mutating func removeIntrinsicIndentationOfArguments() {
        // In token order, so an outer argument is re-indented before the inner ones measure their own lines.
        for index in tokens.indices where isArgumentBlock(index) && clearsRight(index) {
            let intrinsic = leadingBlanks(ofRow: tokens[index].row + 1)
            guard !intrinsic.isEmpty else { continue }
            let closing = pairs.partner[index]
            for row in (tokens[index].row + 1)...tokens[closing].row {
                let range = rowRange(row)
                guard let first = range.first, tokens[first].isText, hasPrefix(tokens[first], intrinsic) else { continue }
                tokens[first].start += intrinsic.count
            }
        }
    }

    private mutating func dropStandaloneLines() {
        for row in 0..<(rowStarts.count - 1) {
            let range = rowRange(row)
            var tagIndex: Int?
            var qualifies = true
            for index in range {
                if tokens[index].isText {
                    if !isBlank(tokens[index]) { qualifies = false; break }
                } else if tagIndex != nil {
                    qualifies = false
                    break
                } else {
                    tagIndex = index
                }
            }
            guard qualifies, let tag = tagIndex, tokens[tag].kind.canStandAlone else { continue }
            let indentation = blanks(before: tag)
            for index in range where tokens[index].isText { tokens[index].dropped = true }
            standaloneTag[tag] = true
            switch tokens[tag].kind {
            case .partial, .dynamicPartial, .parentOpen: tokens[tag].indent = indentation
            default: break
            }
        }
    }

    private mutating func applyElementRules() {
        for index in tokens.indices {
            switch tokens[index].kind {
            case .parentOpen:
                let closing = pairs.partner[index]
                guard clearsLeft(index), clearsRight(closing) else { continue }
                tokens[index].indent = blanks(before: index)
                dropText(before: index)
                dropText(after: closing)
            case .blockOpen where isArgumentBlock(index):
                let closing = pairs.partner[index]
                if clearsRight(index) { dropText(after: index) }
                if clearsLeft(closing) { dropText(before: closing) }
            case .blockOpen:
                let closing = pairs.partner[index]
                if standaloneTag[index] {
                    tokens[index].indent = leadingBlanks(ofRow: tokens[index].row + 1)
                } else if clearsLeft(index), clearsRight(closing) {
                    tokens[index].indent = blanks(before: index)
                }
            default:
                continue
            }
        }
    }

    // MARK: Helpers

    private func isArgumentBlock(_ index: Int) -> Bool {
        guard tokens[index].kind == .blockOpen else { return false }
        let container = pairs.enclosing[index]
        return container >= 0 && tokens[container].kind == .parentOpen
    }

    /// Only blanks (and this row's line ending) between the start of the row and the tag.
    private func clearsLeft(_ index: Int) -> Bool {
        let range = rowRange(tokens[index].row)
        return tokens[range.lowerBound..<index].allSatisfy { $0.isText && isBlank($0) }
    }

    /// Only blanks and the line ending (or the end of the template) after the tag on its row.
    private func clearsRight(_ index: Int) -> Bool {
        let range = rowRange(tokens[index].row)
        return tokens[(index + 1)..<range.upperBound].allSatisfy { $0.isText && isBlank($0) }
    }

    private mutating func dropText(before index: Int) {
        for other in rowRange(tokens[index].row) where other < index && tokens[other].isText {
            tokens[other].dropped = true
        }
    }

    private mutating func dropText(after index: Int) {
        for other in rowRange(tokens[index].row) where other > index && tokens[other].isText {
            tokens[other].dropped = true
        }
    }

    private func blanks(before index: Int) -> [UInt8] {
        var result: [UInt8] = []
        for other in rowRange(tokens[index].row) where other < index && tokens[other].isText {
            result.append(contentsOf: bytes[tokens[other].start..<tokens[other].end])
        }
        return result
    }

    private func leadingBlanks(ofRow row: Int) -> [UInt8] {
        let range = rowRange(row)
        guard let first = range.first, tokens[first].isText else { return [] }
        var end = tokens[first].start
        while end < tokens[first].end, ASCII.isBlank(bytes[end]) { end += 1 }
        return Array(bytes[tokens[first].start..<end])
    }

    /// Blanks only, optionally ending with the line ending ("\n" or "\r\n").
    private func isBlank(_ token: Token) -> Bool {
        var end = token.end
        if end > token.start, bytes[end - 1] == ASCII.lineFeed {
            end -= 1
            if end > token.start, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        }
        return bytes[token.start..<end].allSatisfy(ASCII.isBlank)
    }

    private func hasPrefix(_ token: Token, _ prefix: [UInt8]) -> Bool {
        guard token.end - token.start >= prefix.count else { return false }
        return bytes[token.start..<(token.start + prefix.count)].elementsEqual(prefix)
    }
}
