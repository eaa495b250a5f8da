import Foundation
import XCTest

/// The lines densho prints about its own work (build summary, serve, watch, init, import) speak
/// the reader's language like its errors: Japanese on a Japanese site, English with `--lang en`
/// or on an English site.
final class StatusLineLanguageTests: XCTestCase {
    private var running: [DenshoProcess] = []

    override func tearDown() {
        for process in running { process.stop() }
        running = []
    }

    /// A server's locale: names no language, so the site's decides.
    private let neutral = ["LANG": "C.UTF-8"]

    private func neutralEnvironment() -> [String: String] {
        Densho.englishEnvironment.merging(neutral) { $1 }
    }

    func testBuildSummaryIsJapaneseOnAJapaneseSiteAndEnglishWithLangEn() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let arguments = ["build", "--content", "content", "--output", "site", "--today", "2026-11-25"]
        let japanese = try Densho.run(arguments, in: project.root, environment: neutralEnvironment())
        XCTAssertEqual(japanese.status, 0, japanese.stderr)
        XCTAssertTrue(japanese.stdout.hasPrefix("densho: site/ に "), japanese.stdout)
        XCTAssertTrue(japanese.stdout.contains(" ページを書き出しました（"), japanese.stdout)
        XCTAssertTrue(japanese.stdout.contains("組み込みのテーマ"), japanese.stdout)
        XCTAssertFalse(japanese.stdout.contains("built"), japanese.stdout)

        let english = try Densho.run(arguments + ["--lang", "en"], in: project.root, environment: neutralEnvironment())
        XCTAssertTrue(english.stdout.hasPrefix("densho: built "), english.stdout)
        XCTAssertTrue(english.stdout.contains(" unchanged) into site/ with the built-in theme in "), english.stdout)

