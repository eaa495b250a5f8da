/// A named set of templates that see each other as partials (`{{>name}}`) and parents (`{{<name}}`):
/// a theme. Everything is compiled up front, so a broken template fails the build before any page renders.
public final class MustacheLibrary: Sendable {
    private let templates: [String: CompiledTemplate]

    /// Compiles every template. If any fail, throws a `MustacheErrorList` holding the first error of *each*
    /// failing template (sorted by name), so one build run shows every broken template at once.
    public init(templates sources: [String: String]) throws {
        var compiled: [String: CompiledTemplate] = [:]
        var errors: [MustacheError] = []
        for name in sources.keys.sorted() {
            guard let source = sources[name] else { continue }
            do {
                compiled[name] = try TemplateCompiler.compile(source, name: name)
            } catch let error as MustacheError {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw MustacheErrorList(errors: errors) }
        templates = compiled
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Partial and parent tags naming a template that is not in the library, one error per tag, grouped
    /// by template (names sorted). The spec renders such tags as nothing, so a misspelt name would otherwise fail silently;
    /// `densho check` can report these. Dynamic names (`{{>*x}}`) depend on data and are not checked.
    public func unresolvedReferences() -> [MustacheError] {
        var found: [MustacheError] = []
        for name in templates.keys.sorted() {
            guard let template = templates[name] else { continue }
            collectUnresolved(in: template.nodes, template: name, into: &found)
        }
        return found
    }

    private func collectUnresolved(in nodes: [Node], template: String, into found: inout [MustacheError]) {
        for node in nodes {
            switch node {
            case .partial(let name, _, let site), .parent(let name, _, _, let site):
                if templates[name] == nil {
                    found.append(MustacheError(message: "no template named '\(name)' for this partial or parent",
                                               template: template, line: site.line, column: site.column))
                }
                if case .parent(_, _, let arguments, _) = node {
                    for key in arguments.keys.sorted() {
                        collectUnresolved(in: arguments[key] ?? [], template: template, into: &found)
                    }
                }
            case .section(_, let children), .invertedSection(_, let children), .block(_, _, let children, _):
                collectUnresolved(in: children, template: template, into: &found)
            case .text, .variable, .dynamicPartial:
                continue
            }
        }
    }

    /// Renders the template called `name`. An unknown name throws a `MustacheError` at line 0, column 0.
    public func render(_ name: String, _ context: MustacheValue) throws -> String {
        guard let template = templates[name] else {
            throw MustacheError(message: "no template named '\(name)'", template: name, line: 0, column: 0)
        }
        return try MustacheRenderer.render(template, context: context, partials: templates)
    }

    /// Renders the template called `name` as UTF-8 bytes: for writing a page to a file, without
    /// making (and validating) a String first. The same bytes as `render(_:_:)`'s `utf8`.
    public func renderBytes(_ name: String, _ context: MustacheValue) throws -> [UInt8] {
        guard let template = templates[name] else {
            throw MustacheError(message: "no template named '\(name)'", template: name, line: 0, column: 0)
        }
        return try MustacheRenderer.renderBytes(template, context: context, partials: templates)
    }

    /// Renders a template that is not part of the library, with the library's templates as its partials.
    public func render(_ template: MustacheTemplate, _ context: MustacheValue) throws -> String {
        try MustacheRenderer.render(template.compiled, context: context, partials: templates)
    }
}

/// One-shot rendering, as the spec tests use it. Prefer `MustacheLibrary` when rendering many pages.
public enum Mustache {
    /// Throws `MustacheErrorList` if a partial does not compile, `MustacheError` if the template does not.
    public static func render(_ template: String, _ data: MustacheValue,
                              partials: [String: String] = [:]) throws -> String {
        let library = try MustacheLibrary(templates: partials)
        return try library.render(try MustacheTemplate(template), data)
    }

    /// The HTML escaping `{{name}}` applies: & < > " ' become entities.
    public static func escapeHTML(_ text: String) -> String { HTMLEscaper.escape(text) }
}
