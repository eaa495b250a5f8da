import Foundation

/// The "search" table, one block per corpus size.
enum SearchTable {
    static func render(_ benches: [SearchBench]) -> String {
        var out = ""
        for b in benches {
            let build = b.buildSeconds.map { String(format: "%.2f s", $0) } ?? "—"
            let share = b.textBytes > 0 ? String(format: "%.2f×", Double(b.indexBytes) / Double(b.textBytes)) : "—"
            out += "\nsearch, \(b.visits) visits: index built in \(build), \(mb(b.indexBytes)) on disk = \(share) the text (\(mb(b.textBytes)) of Markdown bodies); "
            out += "start-up before any query: densho manifest \(kb(b.denshoStartupDataBytes)) (page with search.js \(kb(b.denshoStartupBytes))), Pagefind init \(b.pagefindStartupBytes > 0 ? kb(b.pagefindStartupBytes) : "—")\n\n"
            out += "| query | densho results | densho files / bytes loaded | Swift ms | browser ms (cold / warm) | browser bytes | Pagefind results | Pagefind bytes | Pagefind ms (cold / warm) |\n"
            out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
            for r in b.rows {
                let browser = r.browser.map { String(format: "%.1f / %.1f", $0.coldMs, $0.warmMs) } ?? "—"
                let browserBytes = r.browser == nil ? "—" : kb(r.browserBytes)
                var pfResults = "—", pfBytes = "—", pfTime = "—"
                if let p = r.pagefind {
                    pfResults = "\(p.total)" + (r.query.filters.isEmpty ? "" : " (text only)")
                    pfBytes = kb(p.servedBytes ?? p.resources.reduce(0) { $0 + $1.bytes })
                    pfTime = String(format: "%.1f / %.1f", p.coldMs, p.warmMs)
                }
                if r.query.text.isEmpty { pfResults = "n/a (no filters)"; pfBytes = "—"; pfTime = "—" }
                out += "| \(r.query.label): \(r.query.display) | \(r.denshoTotal) | \(r.denshoShards) / \(kb(r.denshoBytes)) | \(String(format: "%.1f", r.swiftMs)) "
                out += "| \(browser) | \(browserBytes) | \(pfResults) | \(pfBytes) | \(pfTime) |\n"
            }
        }
        return out
    }

    private static func kb(_ bytes: Int) -> String {
        String(format: bytes < 10 * 1024 ? "%.1f KB" : "%.0f KB", Double(bytes) / 1024)
    }
    private static func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
}
