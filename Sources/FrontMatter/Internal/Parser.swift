import Messages

/// A single-pass, recursive-descent parser over the input bytes.
///
/// Invariant between block nodes: the cursor rests on the first non-space character of the next
/// content line (blank and comment-only lines already skipped) or at the end of the input, so a
/// collection decides whether a line belongs to it by comparing `cursor.indent` with its own.
/// Recursion follows collection nesting only, and `YAML.maxDepth` bounds it.
struct Parser {
    var cursor: Cursor

    init(text: String, firstLine: Int) {
        cursor = Cursor(text: text, firstLine: firstLine)
    }

    mutating func parseDocument() throws -> YAMLNode {
        let start = cursor.location
        try skipToContent()
        if cursor.isAtEnd {
            return YAMLNode(value: .mapping([]), location: start)
        }
        let root = try parseBlockNode(parentIndent: -1, depth: 1, keyExpected: true)
        guard cursor.isAtEnd else {
            throw cursor.error(Message(.yamlUnexpectedContent))
        }
        return root
    }

    /// Skips blank and comment-only lines. Expects the cursor at the start of a line.
    mutating func skipToContent() throws {
        while !cursor.isAtEnd {
            var firstTab: SourceLocation?
            while let byte = cursor.current, Byte.isWhite(byte) {
                if byte == Byte.tab && firstTab == nil { firstTab = cursor.location }
                cursor.advance()
            }
            if cursor.isAtLineEnd {
                cursor.skipLineBreak()
                continue
            }
            if cursor.current == Byte.hash {
                cursor.skipToLineEnd()
                cursor.skipLineBreak()
                continue
            }
            if let tab = firstTab {
                throw YAMLError(Message(.yamlTabIndent), location: tab)
            }
            if cursor.isAtDocumentMarker {
                throw cursor.error(Message(.yamlDocumentMarker))
            }
            return
        }
    }

    /// After a value that ends its line: allows trailing spaces and a comment, then moves to the
    /// next content line.
    mutating func finishLine() throws {
        let skipped = cursor.skipWhite()
        if cursor.current == Byte.hash && skipped > 0 {
            cursor.skipToLineEnd()
        }
        guard cursor.isAtLineEnd else { throw unexpectedAfterValue() }
        cursor.skipLineBreak()
        try skipToContent()
    }

    func unexpectedAfterValue() -> YAMLError {
        switch cursor.current {
        case Byte.colon:
            return cursor.error(Message(.yamlUnquotedColon))
        case Byte.hash:
            return cursor.error(Message(.yamlCommentSpace))
        default:
            return cursor.error(Message(.yamlUnexpectedAfterValue, cursor.currentCharacter))
        }
    }

    func checkDepth(_ depth: Int, at location: SourceLocation) throws {
        if depth > YAML.maxDepth {
            throw YAMLError(Message(.yamlTooDeep, String(YAML.maxDepth)), location: location)
        }
    }

    /// `-` followed by white space or the line end starts a block sequence item.
    var isAtSequenceDash: Bool {
        cursor.current == Byte.minus && Byte.isWhiteOrBreakOrEnd(cursor.peek(1))
    }

    /// Why the character at the cursor cannot start a plain scalar, or nil when it can.
    /// Quotes and flow openers are handled by the callers before asking.
    func plainStartProblem(inFlow: Bool) -> Message? {
        guard let byte = cursor.current else { return Message(.yamlMissingValue) }
        let followedBySpace = Byte.isWhiteOrBreakOrEnd(cursor.peek(1))
            || (inFlow && Byte.isFlowIndicator(cursor.peek(1)))
        switch byte {
        case UInt8(ascii: "&"): return Message(.yamlAnchor)
        case UInt8(ascii: "*"): return Message(.yamlAlias)
        case UInt8(ascii: "!"): return Message(.yamlTag)
        case UInt8(ascii: "%"): return Message(.yamlDirective)
        case UInt8(ascii: "@"), UInt8(ascii: "`"): return Message(.yamlReserved, cursor.currentCharacter)
        case Byte.comma, Byte.closeBracket, Byte.closeBrace, Byte.openBracket, Byte.openBrace:
            return Message(.yamlFlowIndicatorStart, cursor.currentCharacter)
        case Byte.hash: return Message(.yamlCommentSpace)
        case Byte.pipe, Byte.greater: return Message(.yamlBlockScalarInFlow)
        case Byte.minus where followedBySpace:
            return Message(inFlow ? .yamlBlockDashInFlow : .yamlSequenceOnKeyLine)
        case Byte.question where followedBySpace: return Message(.yamlComplexKey)
        case Byte.colon where followedBySpace: return Message(.yamlMissingKey)
        default: return nil
        }
    }
}
