import Foundation

/// The targets of the search-index issue (#15), one block per corpus size, each measured in this
/// run and set against Pagefind (or Hugo) from the same run.
enum TargetTable {
    static func render(rows: [Row], searches: [SearchBench]) -> String {
        var out = ""
        for (row, search) in zip(rows, searches) {
            let n = row.visits
            out += "\ntargets, \(n) visits (this run)\n\n"
            out += "| measure | densho | Pagefind / Hugo | ratio | target | met |\n"
            out += "| --- | ---: | ---: | ---: | --- | --- |\n"
            func line(_ measure: String, _ densho: String, _ other: String, _ ratio: String, _ target: String, _ met: Bool?) {
                out += "| \(measure) | \(densho) | \(other) | \(ratio) | \(target) | \(met.map { $0 ? "yes" : "**no**" } ?? "—") |\n"
            }
            // Pagefind's whole output as the issue counts it: Hugo's site with Pagefind's folder in it.
            let pagefindWhole = row.pagefind.notRun || row.pagefind.failed ? nil : row.hugoBytes
            let text = search.textBytes
            line("`search/` bytes", mb(search.indexBytes),
                 pagefindWhole.map { "\(mb($0)) (pagefind/ \(mb(row.pagefindBytes)))" } ?? "not run",
                 ratios([pagefindWhole.map { ("Hugo+Pagefind", $0) }, (row.pagefindBytes > 0 ? ("pagefind/", row.pagefindBytes) : nil),
                         text > 0 ? ("text", text) : nil], search.indexBytes),
                 "≤ Pagefind's whole output and ≤ 1.1× the Markdown text",
                 text > 0 ? search.indexBytes <= Int(1.1 * Double(text)) && pagefindWhole.map { search.indexBytes <= $0 } ?? true : nil)
            // The issue counts the index data a page loads before its first query (the manifest; facet
            // values wait for the filter UI). The page's whole start-up, search.js included, is beside it.
            line("manifest before the first query (whole start-up)",
                 "\(kb(search.denshoStartupDataBytes)) (\(kb(search.denshoStartupBytes)))",
                 search.pagefindStartupBytes > 0 ? "init \(kb(search.pagefindStartupBytes))" : "—",
                 search.pagefindStartupBytes > 0 ? ratio(search.denshoStartupBytes, search.pagefindStartupBytes) + " (whole)" : "—",
                 "≤ 64 KB", search.denshoStartupBytes > 0 ? search.denshoStartupDataBytes <= 64 * 1024 : nil)
            if let two = search.rows.first(where: { $0.query.label == "two terms" }) {
                let limit = n >= 100_000 ? 300 : 150
                let pagefindBytes = two.pagefind.map { $0.servedBytes ?? $0.resources.reduce(0) { $0 + $1.bytes } }
                let bytes = two.browser == nil ? two.denshoBytes : two.browserBytes
                line("two-term query \(two.query.display), bytes", kb(bytes), pagefindBytes.map(kb) ?? "—",
                     pagefindBytes.map { ratio(bytes, $0) } ?? "—", "≤ \(limit) KB", bytes <= limit * 1024)
            }
            let colds = search.rows.compactMap { $0.browser?.coldMs }
            let pagefindColds = search.rows.compactMap { $0.query.text.isEmpty ? nil : $0.pagefind?.coldMs }
            if let worst = colds.max() {
                line("slowest bench query, browser cold", String(format: "%.0f ms", worst),
                     pagefindColds.max().map { String(format: "%.0f ms", $0) } ?? "—",
                     pagefindColds.max().map { String(format: "%.2f×", worst / $0) } ?? "—", "< 50 ms (at 100,000)",
                     n >= 100_000 ? worst < 50 : nil)
            }
            if !row.hugo.failed && !row.hugo.notRun && row.hugo.seconds > 0 {
                let r = row.densho.seconds / row.hugo.seconds
                line("full build, index included", String(format: "%.2f s", row.densho.seconds), String(format: "Hugo %.2f s", row.hugo.seconds),
                     String(format: "%.2f× Hugo", r), "≤ 0.5× Hugo alone", r <= 0.5)
            }
            if !row.incrementalFrontMatter.notRun {
                line("rebuild after a front-matter edit (serve)", String(format: "%.2f s", row.incrementalFrontMatter.seconds), "—", "—",
                     "< 0.3 s", row.incrementalFrontMatter.seconds < 0.3)
            }
        }
        return out
    }

    private static func ratios(_ against: [(String, Int)?], _ value: Int) -> String {
        against.compactMap { $0 }.map { "\(ratio(value, $0.1)) \($0.0)" }.joined(separator: ", ")
    }
    private static func ratio(_ a: Int, _ b: Int) -> String { b > 0 ? String(format: "%.2f×", Double(a) / Double(b)) : "—" }
    private static func kb(_ bytes: Int) -> String {
        String(format: bytes < 10 * 1024 ? "%.1f KB" : "%.0f KB", Double(bytes) / 1024)
    }
    private static func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}
