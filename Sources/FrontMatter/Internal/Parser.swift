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
        let root = try parseBlockNode(parentIndent: -1, depth: 1)
        guard cursor.isAtEnd else {
            throw cursor.error("unexpected content at this indentation; it does not belong to anything above")
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
                throw YAMLError(message: "a tab is used for indentation; indent with spaces only", location: tab)
            }
            if cursor.isAtDocumentMarker {
                throw cursor.error("document markers ('---', '...') are not supported: front matter holds exactly one document")
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
            return cursor.error("unexpected ':'; a value that contains ': ' must be quoted")
        case Byte.hash:
            return cursor.error("a comment needs a space before '#'")
        default:
            return cursor.error("unexpected '\(cursor.currentCharacter)' after the value")
        }
    }

    func checkDepth(_ depth: Int, at location: SourceLocation) throws {
        if depth > YAML.maxDepth {
            throw YAMLError(message: "nesting is deeper than \(YAML.maxDepth) levels", location: location)
        }
    }

    /// `-` followed by white space or the line end starts a block sequence item.
    var isAtSequenceDash: Bool {
        cursor.current == Byte.minus && Byte.isWhiteOrBreakOrEnd(cursor.peek(1))
    }

    /// Why the character at the cursor cannot start a plain scalar, or nil when it can.
    /// Quotes and flow openers are handled by the callers before asking.
    func plainStartProblem(inFlow: Bool) -> String? {
        guard let byte = cursor.current else { return "a value is missing" }
        let followedBySpace = Byte.isWhiteOrBreakOrEnd(cursor.peek(1))
            || (inFlow && Byte.isFlowIndicator(cursor.peek(1)))
        switch byte {
        case UInt8(ascii: "&"): return "anchors ('&') are not supported"
        case UInt8(ascii: "*"): return "aliases ('*') are not supported"
        case UInt8(ascii: "!"): return "tags ('!') are not supported"
        case UInt8(ascii: "%"): return "directives ('%') are not supported; quote a value that starts with '%'"
        case UInt8(ascii: "@"), UInt8(ascii: "`"):
            return "'\(cursor.currentCharacter)' is reserved and cannot start a plain value; quote the value"
        case Byte.comma, Byte.closeBracket, Byte.closeBrace, Byte.openBracket, Byte.openBrace:
            return "unexpected '\(cursor.currentCharacter)'; quote the value if it starts with it"
        case Byte.hash: return "a comment needs a space before '#'"
        case Byte.pipe, Byte.greater:
            return "block scalars ('|', '>') cannot appear inside '[ ]' or '{ }'"
        case Byte.minus where followedBySpace:
            return inFlow ? "a block sequence item '-' cannot appear inside '[ ]' or '{ }'"
                : "a sequence cannot start on the line of its key; start it on the next line"
        case Byte.question where followedBySpace: return "complex keys ('?') are not supported"
        case Byte.colon where followedBySpace: return "a key is missing before ':'"
        default: return nil
        }
    }
}
