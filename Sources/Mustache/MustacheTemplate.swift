/// One template, compiled once and rendered any number of times, from any number of threads.
/// On its own it has no partials (`{{>x}}` renders nothing); render it through a `MustacheLibrary` for those.
public final class MustacheTemplate: Sendable {
    public let name: String
    let compiled: CompiledTemplate

    /// Compiles `source`; a syntax error throws a `MustacheError` located in `name` (or `<template>` if unnamed).
    public init(_ source: String, name: String = "") throws {
        self.name = name
        compiled = try TemplateCompiler.compile(source, name: name.isEmpty ? "<template>" : name)
    }

    public func render(_ context: MustacheValue) throws -> String {
        try MustacheRenderer.render(compiled, context: context, partials: [:])
    }
}

enum MustacheRenderer {
    static func render(_ template: CompiledTemplate, context: MustacheValue,
                       partials: [String: CompiledTemplate]) throws -> String {
        String(decoding: try renderBytes(template, context: context, partials: partials), as: UTF8.self)
    }

    /// Always valid UTF-8: the output is made of template text and String values, whole.
    static func renderBytes(_ template: CompiledTemplate, context: MustacheValue,
                            partials: [String: CompiledTemplate]) throws -> [UInt8] {
        var session = RenderSession(context: context, partials: partials)
        try session.render(template.nodes, template: template.name)
        return session.output
    }
}
