import Seeded
import Foundation
import FrontMatter
import Markdown
import XCTest
@testable import Site

/// Mutation fuzzing of the whole reading pipeline: bytes → SourceText → FrontMatter.split →
/// YAML.parse → MarkdownDocument (and its HTML) → ModelBuilder → LinkGraph → PublishedSite and views.
/// A crash or a trap fails the run; so does a diagnostic that points nowhere. The seed and the
/// count are printed so any failure can be replayed: `DENSHO_FUZZ_SEED=… DENSHO_FUZZ_COUNT=…`.
/// 100,000 inputs by default (about 20 s in a debug build); `scripts/fuzz` runs more in a release build.
final class FuzzTests: XCTestCase {
    func testMutatedNotesNeverCrashAndEveryErrorIsLocated() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["DENSHO_FUZZ_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max)
        let count = environment["DENSHO_FUZZ_COUNT"].flatMap(Int.init) ?? 100_000
        print("densho fuzz: seed \(seed), count \(count) (replay: DENSHO_FUZZ_SEED=\(seed) DENSHO_FUZZ_COUNT=\(count))")
        var fuzzer = NoteFuzzer(seed: seed)
        let stats = fuzzer.run(count: count) { problem in XCTFail("seed \(seed): \(problem)") }
        print("densho fuzz: seed \(seed), \(stats.inputs) inputs: \(stats.pages) pages built, \(stats.errors) located errors")
        XCTAssertEqual(stats.inputs, count)
        XCTAssertGreaterThan(stats.pages, 0, "some mutants are still valid notes (the fuzzer reaches the model)")
        XCTAssertGreaterThan(stats.errors, 0, "some mutants are broken (the fuzzer reaches the error paths)")
    }

    /// The same seed gives the same inputs, so a failure seen once can be replayed.
    func testMutationsAreReproducibleFromTheSeed() {
        var a = NoteFuzzer(seed: 42), b = NoteFuzzer(seed: 42)
        XCTAssertEqual((0..<50).map { _ in a.nextInput().bytes }, (0..<50).map { _ in b.nextInput().bytes })
    }
}

struct NoteFuzzer {
    struct Stats { var inputs = 0, pages = 0, errors = 0 }
    struct Input { let section: PageKind; let slug: String; let bytes: [UInt8] }

    var rng: SeededRandom
    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    /// Valid notes of every kind to start from (mutants of valid input reach deepest).
    static let seeds: [(PageKind, String, String)] = [
        (.companies, "minato-seiki", """
        ---
        name: 株式会社みなと精機
        kana: みなとせいき
        owner: tanaka
        since: 2019-04-01
        cadence_days: 60
        status: active
        themes: [知財活用, 海外展開]
        contacts:
          - name: 山田 太郎
            role: 代表取締役
            note: |
              二代目。
              試作の速さが強み。
        ---
        ## 沿革
        創業は1968年。[[ip-center]]と[[companies/minato-seiki|自社]]。**強調**と`code`。
        """),
        (.visits, "2026-10-14-minato-seiki", """
        ---
        date: 2026-10-14
        company: minato-seiki
        staff: [tanaka, suzuki]
        kind: visit
        themes: [知財活用]
        referrals:
          - to: ip-center
            status: introduced
            note: "開放特許の候補を3件紹介"
        next_visit: 2026-12-01
        ---
        ## 聞いたこと
        新製品の種を探している。ｶﾀｶﾅと全角ＡＢＣ。
        ## 見立て
        > 引用 [[株式会社みなと精機]]
        ## 次の一手
        - [ ] 特許資料を送る
        - [x] 信金の担当に共有
        ## 振り返り
        1. 番号付き
           - 入れ子 [[people/tanaka|田中さん]]
        """),
        (.playbooks, "first-visit", "---\ntitle: 初回訪問のてびき\norder: 10\nthemes: [関係構築]\nvisibility: public\n---\n# 準備\n[[minato-seiki#沿革]] を読む。\n\n```\nコード\n```\n"),
        (.people, "tanaka", "---\nname: 田中 花子\nrole: コーディネーター\njoined: 2018-04-01\nleft: 2026-03-31\nsuccessor: suzuki\n---\n本文。\n"),
        (.people, "suzuki", "---\nname: 鈴木 一郎\n# コメント\norg: 'みなと川市'\n---\n"),
        (.partners, "ip-center", "---\nname: 知財センター\nkind: ip\n---\n開放特許。<b>raw</b> & 記号\n"),
    ]

    /// Pieces that mean something to one of the parsers.
    static let tokens: [String] = [
        "---\n", "---", ":", ": ", "- ", "  ", "\n", "\r\n", "\r", "\t", "#", "[[", "]]", "|", "[", "]", "{", "}", ",",
        "\"", "'", "\\", "&a ", "*a", "!!str ", "? ", "...", "|\n", ">-\n", "- [ ] ", "- [x] ", "> ", "```", "`", "**",
        "_", "<script>", "</", "&amp;", "&#0;", "\u{FEFF}", "\u{0}", "\u{1B}", "　", "ｶ", "🎌", "\u{301}", "2026-02-30", "9999999999999999999999",
        "-1", "true", "~", "null", "visibility: public\n", "visibility: internal\n", "themes: [", "[[a|b]]", "[[#x]]",
        "(javascript:alert(1))", "![x](", "<!--", "    ", "1. ", "#", "\u{2028}", "%", "../",
    ]

