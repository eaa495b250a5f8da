import Foundation

// densho-bench: the corpus generator and the benchmark driver (see README "Benchmark").
let usage = """
    usage: densho-bench --generate N DIR [--seed S]   write a content tree of N visits into DIR
           densho-bench --floor DIR                   time cmark alone rendering every note of DIR
           densho-bench --incremental CONTENT SITE THEME   time watch-mode rebuilds after editing one visit
           densho-bench --shapes DENSHO THEME WORK     one note with 10⁴ and 10⁵ themes, broken links, task items
           densho-bench run [--densho PATH] [--theme DIR] [--runs R] [--work DIR] N…
                                                      the benchmark table (see scripts/bench)
    """

func mainCommand(_ args: [String]) throws -> Int32 {
    guard let command = args.first else { print(usage); return 2 }
    switch command {
    case "--generate":
        guard args.count >= 3, let n = Int(args[1]), n > 0 else { print(usage); return 2 }
        var seed: UInt64 = 7
        if let i = args.firstIndex(of: "--seed"), i + 1 < args.count, let s = UInt64(args[i + 1]) { seed = s }
        let start = Date()
        let paths = try CorpusGenerator(visits: n, seed: seed).write(to: URL(fileURLWithPath: args[2]))
        print("densho-bench: wrote \(paths.count) visits into \(args[2]) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        return 0
    case "--floor":
        guard args.count >= 2 else { print(usage); return 2 }
        let result = try MarkdownFloor.measure(content: URL(fileURLWithPath: args[1]))
        print(String(format: "cmark floor: %d notes, %.2f s", result.notes, result.seconds))
        return 0
    case "--incremental":
        guard args.count >= 4 else { print(usage); return 2 }
        let visit = try BenchRun(arguments: []).firstVisit(in: args[1])
        let times = try IncrementalBench.measure(content: args[1], site: args[2], theme: args[3], visit: visit, runs: 3,
                                                 edits: IncrementalBench.Edit.allCases)
        for edit in IncrementalBench.Edit.allCases {
            print(String(format: "incremental rebuild after '%@' (median of 3): %.3f s", edit.rawValue, (times[edit] ?? [0, 0, 0]).sorted()[1]))
        }
        return 0
    case "--shapes":
        guard args.count >= 4 else { print(usage); return 2 }
        return try ShapeBench.run(densho: args[1], theme: args[2], work: URL(fileURLWithPath: args[3]))
    case "run":
        return try BenchRun(arguments: Array(args.dropFirst())).run()
    case "-h", "--help", "help":
        print(usage)
        return 0
    default:
        print(usage)
        return 2
    }
}

do {
    exit(try mainCommand(Array(CommandLine.arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("densho-bench: \(error)\n".utf8))
    exit(1)
}
