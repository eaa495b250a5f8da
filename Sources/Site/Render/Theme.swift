import Foundation
import FrontMatter
import Messages
import Mustache

/// A theme: Mustache templates, UI strings per language, and static files copied as they are; read
/// from a folder or from the copy built into densho (`ThemeFiles`).
///
///     themes/<name>/templates/*.mustache
///     themes/<name>/i18n/ja.yml, en.yml
///     themes/<name>/static/**
struct Theme: Sendable {
    let files: ThemeFiles
    /// How messages name the theme's folder (`themes/default`, or the `--theme DIR` given).
    let displayPath: String
    let templates: MustacheLibrary
    let strings: [String: String]
    /// `strings` as template data, built once: every page's frame carries it as `t`.
    let stringValues: MustacheValue
    /// One fingerprint of all of `strings`: what a rebuild compares instead of hashing every string
    /// again for every page.
    let stringsToken: MustacheValue
    /// Paths inside `static/`, copied to the site's `static/` as they are.
    let staticFiles: [String]
    /// Navigation lists already made for this theme's strings (see `PageContext.frame`).
    let navigation = NavigationCache()

    static func load(from files: ThemeFiles, language: SiteConfig.Language, displayPath: String) throws -> Theme {
        guard files.hasTemplates else {
            throw BuildFailure(Message(.themeNotFound, displayPath))
        }
        var sources: [String: String] = [:]
        var diagnostics = DiagnosticList()
        for path in files.paths(under: "templates") where path.hasSuffix(".mustache") && !path.dropFirst("templates/".count).contains("/") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            switch read(path, of: files, displayPath: "\(displayPath)/\(path)") {
            case .success(let text): sources[name] = text
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
        let strings = try loadStrings(read("i18n/\(language.rawValue).yml", of: files, displayPath: stringsPath), displayPath: stringsPath)
        let values = MustacheValue.object(strings.mapValues { .string($0) })
        var token = Fingerprint()
        token.add(values)
        return Theme(files: files, displayPath: displayPath, templates: library, strings: strings, stringValues: values,
                     stringsToken: .string("strings:\(token.value)"),
                     staticFiles: files.paths(under: "static").map { String($0.dropFirst("static/".count)) })
    }

    /// A text file of the theme: from disk with `SourceText`'s located errors, or built in (whose
    /// bytes were checked when densho was built from themes/default).
    private static func read(_ path: String, of files: ThemeFiles, displayPath: String) -> Result<String, Diagnostic> {
        if let url = files.url(of: path) { return SourceText.read(url, displayPath: displayPath) }
        guard let data = try? files.data(of: path) else {
            return .failure(Diagnostic(path: displayPath, line: 1, column: 1, message: "missing from the built-in theme"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    private static func loadStrings(_ read: Result<String, Diagnostic>, displayPath: String) throws -> [String: String] {
        let text: String
        switch read {
        case .success(let t): text = t
        case .failure(let d): throw ContentErrors([d])
        }
        do {
            let node = try YAML.parse(text)
            var result: [String: String] = [:]
            for entry in node.entries ?? [] { result[entry.key] = entry.value.scalarText ?? "" }
            return result
        } catch let error as YAMLError {
            throw ContentErrors([Diagnostic(path: displayPath, line: error.location.line, column: error.location.column, error.localized)])
        }
    }

    /// The bytes of `static/<relativePath>`.
    func staticData(_ relativePath: String) throws -> Data {
        try files.data(of: "static/\(relativePath)")
    }

    func render(_ template: String, _ context: MustacheValue) throws -> String {
        try templates.render(template, context)
    }

    /// The page as the bytes of its file (no String in between).
    func renderData(_ template: String, _ context: MustacheValue) throws -> Data {
        Data(try templates.renderBytes(template, context))
    }

    func string(_ key: String) -> String { strings[key] ?? key }

    /// Every template the pages need is in the theme; otherwise an error per missing template, at
    /// the file it should be, naming one page it draws: before any page is rendered, not halfway.
    func requireTemplates(of pages: [RoutePage]) throws {
        var missing: [String: String] = [:]   // template → a page it draws
        for page in pages {
            if case .template(let name, _) = page.output, !templates.contains(name), missing[name] == nil { missing[name] = page.path }
        }
        guard !missing.isEmpty else { return }
        var diagnostics = DiagnosticList()
        for (name, page) in missing.sorted(by: { $0.key < $1.key }) {
            diagnostics.error("\(displayPath)/templates/\(name).mustache", 1, 1, Message(.themeTemplateMissing, page))
        }
        throw ContentErrors(diagnostics.sorted)
    }
}
