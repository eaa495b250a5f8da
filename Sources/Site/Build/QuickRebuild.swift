import Foundation
import FrontMatter
import Search

/// The rebuild after the most common edit in `serve` and `build --watch`: someone changed the text
/// of one or a few visit notes and left their front matter alone. Then the pages, the model's shape,
/// every title and every link target stay what they were, and only these can change:
/// - the edited visits' own pages and search documents;
/// - the pages their wiki links point to, before or after the edit (backlinks);
/// - handover packets, which quote the recent visits' 見立て and 振り返り;
/// - when an edited visit's digest (見立て excerpt, reflection) or its company's open promises
///   changed: the pages that list the visit or those promises — its company, every person, the
///   visit lists (all and its year), its themes, the radar and the home page. (Partner pages show
///   referrals from front matter only; other companies show only their own visits.)
/// A visit page shows of other visits only front matter (titles, dates, neighbours), so the
/// other visit pages are carried over without being looked at. Anything else — a new, removed or
/// renamed file, a front matter change, site.yml, `--public`, another day — takes the full way.
struct QuickRebuild {
    let options: BuildOptions
    let previous: LastBuild

    /// What the edit changed, for the build's shared tail (`SiteBuilder.publish`).
    struct Patch {
        /// The published site with the edited visits' bodies in place.
        let index: PublishedSite
        /// The edited visits, as they are in `index`.
        let changed: [Visit]
        /// The only pages whose data can differ from the previous build's.
        let mayChange: Set<String>
    }

    /// Attachments are found from the notes' links and folders: an edit that touches a local link,
    /// or a file added to or removed from a note's folder, takes the full way.
    private func attachmentsUnchanged(_ read: SiteBuilder.ReadContent, _ edits: [ParsedSource]) -> Bool {
        let model = previous.index.model
        for source in edits where !source.markdown.localLinks.isEmpty { return false }
        for visit in model.visits where edits.contains(where: { $0.file.slug == visit.page.slug }) && !visit.page.markdown.localLinks.isEmpty {
            return false
        }
        var ignored = DiagnosticList()
        return AttachmentIndex.find(model.allPages, contentRoot: read.scanner.contentDirectory,
                                    display: read.scanner.display, into: &ignored) == model.attachments
    }

    /// The patch, or nil when this edit needs the full way.
    func patch(_ read: SiteBuilder.ReadContent, steps: StepTimer) -> Patch? {
        guard previous.exact, !options.publicOnly, !previous.publicOnly, options.today == previous.today,
              read.diagnostics.items.isEmpty, read.configBytes == previous.configBytes,
              read.files.count == previous.paths.count,
              zip(read.files, previous.paths).allSatisfy({ $0.relativePath == $1 }),
              let edits = bodyEdits(read), attachmentsUnchanged(read, edits) else { return nil }
        steps.mark("quick: what changed")
        var model = previous.index.model
        var links = previous.index.links
        let resolver = LinkResolver(pages: edits.isEmpty ? [] : model.allPages)
        var position: [String: Int] = [:]
        for (i, visit) in model.visits.enumerated() { position[visit.page.slug] = i }
        var changed: [Visit] = []
        var touched: Set<PageID> = []
        for source in edits {
            guard let at = position[source.file.slug] else { return nil }
            let old = model.visits[at].page
            model.visits[at].page = PageInfo(kind: old.kind, slug: old.slug, displayPath: old.displayPath, title: old.title,
                                             visibility: old.visibility, topics: old.topics, markdown: source.markdown,
                                             bodyFirstLine: source.bodyFirstLine, draftLine: old.draftLine)
            guard let targets = links.relink(model.visits[at].page, resolver: resolver) else { return nil }
            touched.formUnion(targets)
            touched.insert(old.id)
            changed.append(model.visits[at])
        }
        let index = previous.index.replacingBodies(of: changed, model: model, links: links)
        // Whether pages that gather visits can show anything new.
        let gathered = changed.contains { visit in
            guard let at = position[visit.page.slug] else { return true }
            let before = previous.index.model.visits[at]
            let promises = { (index: PublishedSite) in
                (index.promisesByCompany[visit.company.value] ?? []).map { [$0.text, $0.visit.page.slug] }
            }
            return previous.index.digest(of: before) != index.digest(of: visit) || promises(previous.index) != promises(index)
        }
        var mayChange = Set(touched.compactMap { index.page($0)?.outputPath })
        // What else the route table says shows the text of visits, or (when it changed) their digests and promises.
        let input = RouteInput(index)
        let allPaths = { (route: Route) in route.path.map { [$0] } ?? route.pages(input).map(\.path) }
        for route in SiteMap.routes {
            switch route.quick {
            case .frontMatter: break
            case .visitText: mayChange.formUnion(allPaths(route))
            case .visitDigests: if gathered { mayChange.formUnion(allPaths(route)) }
            case .visitDigestsOf(let showing): if gathered { for visit in changed { mayChange.formUnion(showing(visit, index)) } }
            }
        }
        steps.mark("quick: model")
        return Patch(index: index, changed: changed, mayChange: mayChange)
    }

    /// The new parse of every visit whose body alone changed; nil when anything else changed or
    /// a file has a problem (the full build reports it).
    private func bodyEdits(_ read: SiteBuilder.ReadContent) -> [ParsedSource]? {
        for result in read.sources { guard case .success = result else { return nil } }
        var edits: [ParsedSource] = []
        for change in read.changes {
            guard case .success(let old)? = change.previous, case .success(let new) = change.current,
                  new.file.kind == .visits, old.file.relativePath == new.file.relativePath,
                  old.frontMatter == new.frontMatter, old.bodyFirstLine == new.bodyFirstLine else { return nil }
            edits.append(new)
        }
        return edits
    }
}