    mutating func random(_ range: Range<Int>) -> Int { range.isEmpty ? range.lowerBound : Int.random(in: range, using: &rng) }

    mutating func nextInput() -> Input {
        let (section, slug, text) = Self.seeds[random(0..<Self.seeds.count)]
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + random(0..<4)) { mutate(&scalars) }
        var bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
        // A few inputs are broken at the byte level, to reach SourceText's checks.
        if random(0..<20) == 0, !bytes.isEmpty {
            for _ in 0..<(1 + random(0..<3)) { bytes[random(0..<bytes.count)] = UInt8(truncatingIfNeeded: random(0..<256)) }
        }
        return Input(section: section, slug: slug, bytes: bytes)
    }

    mutating func mutate(_ s: inout [Unicode.Scalar]) {
        let at = random(0..<(s.count + 1))
        switch random(0..<8) {
        case 0, 1:
            s.insert(contentsOf: Self.tokens[random(0..<Self.tokens.count)].unicodeScalars, at: at)
        case 2:
            if !s.isEmpty { s.removeSubrange(at..<min(s.count, at + 1 + random(0..<12))) }
        case 3:
            if at < s.count { s[at] = Unicode.Scalar(UInt8(random(0x20..<0x7F))) }
        case 4:
            if !s.isEmpty { let from = random(0..<s.count); let piece = s[from..<min(s.count, from + random(1..<40))]; s.insert(contentsOf: piece, at: at) }
        case 5:
            s.insert(contentsOf: Array(repeating: Self.tokens[random(0..<Self.tokens.count)].unicodeScalars, count: random(2..<60)).joined(), at: at)
        case 6:
            let other = Array(Self.seeds[random(0..<Self.seeds.count)].2.unicodeScalars)
            let cut = random(0..<(other.count + 1))
            s = Array(s[..<at]) + Array(other[cut...])
        default:
            if at < s.count { s.removeSubrange(at...) }
        }
    }

    /// Runs `count` inputs in batches; each batch is read, parsed and built into a model together,
    /// so the model builder and link graph see mutants side by side.
    mutating func run(count: Int, batch: Int = 64, report: (String) -> Void) -> NoteFuzzer.Stats {
        var stats = Stats()
        let options = MarkdownOptions()
        while stats.inputs < count {
            var sources: [ParsedSource] = []
            var lineCounts: [String: Int] = [:]
            for n in 0..<min(batch, count - stats.inputs) {
                let input = nextInput()
                stats.inputs += 1
                let path = "content/\(input.section.rawValue)/\(n)-\(input.slug).md"
                lineCounts[path] = input.bytes.reduce(1) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 } + 1
                let file = SourceFile(url: URL(fileURLWithPath: "/nonexistent/" + path), relativePath: path, displayPath: path,
                                      kind: input.section, slug: input.section == .visits ? input.slug : "\(input.slug)\(n == 0 ? "" : "-\(n)")")
                let result: Result<ParsedSource, Diagnostic>
                switch SourceText.decode(Data(input.bytes), displayPath: path) {
                case .success(let text): result = SourceParser.parse(text: text, of: file, options: options)
                case .failure(let d): result = .failure(d)
                }
                switch result {
                case .success(let source):
                    _ = source.markdown.html { .link(href: "x.html", label: $0.label ?? $0.target) }
                    _ = source.markdown.plainText
                    sources.append(source)
                case .failure(let d):
                    stats.errors += 1
                    check(d, lineCounts, report)
                }
            }
            var builder = ModelBuilder(config: SiteConfig())
            let model = builder.build(sources)
            var diagnostics = builder.diagnostics
            let links = LinkGraph.resolve(model, into: &diagnostics)
            for d in diagnostics.items { check(d, lineCounts, report) }
            stats.errors += diagnostics.items.filter { $0.severity == .error }.count
            stats.pages += model.allPages.count
            let index = PublishedSite(model: model, links: links, today: CalendarDate("2026-11-25")!)
            _ = Radar(index)
            _ = Funnel(index)
            for company in model.companies { _ = index.openPromises(of: company); _ = index.referralThreads(of: company) }
            _ = SearchPublisher.documents(index)
        }
        return stats
    }

    private func check(_ d: Diagnostic, _ lineCounts: [String: Int], _ report: (String) -> Void) {
        guard let lines = lineCounts[d.path] else { return report("diagnostic for an unknown file: \(d)") }
        if d.line < 1 || d.column < 1 || d.line > lines { report("diagnostic points outside its file (\(lines) lines): \(d)") }
        if d.message.isEmpty { report("diagnostic without a message: \(d)") }
    }
}
