/// One render: walks compiled nodes, appending UTF-8 to a single buffer.
///
/// Indentation of standalone partials, parents and re-indented block arguments is applied to the *output*:
/// whenever template text has just ended a line, the next thing written (template text or a value) is
/// preceded by the current indentation. Line breaks inside interpolated values never trigger it, which is
/// what the spec asks ("Standalone Indentation"), and blank lines are not given trailing blanks.
struct RenderSession {
    static let maximumDepth = 100

    private let partials: [String: CompiledTemplate]
    private(set) var output: [UInt8] = []
    private var indent: [UInt8] = []
    private var atLineStart = true
    private var stack: [MustacheValue]
    /// Block arguments in force. The outermost caller's argument wins, so a page overrides its layout's layout.
    private var overrides: [String: BlockArgument] = [:]
    private var depth = 0

    private struct BlockArgument {
        let nodes: [Node]
        let template: String
    }

    init(context: MustacheValue, partials: [String: CompiledTemplate]) {
        self.partials = partials
        stack = [context]
        output.reserveCapacity(4096)
    }

    mutating func render(_ nodes: [Node], template: String) throws {
        for node in nodes {
            switch node {
            case .text(let bytes):
                appendText(bytes)
            case .variable(let path, let escaped):
                if let value = resolve(path) { appendValue(value, escaped: escaped) }
            case .section(let path, let children):
                guard let value = resolve(path), value.isTruthy else { continue }
                if case .array(let items) = value {
                    for item in items {
                        stack.append(item)
                        try render(children, template: template)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    try render(children, template: template)
                    stack.removeLast()
                }
            case .invertedSection(let path, let children):
                if !(resolve(path)?.isTruthy ?? false) { try render(children, template: template) }
            case .partial(let name, let extraIndent, let site):
                guard let partial = partials[name] else { continue }
                try expand(partial.nodes, from: partial.name, indentedBy: extraIndent, at: site, in: template)
            case .dynamicPartial(let path, let extraIndent, let site):
                guard case .string(let name)? = resolve(path), let partial = partials[name] else { continue }
                try expand(partial.nodes, from: partial.name, indentedBy: extraIndent, at: site, in: template)
            case .parent(let name, let extraIndent, let arguments, let site):
                guard let parent = partials[name] else { continue }
                let saved = overrides
                for (blockName, nodes) in arguments where overrides[blockName] == nil {
                    overrides[blockName] = BlockArgument(nodes: nodes, template: template)
                }
                defer { overrides = saved }
                try expand(parent.nodes, from: parent.name, indentedBy: extraIndent, at: site, in: template)
            case .block(let name, let argumentIndent, let defaults, let site):
                if let argument = overrides[name] {
                    try expand(argument.nodes, from: argument.template, indentedBy: argumentIndent, at: site,
                               in: template)
                } else {
                    try render(defaults, template: template)
                }
            }
        }
    }

    /// Renders another template's nodes in place, one level deeper, with extra indentation.
    private mutating func expand(_ nodes: [Node], from source: String, indentedBy extraIndent: [UInt8],
                                 at site: SourceSite, in template: String) throws {
        guard depth < RenderSession.maximumDepth else {
            throw MustacheError(
                message: "partials nested more than \(RenderSession.maximumDepth) levels deep (endless recursion?)",
                template: template, line: site.line, column: site.column)
        }
        depth += 1
        let savedIndent = indent
        indent.append(contentsOf: extraIndent)
        defer {
            indent = savedIndent
            depth -= 1
        }
        try render(nodes, template: source)
    }

    // MARK: Name resolution

    /// Spec name resolution: the first key is looked up through the context stack, top down; the remaining
    /// keys only inside what it found (no fallback), so `{{a.b}}` never reads an outer `b`.
    private func resolve(_ path: VariablePath) -> MustacheValue? {
        guard let first = path.keys.first else { return stack.last }
        var found: MustacheValue?
        var level = stack.count - 1
        while level >= 0 {
            if case .object(let members) = stack[level], let value = members[first] {
                found = value
                break
            }
            level -= 1
        }
        guard var value = found else { return nil }
        for key in path.keys.dropFirst() {
            guard let member = value[key] else { return nil }
            value = member
        }
        return value
    }

    // MARK: Output

    private mutating func appendText(_ bytes: [UInt8]) {
        guard let last = bytes.last else { return }
        if indent.isEmpty {
            output.append(contentsOf: bytes)
            atLineStart = last == ASCII.lineFeed
            return
        }
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != ASCII.lineFeed { lineEnd += 1 }
            if lineEnd < bytes.count { lineEnd += 1 }
            if atLineStart, !isLineEnding(bytes[lineStart..<lineEnd]) { output.append(contentsOf: indent) }
            output.append(contentsOf: bytes[lineStart..<lineEnd])
            atLineStart = bytes[lineEnd - 1] == ASCII.lineFeed
            lineStart = lineEnd
        }
    }

    private func isLineEnding(_ line: ArraySlice<UInt8>) -> Bool {
        line.count == 1 && line.first == ASCII.lineFeed
            || line.count == 2 && line.first == ASCII.carriageReturn && line.last == ASCII.lineFeed
    }

    private mutating func appendValue(_ value: MustacheValue, escaped: Bool) {
        let text: String
        switch value {
        case .null: return
        case .string(let string): text = string
        default: text = value.renderedText
        }
        guard !text.isEmpty else { return }
        if atLineStart, !indent.isEmpty { output.append(contentsOf: indent) }
        atLineStart = false
        if escaped {
            HTMLEscaper.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }
}
