import Seeded
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A build killed with SIGKILL at any moment leaves the previous `site/` exactly as it was, and the
/// next build cleans up whatever the killed one left behind.
final class CrashSafetyTests: XCTestCase {
    /// A project big enough that a build takes a while, so kills land in every step of it.
    func writeBigProject(_ project: TemporaryProject, companies: Int = 100, visits: Int = 800, renamed: Bool) throws {
        try project.write("content/site.yml", "title: 耐障害テスト市\nlanguage: ja\nthemes: [知財活用, 海外展開, 資金繰り]\n")
        for p in 0..<12 { try project.write("content/people/p\(p).md", "---\nname: 職員 \(p)号\nrole: コーディネーター\n---\n") }
        for p in 0..<6 { try project.write("content/partners/partner\(p).md", "---\nname: 支援機関\(p)\nkind: ip\n---\n") }
        for c in 0..<companies {
            let name = c == 0 && renamed ? "株式会社改名後" : "株式会社テスト\(c)"
            try project.write("content/companies/c\(c).md", "---\nname: \(name)\nowner: p\(c % 12)\nthemes: [知財活用]\n---\n## 沿革\n会社\(c)の歴史。[[partner\(c % 6)]]\n")
        }
        for v in 0..<visits {
            let day = v % 28 + 1, month = v / 28 % 12 + 1, year = 2020 + v % 7
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            try project.write("content/visits/\(year)/\(date)-c\(v % companies)-\(v).md", """
            ---
            date: \(date)
            company: c\(v % companies)
            staff: [p\(v % 12)]
            themes: [\(["知財活用", "海外展開", "資金繰り"][v % 3])]
            referrals:
              - to: partner\(v % 6)
                status: \(["proposed", "introduced", "contracted", "productized"][v % 4])
            ---
            ## 聞いたこと
            訪問\(v)で聞いた話。新製品の種、開放特許、海外の展示会。ｶﾀｶﾅも全角ＡＢＣも混ざる。
            ## 見立て
            見立て\(v)。[[c\(v % companies)]]の強みは試作の速さ。
            ## 次の一手
            - [ ] 約束\(v % 50)
            ## 振り返り
            振り返り\(v)。
            """)
        }
    }

    func testSIGKILLAtRandomMomentsNeverHarmsThePreviousSite() throws {
        let project = try TemporaryProject()
        try writeBigProject(project, renamed: false)
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["DENSHO_KILL_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max)
        let kills = environment["DENSHO_KILL_COUNT"].flatMap(Int.init) ?? 20
        print("densho kill test: seed \(seed), \(kills) kills")
        var rng = SeededRandom(seed: seed)

        // The two sites a kill may leave: the previous one, or the new one when the build won the race.
        XCTAssertEqual(try project.build().status, 0)
        let before = try siteFiles(project.site)
        try writeBigProject(project, renamed: true)
        let otherOutput = project.root.appendingPathComponent("reference")
        XCTAssertEqual(try Densho.run(buildArguments(project, output: otherOutput)).status, 0)
        let after = try siteFiles(otherOutput)
        try FileManager.default.removeItem(at: otherOutput)
        // Time a build like the ones killed below — over a copy of the previous site, so unchanged
        // files are reused as they will be — and kill within that time: a faster densho must not
        // make the kills land after the build has ended.
        let probe = project.root.appendingPathComponent("probe")
        try FileManager.default.copyItem(at: project.site, to: probe)
        let started = Date()
        XCTAssertEqual(try Densho.run(buildArguments(project, output: probe)).status, 0)
        let buildSeconds = Date().timeIntervalSince(started)
        try FileManager.default.removeItem(at: probe)
        XCTAssertNotEqual(before, after, "the two contents give different sites, so a mixed site would be seen")
        XCTAssertNotNil(before["index.html"])

        var killedMidway = 0
        for round in 0..<kills {
            let delay = Double.random(in: 0...(buildSeconds * 0.9), using: &rng)
            let process = Process()
            process.executableURL = Densho.executable
            process.arguments = buildArguments(project, output: project.site)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1_000_000))
            let stillRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if stillRunning { killedMidway += 1 }

            let now = try siteFiles(project.site)
            XCTAssertTrue(now == before || now == after,
                          "round \(round) (delay \(delay) s, seed \(seed)): site/ is neither the previous nor the new site; \(difference(now, before))")
        }
        XCTAssertGreaterThan(killedMidway, kills / 3, "most kills land while the build is running")

        // The next build finishes, cleans what the killed ones left, and gives the new site.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.densho-") }
        let result = try project.build()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try siteFiles(project.site), after)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.densho-") }, [],
                       "staging folders of killed builds (\(leftovers.count) were left) are removed by the next build")
    }

    func buildArguments(_ project: TemporaryProject, output: URL) -> [String] {
        ["build", "--content", project.content.path, "--output", output.path, "--theme", project.theme.path, "--today", "2026-11-25"]
    }

    func difference(_ a: [String: Data], _ b: [String: Data]) -> String {
        let missing = Set(b.keys).subtracting(a.keys).sorted().prefix(5)
        let extra = Set(a.keys).subtracting(b.keys).sorted().prefix(5)
        let changed = a.keys.filter { b[$0] != nil && b[$0] != a[$0] }.sorted().prefix(5)
        return "missing \(Array(missing)), extra \(Array(extra)), changed \(Array(changed))"
    }
}
