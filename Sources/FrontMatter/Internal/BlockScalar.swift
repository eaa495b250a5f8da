import Messages

/// One line of a block scalar's content, as a byte range without its indentation.
private enum BlockLine {
    case empty
    case text(Range<Int>, moreIndented: Bool)

    var isText: Bool {
        if case .text = self { return true }
        return false
    }
}

private enum Chomping {
    case strip, clip, keep
}

extension Parser {
    /// `|` (literal) or `>` (folded), with optional chomping (`-`, `+`) and indentation (1-9)
    /// indicators. The text lines follow on the next lines, indented more than `parentIndent`.
    mutating func parseBlockScalar(parentIndent: Int) throws -> YAMLNode {
        let location = cursor.location
        let folded = cursor.current == Byte.greater
        cursor.advance()
        var chomping = Chomping.clip
        var explicitIndent: Int?
        var sawChomping = false
        while let byte = cursor.current {
            if !sawChomping && (byte == Byte.minus || byte == Byte.plus) {
                chomping = byte == Byte.minus ? .strip : .keep
                sawChomping = true
            } else if explicitIndent == nil && Byte.isDigit(byte) {
                guard byte != Byte.zero else {
                    throw cursor.error(Message(.yamlIndicatorRange))
                }
                explicitIndent = Int(byte - Byte.zero)
            } else {
                break
            }
            cursor.advance()
        }
        let skipped = cursor.skipWhite()
        if cursor.current == Byte.hash && skipped > 0 { cursor.skipToLineEnd() }
        guard cursor.isAtLineEnd else {
            throw cursor.error(Message(.yamlAfterBlockIndicator, cursor.currentCharacter, folded ? ">" : "|"))
        }
        cursor.skipLineBreak()
        let lines = readLines(parentIndent: parentIndent, explicitIndent: explicitIndent.map { max(parentIndent, 0) + $0 })
        let text = assemble(lines, folded: folded, chomping: chomping)
        try skipToContent()
        return YAMLNode(value: .string(text), location: location)
    }

    /// Collects the lines that belong to the scalar and leaves the cursor at the start of the first
    /// line that does not (or at the end).
    private mutating func readLines(parentIndent: Int, explicitIndent: Int?) -> [BlockLine] {
        var contentIndent = explicitIndent
        var lines: [BlockLine] = []
        while !cursor.isAtEnd {
            let lineStart = cursor.mark
            var spaces = 0
            while cursor.current == Byte.space {
                cursor.advance()
                spaces += 1
            }
            if cursor.isAtLineEnd {
                if let indent = contentIndent, spaces > indent {
                    lines.append(.text(lineStart.offset + indent..<cursor.offset, moreIndented: true))
                } else {
                    lines.append(.empty)
                }
                cursor.skipLineBreak()
                continue
            }
            if contentIndent == nil && spaces > parentIndent { contentIndent = spaces }
            guard let indent = contentIndent, spaces >= indent, !(spaces == 0 && cursor.isAtDocumentMarker) else {
                cursor.reset(to: lineStart)
                break
            }
            let textStart = lineStart.offset + indent
            let moreIndented = spaces > indent || cursor.current == Byte.tab
            cursor.skipToLineEnd()
            lines.append(.text(textStart..<cursor.offset, moreIndented: moreIndented))
            cursor.skipLineBreak()
        }
        return lines
    }

    private func assemble(_ lines: [BlockLine], folded: Bool, chomping: Chomping) -> String {
        guard let last = lines.lastIndex(where: { $0.isText }) else {
            return chomping == .keep ? String(repeating: "\n", count: lines.count) : ""
        }
        var out: [UInt8] = []
        var emptiesBefore = 0
        var previousWasMoreIndented: Bool?
        for line in lines[...last] {
            guard case .text(let range, let moreIndented) = line else {
                emptiesBefore += 1
                continue
            }
            if let previous = previousWasMoreIndented {
                // Folding joins two ordinary lines with a space; empty lines and more-indented
                // lines keep their line breaks. Literal scalars keep every break.
                let bothOrdinary = folded && !previous && !moreIndented
                if bothOrdinary && emptiesBefore == 0 {
                    out.append(Byte.space)
                } else {
                    let breaks = bothOrdinary ? emptiesBefore : emptiesBefore + 1
                    out.append(contentsOf: repeatElement(Byte.lineFeed, count: breaks))
                }
            } else {
                out.append(contentsOf: repeatElement(Byte.lineFeed, count: emptiesBefore))
            }
            out.append(contentsOf: cursor.bytes[range])
            emptiesBefore = 0
            previousWasMoreIndented = moreIndented
        }
        switch chomping {
        case .strip: break
        case .clip: out.append(Byte.lineFeed)
        case .keep: out.append(contentsOf: repeatElement(Byte.lineFeed, count: lines.count - last))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
