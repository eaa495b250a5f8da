import Foundation
import Mustache

/// Renders every page of the site, on all cores, straight into the output (pages are not held
/// in memory: at 100,000 notes that would be gigabytes).
struct PageRenderer {
    let index: SiteIndex
    let theme: Theme
    let views: PublishedViews

    struct Job {
        let path: String
        let template: String
        let context: (PageContext) -> MustacheValue
    }

    func jobs() -> [Job] {
        let m = index.model
        var jobs: [Job] = []
        for c in m.companies { jobs.append(Job(path: c.page.outputPath, template: "company") { $0.company(c) }) }
        for v in m.visits { jobs.append(Job(path: v.page.outputPath, template: "visit") { $0.visit(v) }) }
        for p in m.playbooks { jobs.append(Job(path: p.page.outputPath, template: "playbook") { $0.playbook(p) }) }
        for p in m.people {
            jobs.append(Job(path: p.page.outputPath, template: "person") { $0.person(p) })
            if p.left != nil && views.handover {
                jobs.append(Job(path: HandoverPages.path(for: p), template: "handover") { $0.handover(p) })
            }
        }
        for p in m.partners { jobs.append(Job(path: p.page.outputPath, template: "partner") { $0.partner(p) }) }

        let radar = Radar(index)
        let funnel = Funnel(index)
        jobs.append(Job(path: "index.html", template: "home") { $0.home(radar) })
        var lists: [Job] = []
        lists.append(Job(path: "companies/index.html", template: "companies") { $0.companyList() })
        lists.append(Job(path: "visits/index.html", template: "visits") { $0.visitList() })
        lists.append(Job(path: "people/index.html", template: "people") { $0.peopleList() })
        lists.append(Job(path: "partners/index.html", template: "partners") { $0.partnerList(funnel) })
        lists.append(Job(path: "playbooks/index.html", template: "handbook") { $0.handbook() })
        lists.append(Job(path: "playbooks/print.html", template: "handbook-print") { $0.handbookPrint() })
        lists.append(Job(path: "radar.html", template: "radar") { $0.radarPage(radar) })
        if views.includes("visits/index.html") {
            for year in Set(m.visits.map(\.date.year)).sorted() {
                lists.append(Job(path: VisitYearPages.path(for: year), template: "visits") { $0.visitList(year: year) })
            }
        }
        jobs += lists.filter { views.includes($0.path) }
        jobs += reportJobs()
        let themes = themeCounts()
        jobs.append(Job(path: "themes/index.html", template: "themes") { $0.themeIndex(themes) })
        for theme in themes { jobs.append(Job(path: ThemePages.path(for: theme.name), template: "theme") { $0.themePage(theme.name) }) }
        jobs.append(Job(path: "search.html", template: "search") { $0.searchPage() })
        jobs.append(Job(path: "404.html", template: "404") { $0.notFound() })
        return jobs
    }

    /// Themes in the site.yml order first, then any others found in the content, with page counts.
    func themeCounts() -> [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for page in index.model.allPages { for theme in Set(page.themeNames) { counts[theme, default: 0] += 1 } }
        let vocabulary = index.model.config.themes.filter { counts[$0] != nil }
        let others = counts.keys.filter { !vocabulary.contains($0) }.sorted()
        return (vocabulary + others).map { ($0, counts[$0] ?? 0) }
    }

    /// Renders all jobs; returns how many pages were written.
    func renderAll(into output: SiteOutput) throws -> Int {
        try renderAll(into: output, fingerprints: nil).pages
    }

    /// With `fingerprints` (a session's rebuild), each page's template data is fingerprinted first,
    /// and a page whose fingerprint equals the previous build's is kept as it is, neither rendered
    /// nor written. Returns the fingerprints of this build (empty without `fingerprints`).
    ///
    /// `evaluating` (a session's quick rebuild) says which pages can have changed at all; the
    /// others keep their previous fingerprint and are not touched (the caller carries them over).
    func renderAll(into output: SiteOutput, fingerprints previous: [String: UInt64]?,
                   evaluating mayChange: (String) -> Bool = { _ in true }) throws -> (pages: Int, fingerprints: [String: UInt64]) {
        let jobs = jobs()
        let results = ConcurrentResults<(error: Error?, fingerprint: UInt64)>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            if let kept = previous?[job.path], !mayChange(job.path) { return results.set(i, (nil, kept)) }
            do {
                var fingerprint: UInt64 = 0
                if let previous {
                    let inputs = job.context(PageContext(index: index, theme: theme, outputPath: job.path, views: views,
                                                         bodiesAsTokens: true))
                    fingerprint = Fingerprint.of(template: job.template, inputs)
                    if previous[job.path] == fingerprint, output.keep(job.path) { return results.set(i, (nil, fingerprint)) }
                }
                let context = job.context(PageContext(index: index, theme: theme, outputPath: job.path, views: views))
                try output.write(job.path, try theme.renderData(job.template, context))
                results.set(i, (nil, fingerprint))
            } catch {
                results.set(i, (error, 0))
            }
        }
        let values = results.values
        if let error = values.compactMap(\.error).first { throw error }
        guard previous != nil else { return (jobs.count, [:]) }
        var fingerprints: [String: UInt64] = [:]
        fingerprints.reserveCapacity(jobs.count)
        for (job, value) in zip(jobs, values) { fingerprints[job.path] = value.fingerprint }
        return (jobs.count, fingerprints)
    }
}
