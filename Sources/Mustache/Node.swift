/// A compiled template: a tree of nodes built once, walked by every render.
enum Node: Sendable {
    case text([UInt8])
    case variable(VariablePath, escaped: Bool)
    case section(VariablePath, [Node])
    case invertedSection(VariablePath, [Node])
    /// `indent` is the standalone indentation added to every line the partial renders (empty when inline).
    case partial(name: String, indent: [UInt8], site: SourceSite)
    /// `{{>*path}}`: the string found at `path` names the partial; anything else renders nothing.
    case dynamicPartial(VariablePath, indent: [UInt8], site: SourceSite)
    case parent(name: String, indent: [UInt8], arguments: [String: [Node]], site: SourceSite)
    /// A parameter block: its own nodes are the default; `argumentIndent` re-indents an overriding argument.
    case block(name: String, argumentIndent: [UInt8], defaults: [Node], site: SourceSite)
}

/// A tag name split at its dots; no keys means the implicit iterator `.`.
struct VariablePath: Sendable {
    let keys: [String]

    init(_ name: String) {
        keys = name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Where a tag sits in its template, kept for errors raised while rendering.
struct SourceSite: Sendable {
    let line: Int
    let column: Int
}

/// A template compiled under a name (the name errors report and partials resolve by).
struct CompiledTemplate: Sendable {
    let name: String
    let nodes: [Node]
}
