import Foundation
import Markdown

extension LinkGraph {
    /// Resolves `page`'s wiki links again after its body changed, while every page's slug and title
    /// stayed the same (so `resolver` still answers as it did). Returns the pages whose backlinks
    /// may have changed (targets before and after), or nil when a link does not resolve: then the
    /// caller builds in full, which reports it where it is.
    mutating func relink(_ page: PageInfo, resolver: LinkResolver) -> Set<PageID>? {
        var resolved: [Target?] = []
        resolved.reserveCapacity(page.markdown.wikiLinks.count)
        for link in page.markdown.wikiLinks {
            guard case .success(let target) = resolver.resolve(link.target) else { return nil }
            resolved.append(target)
        }
        let before = Set((targets[page.id] ?? []).compactMap { $0?.page }).subtracting([page.id])
        let after = Set(resolved.compactMap { $0?.page }).subtracting([page.id])
        targets[page.id] = resolved
        for gone in before.subtracting(after) {
            let remaining = (backlinks[gone] ?? []).filter { $0 != page.id }
            backlinks[gone] = remaining.isEmpty ? nil : remaining
        }
        for added in after.subtracting(before) {
            var list = backlinks[added] ?? []
            list.insert(page.id, at: list.firstIndex { $0 > page.id } ?? list.count)
            backlinks[added] = list
        }
        return before.union(after)
    }
}
