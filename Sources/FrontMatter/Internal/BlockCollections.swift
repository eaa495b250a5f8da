import Messages

/// A mapping key as scanned, before its value.
struct ScannedKey {
    let text: String
    let location: SourceLocation
}

extension Parser {
    /// A node that may be a whole block collection: at the start of a content line, or right after
    /// `- ` (where `- name: x` starts a mapping and `- - x` a nested sequence).
    /// `keyExpected`: the front matter's root, which must be a mapping, so a line that is no key is
    /// more likely a typing slip than a lone value.
    mutating func parseBlockNode(parentIndent: Int, depth: Int, keyExpected: Bool = false) throws -> YAMLNode {
        let indent = cursor.indent
        if isAtSequenceDash {
            return try parseBlockSequence(depth: depth)
        }
        if let key = try scanImplicitKey() {
            return try parseBlockMapping(indent: indent, firstKey: key, depth: depth)
        }
        if keyExpected, let slip = typingSlip() { throw slip }
        return try parseInlineValue(parentIndent: parentIndent, depth: depth)
    }

    /// Reads `key:` (plain or quoted key, then ':' followed by white space or the line end).
    /// When the text is not a key the cursor is restored, so callers can parse it as a value;
    /// that rescan happens at most once per node, which keeps the parser linear.
    mutating func scanImplicitKey() throws -> ScannedKey? {
        let start = cursor.mark
        let location = cursor.location
        let text: String
        switch cursor.current {
        case Byte.doubleQuote:
            text = try scanDoubleQuoted()
        case Byte.singleQuote:
            text = try scanSingleQuoted()
        case Byte.openBracket, Byte.openBrace:
            return nil
        default:
            guard plainStartProblem(inFlow: false) == nil else { return nil }
            text = cursor.text(scanPlain(inFlow: false))
        }
        cursor.skipWhite()
        if cursor.current == Byte.colon && Byte.isWhiteOrBreakOrEnd(cursor.peek(1)) {
            // `　　note: …` or `note：開放特許: …` would otherwise be an unknown field.
            let end = cursor.mark
            cursor.reset(to: start)
            if let slip = typingSlip() { throw slip }
            cursor.reset(to: end)
            cursor.advance()
            return ScannedKey(text: text, location: location)
        }
        cursor.reset(to: start)
        return nil
    }

    mutating func parseBlockMapping(indent: Int, firstKey: ScannedKey, depth: Int) throws -> YAMLNode {
        try checkDepth(depth, at: firstKey.location)
        var entries: [YAMLEntry] = []
        var seen: [String: SourceLocation] = [:]
        var key = firstKey
        while true {
            if let first = seen[key.text] {
                throw YAMLError(Message(.yamlDuplicateKey, key.text, String(first.line), String(first.column)),
                                location: key.location)
            }
            seen[key.text] = key.location
            let value = try parseMappingValue(indent: indent, depth: depth + 1)
            entries.append(YAMLEntry(key: key.text, keyLocation: key.location, value: value))
            guard !cursor.isAtEnd, cursor.indent >= indent else { break }
            if cursor.indent > indent { throw unexpectedIndentation() }
            guard let next = try scanImplicitKey() else {
                if let slip = typingSlip() { throw slip }
                if isAtSequenceDash {
                    throw cursor.error(Message(.yamlSequenceBetweenKeys))
                }
                throw cursor.error(Message(.yamlExpectedKeyValue))
            }
            key = next
        }
        return YAMLNode(value: .mapping(entries), location: firstKey.location)
    }

    /// The value after `key:`; the cursor is just past the colon.
    private mutating func parseMappingValue(indent: Int, depth: Int) throws -> YAMLNode {
        let afterColon = cursor.location
        cursor.skipWhite()
        guard cursor.isAtLineEnd || cursor.current == Byte.hash else {
            return try parseInlineValue(parentIndent: indent, depth: depth)
        }
        cursor.skipToLineEnd()
        cursor.skipLineBreak()
        try skipToContent()
        if !cursor.isAtEnd {
            if cursor.indent > indent {
                return try parseBlockNode(parentIndent: indent, depth: depth)
            }
            // `key:` followed by `- item` at the key's own indentation is a common, valid style.
            if cursor.indent == indent && isAtSequenceDash {
                return try parseBlockSequence(depth: depth)
            }
        }
        return YAMLNode(value: .null, location: afterColon)
    }

    mutating func parseBlockSequence(depth: Int) throws -> YAMLNode {
        let indent = cursor.indent
        let location = cursor.location
        try checkDepth(depth, at: location)
        var items: [YAMLNode] = []
        repeat {
            cursor.advance()
            let afterDash = cursor.location
            cursor.skipWhite()
            if cursor.isAtLineEnd || cursor.current == Byte.hash {
                cursor.skipToLineEnd()
                cursor.skipLineBreak()
                try skipToContent()
                if !cursor.isAtEnd && cursor.indent > indent {
                    items.append(try parseBlockNode(parentIndent: indent, depth: depth + 1))
                } else {
                    items.append(YAMLNode(value: .null, location: afterDash))
                }
            } else {
                items.append(try parseBlockNode(parentIndent: indent, depth: depth + 1))
            }
            guard !cursor.isAtEnd, cursor.indent >= indent else { break }
            if cursor.indent > indent { throw unexpectedIndentation() }
        } while isAtSequenceDash
        return YAMLNode(value: .sequence(items), location: location)
    }

    /// A value that fits on the rest of its line (scalars, flow collections) or a block scalar.
    mutating func parseInlineValue(parentIndent: Int, depth: Int) throws -> YAMLNode {
        let location = cursor.location
        let node: YAMLNode
        switch cursor.current {
        case Byte.pipe, Byte.greater:
            return try parseBlockScalar(parentIndent: parentIndent)
        case Byte.openBracket:
            node = try parseFlowSequence(parentIndent: parentIndent, depth: depth)
        case Byte.openBrace:
            node = try parseFlowMapping(parentIndent: parentIndent, depth: depth)
        case Byte.doubleQuote:
            node = YAMLNode(value: .string(try scanDoubleQuoted()), location: location)
        case Byte.singleQuote:
            node = YAMLNode(value: .string(try scanSingleQuoted()), location: location)
        default:
            if let problem = plainStartProblem(inFlow: false) { throw cursor.error(problem) }
            let range = scanPlain(inFlow: false)
            node = YAMLNode(value: try PlainScalar.resolve(cursor.bytes[range], at: location), location: location)
        }
        try finishLine()
        return node
    }

    func unexpectedIndentation() -> YAMLError {
        cursor.error(Message(.yamlUnexpectedIndentation))
    }
}
