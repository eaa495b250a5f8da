import Foundation
import FrontMatter
import Search

/// The rebuild after the most common edits in `serve` and `build --watch`: someone changed one or
/// a few visit notes, their text or their front matter, and kept each in its file. Then every
/// page's address and title and the model's order stay what they were, and only these can change:
/// - the edited visits' own pages and search documents;
/// - the pages their wiki links point to, before or after the edit (backlinks);
/// - the handover packets of their companies, which quote the recent visits' 見立て and 振り返り;
/// - when an edited visit's digest (見立て excerpt, reflection) or its company's open promises
///   changed: the files the route table names for that change (`QuickDependency`) — its
///   company, its staff's pages and those of who owes or holds the promises, the lists that show
///   it, its themes, the radar, the home page, and (promises) the calendar and continuity.json.
///   (Partner pages show referrals from front matter only; other companies show only their own visits.)
/// - when fields of its front matter changed (kind, staff, themes, referrals, next visit,
///   visibility): the files the route table says show those fields of the visit
///   (`VisitFieldDependency`) — for a theme, say, its company, its staff, its year's list, its
///   themes before and after, the theme index and that year's figures.
/// A visit page shows of other visits only their titles and addresses, so the other visit pages
/// are carried over without being looked at. Anything else takes the full way: a new, removed or
/// renamed file; an edit of a visit's date or company (its title, place and neighbours change),
/// or one that makes it a draft or no longer one; an edit of a company, person, partner or
/// playbook; a note with a problem or a warning; site.yml; `--public`; another day.
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

    /// Attachments are found from the notes' links and folders: an edit that touches a local link
    /// (now or before: see `patch`), or a file added to or removed from a note's folder, takes the
    /// full way. The folders as the last full build found them say so at once; when they cannot
    /// (a folder below a notes folder changed), every note's files are looked for again.
    private func attachmentsUnchanged(_ read: SiteBuilder.ReadContent, _ edits: [ParsedSource]) -> Bool {
        for source in edits where !source.markdown.localLinks.isEmpty { return false }
        let model = previous.index.model
        if model.attachments.stillFound() { return true }
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
              let sources = visitEdits(read), attachmentsUnchanged(read, sources.map(\.source)) else { return nil }
        steps.mark("quick: what changed")
        var model = previous.index.model
        var links = previous.index.links
        let resolver = sources.isEmpty ? LinkResolver(pages: []) : links.quickResolver.get { LinkResolver(pages: model.allPages) }
        var position: [String: Int] = [:]
        for (i, visit) in model.visits.enumerated() { position[visit.page.slug] = i }
        var edits: [VisitEdit] = []
        var touched: Set<PageID> = []
        for (source, frontMatterChanged) in sources {
            guard let at = position[source.file.slug] else { return nil }
            let before = model.visits[at]
            guard before.page.markdown.localLinks.isEmpty else { return nil }
            if frontMatterChanged {
                guard let after = reread(source, before: before, model: model) else { return nil }
                model.visits[at] = after
            } else {
                let old = before.page
                model.visits[at].page = PageInfo(kind: old.kind, slug: old.slug, displayPath: old.displayPath, title: old.title,
                                                 visibility: old.visibility, topics: old.topics, markdown: source.markdown,
                                                 bodyFirstLine: source.bodyFirstLine, draftLine: old.draftLine)
            }
            guard let targets = links.relink(model.visits[at].page, resolver: resolver) else { return nil }
            touched.formUnion(targets)
            touched.insert(before.page.id)
            edits.append(VisitEdit(before: before, after: model.visits[at]))
        }
        var index = previous.index.replacing(edits, model: model, links: links)
        ReportCache.carry(from: previous.index, to: &index, over: edits)
        let digestEdits = edits.map { edit in
            let promises = { (index: PublishedSite) in index.promisesByCompany[edit.after.company.value] ?? [] }
            let (before, after) = (promises(previous.index), promises(index))
            let fields = { (promises: [OpenPromise]) in promises.map { [$0.text, $0.visit.page.slug, $0.owner ?? "\u{0}", $0.due?.description ?? ""] } }
            let (digestBefore, digestAfter) = (previous.index.digest(of: edit.before), index.digest(of: edit.after))
            return DigestEdit(visit: edit.after, digestChanged: digestBefore != digestAfter,
                              reflectionChanged: digestBefore.hasReflection != digestAfter.hasReflection,
                              promisesChanged: fields(before) != fields(after),
                              promiseOwners: Set((before + after).compactMap(\.owner)))
        }
        let fieldEdits = zip(sources, edits).filter { $0.0.frontMatterChanged }.map(\.1)
        var mayChange = Set(touched.compactMap { index.page($0)?.outputPath })
        // What else the route table says shows the text of visits, or (when they changed) their
        // digests and their companies' promises, or (when they changed) fields of their front matter.
        let input = RouteInput(index)
        let allPaths = { (route: Route) in route.path.map { [$0] } ?? route.pages(input).map(\.path) }
        for route in SiteMap.routes {
            switch route.quick {
            case .frontMatter: break
            case .visitText(let showing): for edit in edits { mayChange.formUnion(showing(edit.after, input)) }
            case .visitDigests(let showing):
                for edit in digestEdits where edit.digestChanged || edit.promisesChanged { mayChange.formUnion(showing(edit, input)) }
            }
            switch route.visitFields {
            case .none: break
            case .every(let fields):
                if fieldEdits.contains(where: { edit in fields.contains(where: edit.changed) }) { mayChange.formUnion(allPaths(route)) }
            case .showing(let fields, let showing):
                for edit in fieldEdits where fields.contains(where: edit.changed) { mayChange.formUnion(showing(edit, input)) }
            }
        }
        steps.mark("quick: model")
        return Patch(index: index, changed: edits.map(\.after), mayChange: mayChange)
    }

    /// A visit whose front matter changed, read again: nil when the edit needs the full way — it
    /// has a problem (the full build reports it), had a warning (the full build drops it), moved
    /// the visit (another date or company: another title, place and neighbours), or made it a
    /// draft or no longer one.
    private func reread(_ source: ParsedSource, before: Visit, model: SiteModel) -> Visit? {
        var builder = ModelBuilder(config: model.config)
        guard let after = builder.visit(source, against: model), builder.diagnostics.items.isEmpty,
              after.date == before.date, after.company.value == before.company.value,
              after.page.title == before.page.title, after.page.isDraft == before.page.isDraft,
              !previous.warnings.contains(where: { $0.path == before.page.displayPath }) else { return nil }
        return after
    }

    /// The new parse of every visit note that changed, and whether its front matter did; nil when
    /// anything else changed or a file has a problem (the full build reports it).
    private func visitEdits(_ read: SiteBuilder.ReadContent) -> [(source: ParsedSource, frontMatterChanged: Bool)]? {
        for result in read.sources { guard case .success = result else { return nil } }
        var edits: [(source: ParsedSource, frontMatterChanged: Bool)] = []
        for change in read.changes {
            guard case .success(let old)? = change.previous, case .success(let new) = change.current,
                  new.file.kind == .visits, old.file.relativePath == new.file.relativePath else { return nil }
            edits.append((new, old.frontMatter != new.frontMatter || old.bodyFirstLine != new.bodyFirstLine))
        }
        return edits
    }
}
