/// A template problem with the place it happened: `template:line:column: error: message`.
/// Lines and columns are 1-based; columns count characters (grapheme clusters), so a Japanese line
/// reports the column a person sees in an editor.
public struct MustacheError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let template: String
    public let line: Int
    public let column: Int

    public init(message: String, template: String, line: Int, column: Int) {
        self.message = message
        self.template = template
        self.line = line
        self.column = column
    }

    public var description: String { "\(template):\(line):\(column): error: \(message)" }
}

/// Every syntax error found while compiling a set of templates (at most one per template: parsing stops at a
/// template's first error, because what follows a broken tag cannot be trusted). Sorted by template name.
public struct MustacheErrorList: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [MustacheError]

    public init(errors: [MustacheError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
