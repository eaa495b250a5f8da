import Foundation
import Mustache

/// Renders every file of the route table (`SiteMap`), on all cores, straight into the output
/// (pages are not held in memory: at 100,000 notes that would be gigabytes).
struct PageRenderer {
    let index: PublishedSite
    let theme: Theme
    let views: PublishedViews
    /// `SiteMap.routes`; a test may add its own.
    var routes: [Route] = SiteMap.routes

    /// Every file this build writes, from the routes its audience allows.
    func pages() -> [RoutePage] {
        let input = RouteInput(index)
        return routes.filter { views.allows($0.audience) }.flatMap { $0.pages(input) }
    }

    /// With `fingerprints` (a session's rebuild), each page's template data is fingerprinted first,
    /// and a page whose fingerprint equals the previous build's is kept as it is, neither rendered
    /// nor written. Returns the fingerprints of this build (empty without `fingerprints`).
    ///
    /// `evaluating` (a session's quick rebuild) says which pages can have changed at all; the
    /// others keep their previous fingerprint and are not touched (the caller carries them over).
    func renderAll(into output: SiteOutput, fingerprints previous: [String: UInt64]?,
                   evaluating mayChange: (String) -> Bool = { _ in true }) throws -> (pages: Int, fingerprints: [String: UInt64]) {
        let steps = StepTimer()
        let jobs = pages()
        steps.mark("  listed \(jobs.count) files")
        try theme.requireTemplates(of: jobs)
        let results = ConcurrentResults<(error: Error?, fingerprint: UInt64)>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            if let kept = previous?[job.path], !mayChange(job.path) { return results.set(i, (nil, kept)) }
            do {
                results.set(i, (nil, try render(job, into: output, previous: previous)))
            } catch {
                results.set(i, (error, 0))
            }
        }
        let values = results.values
        steps.mark("  evaluated")
        if let error = values.compactMap(\.error).first { throw error }
        // Pages are what templates draw; files made directly (CSV, calendar…) are not counted as pages.
        let pages = jobs.filter { if case .template = $0.output { return true } else { return false } }.count
        guard previous != nil else { return (pages, [:]) }
        var fingerprints: [String: UInt64] = [:]
        fingerprints.reserveCapacity(jobs.count)
        for (job, value) in zip(jobs, values) { fingerprints[job.path] = value.fingerprint }
        return (pages, fingerprints)
    }

    /// Writes one file (or keeps the previous build's); returns its fingerprint (0 without `previous`).
    private func render(_ job: RoutePage, into output: SiteOutput, previous: [String: UInt64]?) throws -> UInt64 {
        switch job.output {
        case .template(let template, let context):
            var fingerprint: UInt64 = 0
            if let previous {
                let inputs = context(PageContext(index: index, theme: theme, outputPath: job.path, views: views, bodiesAsTokens: true))
                fingerprint = Fingerprint.of(template: template, inputs)
                if previous[job.path] == fingerprint, output.keep(job.path) { return fingerprint }
            }
            let data = try theme.renderData(template, context(PageContext(index: index, theme: theme, outputPath: job.path, views: views)))
            try output.write(job.path, data)
            return fingerprint
        case .file(let make):
            let data = try make(PageContext(index: index, theme: theme, outputPath: job.path, views: views))
            var fingerprint: UInt64 = 0
            if let previous {
                var bytes = Fingerprint()
                bytes.add(data)
                fingerprint = bytes.value
                if previous[job.path] == fingerprint, output.keep(job.path) { return fingerprint }
            }
            try output.write(job.path, data)
            return fingerprint
        }
    }
}
