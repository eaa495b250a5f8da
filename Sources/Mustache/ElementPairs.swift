/// Matches every opening tag (`#`, `^`, `<`, `$`) with its closing tag, and records which element encloses
/// each token. Mismatches are reported here, before anything else looks at the structure.
struct ElementPairs {
    /// For an opening or closing tag, the index of its counterpart; -1 otherwise.
    private(set) var partner: [Int]
    /// Index of the innermost opening tag whose element contains the token; -1 at top level.
    private(set) var enclosing: [Int]

    init(tokens: [Token], templateName: String, locator: SourceLocator) throws {
        partner = Array(repeating: -1, count: tokens.count)
        enclosing = Array(repeating: -1, count: tokens.count)
        var open: [Int] = []

        func error(_ message: String, at index: Int) -> MustacheError {
            let (line, column) = locator.position(of: tokens[index].start)
            return MustacheError(message: message, template: templateName, line: line, column: column)
        }

        for (index, token) in tokens.enumerated() {
            enclosing[index] = open.last ?? -1
            if token.kind.opensElement {
                open.append(index)
            } else if token.kind == .close {
                guard let opener = open.popLast() else {
                    throw error("closing tag {{/\(token.name)}} has no matching opening tag", at: index)
                }
                let opening = tokens[opener]
                guard opening.name == token.name else {
                    let (line, column) = locator.position(of: opening.start)
                    throw error("closing tag {{/\(token.name)}} does not match "
                        + "\(ElementPairs.spelling(of: opening)) opened at \(line):\(column)", at: index)
                }
                partner[opener] = index
                partner[index] = opener
            }
        }
        if let unclosed = open.last {
            let opening = tokens[unclosed]
            throw error("\(ElementPairs.spelling(of: opening)) is never closed (expected {{/\(opening.name)}})",
                        at: unclosed)
        }
    }

    static func spelling(of token: Token) -> String {
        let sigil: String
        switch token.kind {
        case .sectionOpen: sigil = "#"
        case .invertedOpen: sigil = "^"
        case .parentOpen: sigil = "<"
        case .blockOpen: sigil = "$"
        default: sigil = ""
        }
        return "{{\(sigil)\(token.name)}}"
    }
}
