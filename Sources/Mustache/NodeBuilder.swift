/// Builds the node tree from tokens whose pairs are matched and whose whitespace rules are applied.
struct NodeBuilder {
    let tokens: [Token]
    let bytes: [UInt8]
    let pairs: ElementPairs
    let locator: SourceLocator

    func build() -> [Node] { nodes(in: 0..<tokens.count) }

    private func nodes(in range: Range<Int>) -> [Node] {
        var result: [Node] = []
        var pendingText: [UInt8] = []
        func flushText() {
            if !pendingText.isEmpty {
                result.append(.text(pendingText))
                pendingText = []
            }
        }

        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            var next = index + 1
            switch token.kind {
            case .text:
                if !token.dropped { pendingText.append(contentsOf: bytes[token.start..<token.end]) }
            case .comment, .delimiters, .close:
                break
            case .variable(let escaped):
                flushText()
                result.append(.variable(VariablePath(token.name), escaped: escaped))
            case .sectionOpen, .invertedOpen:
                flushText()
                let closing = pairs.partner[index]
                let children = nodes(in: (index + 1)..<closing)
                let path = VariablePath(token.name)
                result.append(token.kind == .sectionOpen ? .section(path, children) : .invertedSection(path, children))
                next = closing + 1
            case .partial:
                flushText()
                result.append(.partial(name: token.name, indent: token.indent, site: site(of: token)))
            case .dynamicPartial:
                flushText()
                result.append(.dynamicPartial(VariablePath(token.name), indent: token.indent, site: site(of: token)))
            case .parentOpen:
                flushText()
                let closing = pairs.partner[index]
                result.append(.parent(name: token.name, indent: token.indent,
                                      arguments: arguments(in: (index + 1)..<closing), site: site(of: token)))
                next = closing + 1
            case .blockOpen:
                flushText()
                let closing = pairs.partner[index]
                result.append(.block(name: token.name, argumentIndent: token.indent,
                                     defaults: nodes(in: (index + 1)..<closing), site: site(of: token)))
                next = closing + 1
            }
            index = next
        }
        flushText()
        return result
    }

    /// The blocks directly inside a parent tag; everything else there is ignored, as the spec says.
    private func arguments(in range: Range<Int>) -> [String: [Node]] {
        var result: [String: [Node]] = [:]
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if token.kind.opensElement {
                let closing = pairs.partner[index]
                if token.kind == .blockOpen { result[token.name] = nodes(in: (index + 1)..<closing) }
                index = closing + 1
            } else {
                index += 1
            }
        }
        return result
    }

    private func site(of token: Token) -> SourceSite {
        let (line, column) = locator.position(of: token.start)
        return SourceSite(line: line, column: column)
    }
}

enum TemplateCompiler {
    static func compile(_ source: String, name: String) throws -> CompiledTemplate {
        let bytes = Array(source.utf8)
        let locator = SourceLocator(bytes: bytes)
        var scanner = TemplateScanner(bytes: bytes, templateName: name, locator: locator)
        let scanned = try scanner.scan()
        let pairs = try ElementPairs(tokens: scanned, templateName: name, locator: locator)
        let tokens = WhitespaceRules.apply(to: scanned, bytes: bytes, pairs: pairs)
        let nodes = NodeBuilder(tokens: tokens, bytes: bytes, pairs: pairs, locator: locator).build()
        return CompiledTemplate(name: name, nodes: nodes)
    }
}
