import Foundation
import FrontMatter
import Search

/// What a session keeps of its last successful build: enough to tell what an edit touched and to
/// rebuild only that.
struct LastBuild {
    let today: YAMLDate
    let publicOnly: Bool
    let configBytes: Data?
    /// Every content file, in scan order.
    let paths: [String]
    let index: SiteIndex
    let warnings: [Diagnostic]
    let theme: Theme
    /// Each page's template-data fingerprint (see `PageRenderer.renderAll`).
    let fingerprints: [String: UInt64]
    /// Every file of the site with its size.
    let produced: [String: Int]
    /// The site paths of the search index files (part of `produced`).
    let searchFiles: Set<String>
    /// Whether the live site is exactly what this build made, so files can be carried over unseen.
    /// False after a failed rebuild, which may have written part of its changes.
    var exact = true

    /// The page fingerprints a rebuild may compare with: none after a failed rebuild, when a file
    /// may no longer be what its fingerprint says.
    var trustedFingerprints: [String: UInt64] { exact ? fingerprints : [:] }

    init(options: BuildOptions, configBytes: Data?, paths: [String], index: SiteIndex, warnings: [Diagnostic], theme: Theme,
         fingerprints: [String: UInt64], produced: [String: Int], searchFiles: Set<String>) {
        today = options.today
        publicOnly = options.publicOnly
        self.configBytes = configBytes
        self.paths = paths
        self.index = index
        self.warnings = warnings
        self.theme = theme
        self.fingerprints = fingerprints
        self.produced = produced
        self.searchFiles = searchFiles
    }
}

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
    let search: SearchIndexSession

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

    /// The rebuilt site, or nil when this edit needs the full way.
    func run(_ read: SiteBuilder.ReadContent, start: Date) throws -> SiteBuilder.SessionOutput? {
        let steps = StepTimer()
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
            model.visits[at].page = PageInfo(section: old.section, slug: old.slug, displayPath: old.displayPath, title: old.title,
                                             visibility: old.visibility, themes: old.themes, markdown: source.markdown,
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
            let promises = { (index: SiteIndex) in
                (index.promisesByCompany[visit.company.value] ?? []).map { [$0.text, $0.visit.page.slug] }
            }
            return previous.index.digest(of: before) != index.digest(of: visit) || promises(previous.index) != promises(index)
        }
        var mayChange = Set(touched.compactMap { index.page($0)?.outputPath })
        for person in model.people where person.left != nil { mayChange.insert(HandoverPages.path(for: person)) }
        if gathered {
            // The pages that list the visit (its digest) or its company's promises.
            for visit in changed {
                if let company = index.companiesBySlug[visit.company.value] { mayChange.insert(company.page.outputPath) }
                mayChange.insert(VisitYearPages.path(for: visit.date.year))
                for theme in Set(visit.page.themeNames) { mayChange.insert(ThemePages.path(for: theme)) }
            }
            for person in model.people { mayChange.insert(person.page.outputPath) }
            mayChange.formUnion(["visits/index.html", "radar.html", "index.html"])
        }
        steps.mark("quick: model")

        let output = try SiteOutput(updating: options.outputDirectory, kind: SiteKind(publicOnly: options.publicOnly))
        do {
            let rendered = try PageRenderer(index: index, theme: previous.theme, views: .everything)
                .renderAll(into: output, fingerprints: previous.fingerprints) { mayChange.contains($0) }
            // Reports list open promises (continuity.json, the calendar): written again when those may have changed.
            if gathered { try ReportPages.write(index, theme: previous.theme, into: output) }
            steps.mark("quick: pages")
            let searchFiles = changed.isEmpty ? previous.searchFiles
                : try SearchPublisher.update(index, visits: changed, into: output, session: search)
            steps.mark("quick: search")
            var carried = previous.produced
            for path in previous.searchFiles where !searchFiles.contains(path) { carried[path] = nil }
            output.carryOver(carried)
            try output.commit(removing: Set(previous.produced.keys))
            steps.mark("quick: commit")
            let report = BuildReport(pages: rendered.pages, files: output.filesWritten, bytes: output.bytesWritten,
                                     unchanged: output.filesReused, warnings: previous.warnings,
                                     seconds: Date().timeIntervalSince(start))
            let last = LastBuild(options: options, configBytes: read.configBytes, paths: previous.paths, index: index,
                                 warnings: previous.warnings, theme: previous.theme,
                                 fingerprints: rendered.fingerprints, produced: output.producedSizes, searchFiles: searchFiles)
            return SiteBuilder.SessionOutput(report: report, last: last, quick: true)
        } catch {
            output.abandon()
            throw error
        }
    }

    /// The new parse of every visit whose body alone changed; nil when anything else changed or
    /// a file has a problem (the full build reports it).
    private func bodyEdits(_ read: SiteBuilder.ReadContent) -> [ParsedSource]? {
        for result in read.sources { guard case .success = result else { return nil } }
        var edits: [ParsedSource] = []
        for change in read.changes {
            guard case .success(let old)? = change.previous, case .success(let new) = change.current,
                  new.file.section == .visits, old.file.relativePath == new.file.relativePath,
                  old.frontMatter == new.frontMatter, old.bodyFirstLine == new.bodyFirstLine else { return nil }
            edits.append(new)
        }
        return edits
    }
}
