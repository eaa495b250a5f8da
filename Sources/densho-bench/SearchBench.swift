import Foundation
import Search

/// One benchmark query: text (may be empty) and facet filters.
struct BenchQuery {
    let label: String
    let text: String
    let filters: [String: String]

    /// Drawn from the generator's vocabulary (Vocabulary.swift), so every corpus contains them.
    static let fixed: [BenchQuery] = [
        BenchQuery(label: "1 char", text: "燕", filters: [:]),
        BenchQuery(label: "2 chars", text: "特許", filters: [:]),
        BenchQuery(label: "3 chars", text: "補助金", filters: [:]),
        BenchQuery(label: "4 chars", text: "資金繰り", filters: [:]),
        BenchQuery(label: "Latin", text: "IoT", filters: [:]),
        BenchQuery(label: "two terms", text: "後継者 面談", filters: [:]),
        BenchQuery(label: "filter only", text: "", filters: ["theme": "DX"]),
        BenchQuery(label: "two terms + filter", text: "展示会 出展", filters: ["type": "visit"]),
    ]

    var display: String {
        let f = filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return [text.isEmpty ? "" : "「\(text)」", f.isEmpty ? "" : "[\(f)]"].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// The figures of one query on one corpus.
struct SearchRow {
    let query: BenchQuery
    var denshoTotal = 0, denshoShards = 0, denshoBytes = 0, swiftMs = 0.0
    var browser: BrowserResult?
    var browserBytes = 0
    var pagefind: BrowserResult?
}

/// The search part of the benchmark for one corpus: index size and build time, then each fixed
/// query through the Swift reader, densho's search.js in Chromium, and Pagefind in Chromium.
struct SearchBench {
    let visits: Int
    var buildSeconds: Double?
    var indexBytes = 0, textBytes = 0
    var denshoStartupBytes = 0, pagefindStartupBytes = 0
    /// Of densho's start-up, the index files (the manifest) alone.
    var denshoStartupDataBytes = 0
    var rows: [SearchRow] = BenchQuery.fixed.map { SearchRow(query: $0) }

    init(visits: Int) { self.visits = visits }

    /// The "search" step of a densho build run with DENSHO_TIMINGS (the build prints step times).
    static func indexBuildSeconds(densho: String, arguments: [String]) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: densho)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DENSHO_TIMINGS"] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("densho: search ") {
            if let seconds = Double(line.dropFirst("densho: search ".count).split(separator: " ").first ?? "") { return seconds }
        }
        return nil
    }

    /// Bytes of every Markdown body (front matter left out) under `content`.
    static func textBytes(content: String) -> Int {
        MarkdownFloor.markdownFiles(under: URL(fileURLWithPath: content)).reduce(0) { sum, path in
            sum + (FileManager.default.contents(atPath: path).map { MarkdownFloor.stripFrontMatter($0).count } ?? 0)
        }
    }

    /// Swift: a fresh reader per run, so each query pays for the shards it needs.
    mutating func measureSwift(index: URL, runs: Int = 5) throws {
        for i in rows.indices {
            let q = rows[i].query
            var times: [Double] = []
            for _ in 0..<runs {
                let reader = try SearchIndexReader(directory: index)
                let start = Date()
                let results = try reader.search(SearchQuery(text: q.text, filters: q.filters, limit: 10))
                times.append(Date().timeIntervalSince(start) * 1000)
                rows[i].denshoTotal = results.total
                rows[i].denshoShards = reader.filesLoaded
                rows[i].denshoBytes = reader.bytesLoaded
            }
            rows[i].swiftMs = times.sorted()[times.count / 2]
        }
    }

    /// search.js in Chromium over the built site. Bytes are the files' sizes on disk.
    mutating func measureBrowser(site: URL, browser: BrowserBench) throws {
        try HarnessPages.write(densho: site, queries: rows.map(\.query))
        defer { try? FileManager.default.removeItem(at: site.appendingPathComponent(HarnessPages.densho)) }
        let results = browser.run(serving: site, harness: HarnessPages.densho, queries: rows.count)
        for i in rows.indices {
            rows[i].browser = results[i]
            rows[i].browserBytes = (results[i]?.resources ?? []).reduce(0) { sum, r in
                guard let path = URL(string: r.name)?.path else { return sum }
                let file = site.appendingPathComponent(String(path.drop { $0 == "/" }))
                return sum + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0)
            }
        }
        denshoStartupBytes = results.compactMap { $0?.startupBytes }.first ?? 0
        denshoStartupDataBytes = results.compactMap { $0?.startupDataBytes }.first ?? 0
    }

    /// Pagefind's own JS API in Chromium over Hugo's output (where Pagefind wrote its index).
    mutating func measurePagefind(public root: URL, browser: BrowserBench) throws {
        try HarnessPages.write(pagefind: root, queries: rows.map(\.query))
        let results = browser.run(serving: root, harness: HarnessPages.pagefind, queries: rows.count)
        for i in rows.indices { rows[i].pagefind = results[i] }
        pagefindStartupBytes = results.compactMap { $0?.startupBytes }.first ?? 0
    }
}

extension SearchBench {
    /// Everything densho-side for one corpus; Pagefind is added once Hugo and Pagefind have run.
    static func measure(visits: Int, densho: String, build: [String], content: String, site: String,
                        browser: BrowserBench) throws -> SearchBench {
        var bench = SearchBench(visits: visits)
        bench.buildSeconds = indexBuildSeconds(densho: densho, arguments: build)
        bench.indexBytes = Sizes.bytes("\(site)/search")
        bench.textBytes = textBytes(content: content)
        try bench.measureSwift(index: URL(fileURLWithPath: "\(site)/search"))
        if FileManager.default.isExecutableFile(atPath: browser.chromium) {
            try bench.measureBrowser(site: URL(fileURLWithPath: site), browser: browser)
        }
        return bench
    }
}