        let publicBuild = try Densho.run(["build", "--public", "--content", "content", "--today", "2026-11-25"],
                                         in: project.root, environment: neutralEnvironment())
        XCTAssertTrue(publicBuild.stdout.contains("public/（公開用のみ） に "), publicBuild.stdout)
    }

    /// A refusal about the output folder (not about a place in the content) is in the reader's language too.
    func testOutputFolderRefusalIsJapaneseOnAJapaneseSiteAndEnglishWithLangEn() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("site/大事なメモ.txt", "人が書いたファイル")
        let arguments = ["build", "--content", "content", "--output", "site", "--today", "2026-11-25"]
        let japanese = try Densho.run(arguments, in: project.root, environment: neutralEnvironment())
        XCTAssertEqual(japanese.status, 1, japanese.stderr)
        XCTAssertTrue(japanese.stderr.contains("error: "), japanese.stderr)
        XCTAssertTrue(japanese.stderr.contains("は densho が作ったフォルダではなく（.densho-site がありません）、空でもないので置き換えません。"), japanese.stderr)
        XCTAssertFalse(japanese.stderr.contains("refusing"), japanese.stderr)

        let english = try Densho.run(arguments + ["--lang", "en"], in: project.root, environment: neutralEnvironment())
        XCTAssertEqual(english.status, 1, english.stderr)
        XCTAssertTrue(english.stderr.contains("was not made by densho (no .densho-site file) and is not empty; refusing to replace it."), english.stderr)
        XCTAssertEqual(try String(contentsOf: project.root.appendingPathComponent("site/大事なメモ.txt"), encoding: .utf8), "人が書いたファイル",
                       "the person's file is untouched")
    }

    /// A mistyped command or option is told in the reader's language, with the help to read.
    func testUsageErrorsSpeakTheReadersLanguage() throws {
        let project = try TemporaryProject()
        let japaneseLocale = Densho.englishEnvironment.merging(["LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]) { $1 }
        let typo = try Densho.run(["buidl"], in: project.root, environment: japaneseLocale)
        XCTAssertEqual(typo.status, 2, typo.stderr)
        XCTAssertEqual(typo.stderr, "error: 'buidl' というコマンドはありません。'build' のことですか？\n使い方は 'densho --help' で見られます。\n")
        let option = try Densho.run(["build", "--otput", "x"], in: project.root, environment: japaneseLocale)
        XCTAssertEqual(option.stderr, "error: 'build' に --otput というオプションはありません。'--output' のことですか？\n使い方は 'densho help build' で見られます。\n")
        let date = try Densho.run(["new", "visit", "minato", "--date", "2026/12/01"], in: project.root, environment: japaneseLocale)
        XCTAssertTrue(date.stderr.hasPrefix("error: --date には日付を YYYY-MM-DD で書きます（'2026/12/01' ではなく）\n"), date.stderr)

        let english = try Densho.run(["build", "--otput", "x"], in: project.root, environment: neutralEnvironment().merging(["LANG": "en_US.UTF-8"]) { $1 })
        XCTAssertEqual(english.stderr, "error: unknown option --otput for 'build'; did you mean '--output'?\nRun 'densho help build' for usage.\n")
    }

    func testServeAndWatchSpeakTheSitesLanguage() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let serve = try DenshoProcess(["serve", "--port", "0", "--content", "content", "--output", "site", "--today", "2026-11-25"],
                                      in: project.root, environment: neutral)
        running.append(serve)
        let port = try XCTUnwrap(serve.waitForPort(), serve.stdout + serve.stderr)
        XCTAssertTrue(serve.stdout.contains("densho: site/ を http://127.0.0.1:\(port)/ で配信しています。"), serve.stdout)
        serve.stop()

        let watch = try DenshoProcess(["build", "--watch", "--content", "content", "--output", "site2", "--today", "2026-11-25"],
                                      in: project.root, environment: neutral)
        running.append(watch)
        XCTAssertTrue(watch.waitFor(timeout: 30) { out, _ in out.contains("densho: content/ と themes/default/ の変更を見ています（Ctrl-C で終了）") },
                      watch.stdout + watch.stderr)
        try project.write("content/people/yamada.md", "---\nname: 山田　太郎\n---\n")
        XCTAssertTrue(watch.waitFor(timeout: 30) { out, _ in out.contains("densho: content/people/yamada.md が変わったので作り直します") },
                      watch.stdout + watch.stderr)
        try project.write("content/people/broken.md", "---\nname：壊れた\n---\n")
        XCTAssertTrue(watch.waitFor(timeout: 30) { _, err in err.contains("densho: 1 件のエラー。前のサイトをそのまま使います") },
                      watch.stdout + watch.stderr)
    }

    func testAnEnglishSiteServesInEnglishWhateverTheServersLocale() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/site.yml", "title: Minato City\nlanguage: en\nthemes: [知財活用, 海外展開]\n")
        let serve = try DenshoProcess(["serve", "--port", "0", "--content", "content", "--output", "site", "--today", "2026-11-25"],
                                      in: project.root, environment: neutral)
        running.append(serve)
        let port = try XCTUnwrap(serve.waitForPort(), serve.stdout + serve.stderr)
        XCTAssertTrue(serve.stdout.contains("densho: serving site/ at http://127.0.0.1:\(port)/ with live reload (Ctrl-C to stop)"), serve.stdout)
        XCTAssertTrue(serve.stdout.contains("densho: built "), serve.stdout)
    }

    /// `new visit` takes the staff from the company's owner; an owner who names nobody is an error
    /// located in the company page, in the reader's language, and no note is written.
    func testNewVisitLocatesAnOwnerWhoNamesNobody() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/companies/kamome.md", "---\nname: 有限会社かもめ金型\nowner: tanka\n---\n")
        let result = try Densho.run(["new", "visit", "kamome", "--date", "2026-11-20"], in: project.root, environment: neutralEnvironment())
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, """
        content/companies/kamome.md:3:8: error: 担当者 'tanka' が見つかりません。content/people/ で近いもの: 'tanaka', 'suzuki'
        densho: 1 件のエラー。何も書き込んでいません

        """)
        XCTAssertFalse(project.exists("content/visits/2026/2026-11-20-kamome.md"))
        let chosen = try Densho.run(["new", "visit", "kamome", "--date", "2026-11-20", "--staff", "suzuki"], in: project.root,
                                    environment: neutralEnvironment())
        XCTAssertEqual(chosen.status, 0, "with --staff the owner is not needed: \(chosen.stderr)")
    }

    func testInitAndImportSayWhatTheyDidInJapanese() throws {
        let folder = try TemporaryProject()
        let made = try Densho.run(["init", "新しい事業所", "--today", "2026-11-25"], in: folder.root, environment: neutralEnvironment())
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stdout, """
        densho: 新しい事業所/ に新しいプロジェクトを作りました
          cd 新しい事業所 && densho build    # そのあと site/index.html を開きます

        """)
        let project = folder.root.appendingPathComponent("新しい事業所")
        let company = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("content/companies").path).first)
        try Data("日付,企業,聞いたこと\n2026/11/20,\(company.dropLast(3)),ＥＣサイトを始めたい\n".utf8)
            .write(to: project.appendingPathComponent("visits.csv"))
        let dry = try Densho.run(["import", "visits", "visits.csv", "--dry-run"], in: project, environment: neutralEnvironment())
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("書き込む予定: content/visits/2026/2026-11-20-\(company)（2 行目）"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("densho: visits.csv (UTF-8) から 1 件のノートを書き込みます。--dry-run なので何も書き込んでいません"), dry.stdout)
    }
}
