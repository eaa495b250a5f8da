import Messages

/// The opening bracket of a flow collection, for "never closes" errors and continuation checks.
private struct FlowOpener {
    let location: SourceLocation
    let parentIndent: Int
    let closer: String

    var neverCloses: YAMLError {
        YAMLError(Message(.yamlFlowNeverClosed, closer == "]" ? "[" : "{", String(closer)), location: location)
    }
}

extension Parser {
    mutating func parseFlowSequence(parentIndent: Int, depth: Int) throws -> YAMLNode {
        let opener = FlowOpener(location: cursor.location, parentIndent: parentIndent, closer: "]")
        try checkDepth(depth, at: opener.location)
        cursor.advance()
        var items: [YAMLNode] = []
        while true {
            try skipFlowSpace(opener)
            if cursor.current == Byte.closeBracket { break }
            items.append(try parseFlowNode(opener, depth: depth + 1))
            try skipFlowSpace(opener)
            if cursor.current == Byte.closeBracket { break }
            guard cursor.current == Byte.comma else { throw unexpectedInFlow(expecting: "']'") }
            cursor.advance()
        }
        cursor.advance()
        return YAMLNode(value: .sequence(items), location: opener.location)
    }

    mutating func parseFlowMapping(parentIndent: Int, depth: Int) throws -> YAMLNode {
        let opener = FlowOpener(location: cursor.location, parentIndent: parentIndent, closer: "}")
        try checkDepth(depth, at: opener.location)
        cursor.advance()
        var entries: [YAMLEntry] = []
        var seen: [String: SourceLocation] = [:]
        while true {
            try skipFlowSpace(opener)
            if cursor.current == Byte.closeBrace { break }
            let keyLocation = cursor.location
            let key = try scanFlowKey()
            if let first = seen[key] {
                throw YAMLError(Message(.yamlDuplicateKey, key, String(first.line), String(first.column)),
                                location: keyLocation)
            }
            seen[key] = keyLocation
            cursor.skipWhite()
            guard cursor.current == Byte.colon else {
                throw cursor.isAtLineEnd
                    ? cursor.error(Message(.yamlFlowColonSameLine))
                    : cursor.error(Message(.yamlFlowExpectedColon, cursor.currentCharacter))
            }
            cursor.advance()
            let afterColon = cursor.location
            try skipFlowSpace(opener)
            let value: YAMLNode
            if cursor.current == Byte.comma || cursor.current == Byte.closeBrace {
                value = YAMLNode(value: .null, location: afterColon)
            } else {
                value = try parseFlowNode(opener, depth: depth + 1)
            }
            entries.append(YAMLEntry(key: key, keyLocation: keyLocation, value: value))
            try skipFlowSpace(opener)
            if cursor.current == Byte.closeBrace { break }
            guard cursor.current == Byte.comma else { throw unexpectedInFlow(expecting: "'}'") }
            cursor.advance()
        }
        cursor.advance()
        return YAMLNode(value: .mapping(entries), location: opener.location)
    }

    private mutating func scanFlowKey() throws -> String {
        switch cursor.current {
        case Byte.doubleQuote: return try scanDoubleQuoted()
        case Byte.singleQuote: return try scanSingleQuoted()
        case Byte.openBracket, Byte.openBrace: throw cursor.error(Message(.yamlFlowCollectionKey))
        default:
            if let problem = plainStartProblem(inFlow: true) { throw cursor.error(problem) }
            return cursor.text(scanPlain(inFlow: true))
        }
    }

    private mutating func parseFlowNode(_ opener: FlowOpener, depth: Int) throws -> YAMLNode {
        let location = cursor.location
        switch cursor.current {
        case Byte.openBracket:
            return try parseFlowSequence(parentIndent: opener.parentIndent, depth: depth)
        case Byte.openBrace:
            return try parseFlowMapping(parentIndent: opener.parentIndent, depth: depth)
        case Byte.doubleQuote:
            return YAMLNode(value: .string(try scanDoubleQuoted()), location: location)
        case Byte.singleQuote:
            return YAMLNode(value: .string(try scanSingleQuoted()), location: location)
        default:
            if let problem = plainStartProblem(inFlow: true) { throw cursor.error(problem) }
            let range = scanPlain(inFlow: true)
            return YAMLNode(value: try PlainScalar.resolve(cursor.bytes[range], at: location), location: location)
        }
    }

    private func unexpectedInFlow(expecting closer: String) -> YAMLError {
        if cursor.current == Byte.colon {
            return cursor.error(Message(.yamlFlowUnexpectedColon))
        }
        return cursor.error(Message(.yamlFlowExpectedComma, String(closer), cursor.currentCharacter))
    }

    /// Skips white space, comments and line breaks inside `[ ]` / `{ }`. A continuation line must be
    /// indented more than the block the collection sits in; otherwise the bracket was most likely
    /// never closed, and the error points at it. Stops with the cursor on a non-space character.
    private mutating func skipFlowSpace(_ opener: FlowOpener) throws {
        var afterWhite = false
        while true {
            if cursor.skipWhite() > 0 { afterWhite = true }
            if cursor.current == Byte.hash && afterWhite { cursor.skipToLineEnd() }
            if cursor.isAtEnd { throw opener.neverCloses }
            guard cursor.isAtLineEnd else { return }
            cursor.skipLineBreak()
            afterWhite = true
            var firstTab: SourceLocation?
            while let byte = cursor.current, Byte.isWhite(byte) {
                if byte == Byte.tab && firstTab == nil { firstTab = cursor.location }
                cursor.advance()
            }
            if cursor.isAtLineEnd || cursor.current == Byte.hash { continue }
            if let tab = firstTab {
                throw YAMLError(Message(.yamlTabIndent), location: tab)
            }
            if cursor.indent <= opener.parentIndent || cursor.isAtDocumentMarker { throw opener.neverCloses }
        }
    }
}
