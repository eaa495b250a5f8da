import Foundation
import Markdown

/// Resolves every `[[wiki link]]` and records the reverse edges, so each page can show who links to it.
public struct LinkGraph: Sendable {
    public struct Target: Sendable, Hashable {
        public let page: PageID
        public let fragment: String?
    }

    /// For each page, the target of each of its wiki links in document order (nil: unresolved).
    public internal(set) var targets: [PageID: [Target?]] = [:]
    /// For each page, the pages that link to it, sorted and without duplicates.
    public internal(set) var backlinks: [PageID: [PageID]] = [:]

    static func resolve(_ model: SiteModel, into diagnostics: inout DiagnosticList) -> LinkGraph {
        let pages = model.allPages
        let resolver = LinkResolver(pages: pages)
        var graph = LinkGraph()
        var reverse: [PageID: Set<PageID>] = [:]
        for page in pages {
            var pageTargets: [Target?] = []
            for link in page.markdown.wikiLinks {
                switch resolver.resolve(link.target) {
                case .success(let target):
                    pageTargets.append(target)
                    if target.page != page.id { reverse[target.page, default: []].insert(page.id) }
                case .failure(let problem):
                    pageTargets.append(nil)
                    diagnostics.error(page.displayPath, page.bodyFirstLine + link.line - 1, link.column, problem.message)
                }
            }
            graph.targets[page.id] = pageTargets
        }
        graph.backlinks = reverse.mapValues { $0.sorted() }
        return graph
    }
}

struct LinkProblem: Error { let message: String }

/// Finds the page a link names: `section/slug`, a bare slug, or a page title, in that order.
struct LinkResolver {
    private var bySlug: [String: [PageID]] = [:]
    private var byTitle: [String: [PageID]] = [:]
    private var ids: Set<PageID> = []

    init(pages: [PageInfo]) {
        for page in pages {
            bySlug[page.slug, default: []].append(page.id)
            byTitle[page.title, default: []].append(page.id)
            ids.insert(page.id)
        }
    }

    func resolve(_ raw: String) -> Result<LinkGraph.Target, LinkProblem> {
        var name = raw.trimmingCharacters(in: .whitespaces)
        var fragment: String? = nil
        if let hash = name.firstIndex(of: "#") {
            fragment = String(name[name.index(after: hash)...])
            name = String(name[..<hash])
        }
        if let slash = name.firstIndex(of: "/"), let section = Section(rawValue: String(name[..<slash])) {
            let id = PageID(section: section, slug: String(name[name.index(after: slash)...]))
            if ids.contains(id) { return .success(.init(page: id, fragment: fragment)) }
            return .failure(notFound(raw, among: bySlug.keys.filter { bySlug[$0]!.contains { $0.section == section } }))
        }
        for table in [bySlug, byTitle] {
            guard let matches = table[name] else { continue }
            if matches.count == 1 { return .success(.init(page: matches[0], fragment: fragment)) }
            let options = matches.sorted().map { "[[\($0)]]" }.joined(separator: ", ")
            return .failure(LinkProblem(message: "link [[\(raw)]] is ambiguous; write one of \(options)"))
        }
        return .failure(notFound(raw, among: Array(bySlug.keys) + Array(byTitle.keys)))
    }

    private func notFound(_ raw: String, among candidates: [String]) -> LinkProblem {
        var message = "link [[\(raw)]] does not match any page"
        let close = Suggestions.closest(to: raw, among: Set(candidates))
        if !close.isEmpty { message += "; did you mean \(close.map { "[[\($0)]]" }.joined(separator: ", "))?" }
        return LinkProblem(message: message)
    }
}
