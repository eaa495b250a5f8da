import Messages
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
    /// The resolver a session's quick rebuilds use for these pages, made by the first and kept by
    /// the next (a quick rebuild changes no page's slug or title: `QuickRebuild`); a full build's
    /// graph starts without one.
    let quickResolver = KeptResolver()

    static func resolve(_ model: SiteModel, into diagnostics: inout DiagnosticList) -> LinkGraph {
        let resolver = LinkResolver(model: model)
        var graph = LinkGraph()
        graph.targets.reserveCapacity(model.pageCount)
        // Edges first, each target's sources sorted and made unique once at the end: cheaper than a
        // set per target, and the same result.
        var reverse: [PageID: [PageID]] = [:]
        model.forEachPage { page in
            let links = page.markdown.wikiLinks
            var pageTargets: [Target?] = []
            pageTargets.reserveCapacity(links.count)
            let id = page.id
            for link in links {
                switch resolver.resolve(link.target) {
                case .success(let target):
                    pageTargets.append(target)
                    if target.page != id { reverse[target.page, default: []].append(id) }
                case .failure(let problem):
                    pageTargets.append(nil)
                    diagnostics.error(page.displayPath, page.bodyFirstLine + link.line - 1, link.column, problem.message)
                }
            }
            graph.targets[id] = pageTargets
        }
        graph.backlinks.reserveCapacity(reverse.count)
        for (target, sources) in reverse {
            var unique = sources.sorted()
            unique.removeDuplicatesFromSorted()
            graph.backlinks[target] = unique
        }
        return graph
    }
}

extension Array where Element: Equatable {
    mutating func removeDuplicatesFromSorted() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeSubrange(kept...)
    }
}

struct LinkProblem: Error { let message: Message }

/// A `LinkResolver` made once and handed out again (see `LinkGraph.quickResolver`).
final class KeptResolver: @unchecked Sendable {
    private let lock = NSLock()
    private var resolver: LinkResolver?

    func get(_ make: () -> LinkResolver) -> LinkResolver {
        lock.lock()
        defer { lock.unlock() }
        if let resolver { return resolver }
        let made = make()
        resolver = made
        return made
    }
}

/// Finds the page a link names: `kind/slug` (`companies/minato-seiki`), a bare slug, or a page title, in that order.
/// The title table is built only when a link names no slug: usual notes link by slug, and hashing
/// every page's Japanese title would cost more than resolving all their links.
final class LinkResolver {
    private let pages: [PageInfo]
    private var bySlug: [String: [PageID]] = [:]
    private lazy var byTitle: [String: [PageID]] = {
        var table: [String: [PageID]] = [:]
        for page in pages { table[page.title, default: []].append(page.id) }
        return table
    }()

    convenience init(model: SiteModel) { self.init(pages: model.allPages) }

    init(pages: [PageInfo]) {
        self.pages = pages
        bySlug.reserveCapacity(pages.count)
        for page in pages { bySlug[page.slug, default: []].append(page.id) }
    }

    private func contains(_ id: PageID) -> Bool { bySlug[id.slug]?.contains(id) ?? false }

    func resolve(_ raw: String) -> Result<LinkGraph.Target, LinkProblem> {
        let result = resolveAsWritten(raw)
        guard case .failure = result else { return result }
        // A title may hold what a link otherwise reads as syntax: `#` (a fragment) or a leading
        // `visits/` (a kind of page). When that reading names nothing, the whole text as a title may.
        let whole = WhiteSpace.trimmed(raw)
        if whole.contains(where: { $0 == "#" || $0 == "/" }), let matches = byTitle[whole], matches.count == 1 {
            return .success(.init(page: matches[0], fragment: nil))
        }
        return result
    }

    private func resolveAsWritten(_ raw: String) -> Result<LinkGraph.Target, LinkProblem> {
        var name = WhiteSpace.trimmed(raw)
        var fragment: String? = nil
        if let hash = name.firstIndex(of: "#") {
            fragment = String(name[name.index(after: hash)...])
            name = String(name[..<hash])
        }
        if let slash = name.firstIndex(of: "/"), let kind = PageKind(rawValue: String(name[..<slash])) {
            let id = PageID(kind: kind, slug: String(name[name.index(after: slash)...]))
            if contains(id) { return .success(.init(page: id, fragment: fragment)) }
            return .failure(notFound(raw, among: Set(bySlug.keys.filter { bySlug[$0]!.contains { $0.kind == kind } })))
        }
        for table in 0..<2 {
            guard let matches = table == 0 ? bySlug[name] : byTitle[name] else { continue }
            if matches.count == 1 { return .success(.init(page: matches[0], fragment: fragment)) }
            let options = matches.sorted().map { "[[\($0)]]" }.joined(separator: ", ")
            return .failure(LinkProblem(message: Message(.linkAmbiguous, raw, options)))
        }
        return .failure(notFound(raw, among: allNames))
    }

    /// Suggestions cost a pass over every page name: the first broken links get them, the rest
    /// (a note with 100,000 broken links, whose diagnostics are counted, not shown) do not.
    static let suggestionBudget = 1000
    private var suggestionsGiven = 0
    private lazy var allNames: Set<String> = Set(bySlug.keys).union(byTitle.keys)

    private func notFound(_ raw: String, among candidates: @autoclosure () -> Set<String>) -> LinkProblem {
        guard suggestionsGiven < LinkResolver.suggestionBudget else { return LinkProblem(message: Message(.linkNotFound, raw)) }
        suggestionsGiven += 1
        let close = Suggestions.closest(to: raw, among: candidates())
        if close.isEmpty { return LinkProblem(message: Message(.linkNotFound, raw)) }
        return LinkProblem(message: Message(.linkNotFoundSuggest, raw, close.map { "[[\($0)]]" }.joined(separator: ", ")))
    }
}
