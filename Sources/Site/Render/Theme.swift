import Foundation
import FrontMatter
import Mustache

/// A theme folder: Mustache templates, UI strings per language, and static files copied as they are.
///
///     themes/<name>/templates/*.mustache
///     themes/<name>/i18n/ja.yml, en.yml
///     themes/<name>/static/**
public struct Theme: Sendable {
    public let directory: URL
    let templates: MustacheLibrary
    let strings: [String: String]
    /// `strings` as template data, built once: every page's frame carries it as `t`.
    let stringValues: MustacheValue
    /// One fingerprint of all of `strings`: what a rebuild compares instead of hashing every string
    /// again for every page.
    let stringsToken: MustacheValue
    let staticFiles: [(relativePath: String, url: URL)]

    static func load(from directory: URL, language: SiteConfig.Language, displayPath: String) throws -> Theme {
        let fm = FileManager.default
        let templateDir = directory.appendingPathComponent("templates")
        guard let names = try? fm.contentsOfDirectory(atPath: templateDir.path) else {
            throw BuildFailure("theme not found: \(displayPath)/templates is missing (use --theme DIR)")
        }
        var sources: [String: String] = [:]
        var diagnostics = DiagnosticList()
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let display = "\(displayPath)/templates/\(name)"
            switch SourceText.read(templateDir.appendingPathComponent(name), displayPath: display) {
            case .success(let text): sources[String(name.dropLast(".mustache".count))] = text
            case .failure(let d): diagnostics.append(d)
            }
        }
        let library: MustacheLibrary
        do {
            library = try MustacheLibrary(templates: sources)
        } catch let list as MustacheErrorList {
            for error in list.errors {
                diagnostics.error("\(displayPath)/templates/\(error.template).mustache", error.line, error.column, error.message)
            }
            throw ContentErrors(diagnostics.sorted)
        }
        // An unknown partial renders as nothing by the spec; in our own theme that is always a mistake.
        for error in library.unresolvedReferences() {
            diagnostics.error("\(displayPath)/templates/\(error.template).mustache", error.line, error.column, error.message)
        }
        if diagnostics.hasErrors { throw ContentErrors(diagnostics.sorted) }

        let stringsPath = "\(displayPath)/i18n/\(language.rawValue).yml"
        let strings = try loadStrings(directory.appendingPathComponent("i18n/\(language.rawValue).yml"), displayPath: stringsPath)
        let values = MustacheValue.object(strings.mapValues { .string($0) })
        var token = Fingerprint()
        token.add(values)
        return Theme(directory: directory, templates: library, strings: strings, stringValues: values,
                     stringsToken: .string("strings:\(token.value)"), staticFiles: listFiles(under: directory.appendingPathComponent("static")))
    }

    private static func loadStrings(_ url: URL, displayPath: String) throws -> [String: String] {
        let text: String
        switch SourceText.read(url, displayPath: displayPath) {
        case .success(let t): text = t
        case .failure(let d): throw ContentErrors([d])
        }
        do {
            let node = try YAML.parse(text)
            var result: [String: String] = [:]
            for entry in node.entries ?? [] { result[entry.key] = entry.value.scalarText ?? "" }
            return result
        } catch let error as YAMLError {
            throw ContentErrors([Diagnostic(path: displayPath, line: error.location.line, column: error.location.column, message: error.message)])
        }
    }

    private static func listFiles(under root: URL) -> [(relativePath: String, url: URL)] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [(String, URL)] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            files.append((String(path.dropFirst(prefix.count)), url))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    func render(_ template: String, _ context: MustacheValue) throws -> String {
        try templates.render(template, context)
    }

    /// The page as the bytes of its file (no String in between).
    func renderData(_ template: String, _ context: MustacheValue) throws -> Data {
        Data(try templates.renderBytes(template, context))
    }

    func string(_ key: String) -> String { strings[key] ?? key }
}
