import Foundation
import XCTest

/// Messages speak the site's language unless `--lang` or the user's locale says otherwise.
final class MessageLanguageTests: XCTestCase {
    private func environment(_ lang: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = lang
        return environment
    }

    private func project(language: String) throws -> TemporaryProject {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        if language == "en" {
            try project.write("content/site.yml", "title: Test\nlanguage: en\nvisit_cadence_days: 90\nthemes: [知財活用, 海外展開]\n")
        }
        try project.write("content/visits/2026/2026-10-02-minato-seiki.md", """
        ---
        date：2026-10-02
        company: minato-seiki
        staff: [suzuki]
        ---
        ## 振り返り
        済み。
        """)
        return project
    }

    func testJapaneseSiteSpeaksJapaneseByDefault() throws {
        let project = try project(language: "ja")
        let check = try Densho.run(["check", "--content", project.content.path, "--today", "2026-11-25"],
                                   environment: environment("C.UTF-8"))
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("2026-10-02-minato-seiki.md:2:5: error: 「date」の後のコロンが全角です。全角のコロン「：」を半角「:」に"),
                      check.stdout)
        XCTAssertTrue(check.stderr.contains("エラー 1 件"), check.stderr)

        let build = try Densho.run(["build", "--content", project.content.path, "--output", project.site.path,
                                    "--theme", project.theme.path], environment: environment("ja_JP.UTF-8"))
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains(":2:5: error: 「date」の後のコロンが全角です"), build.stderr)
        XCTAssertTrue(build.stderr.contains("1 件のエラー。何も書き込んでいません"), build.stderr)
    }

    func testLangFlagAndLocaleChooseEnglish() throws {
        let project = try project(language: "ja")
        for (arguments, lang) in [(["--lang", "en"], "ja_JP.UTF-8"), (["--lang=en"], "C.UTF-8"), ([], "en_US.UTF-8")] {
            let check = try Densho.run(["check", "--content", project.content.path] + arguments, environment: environment(lang))
            XCTAssertTrue(check.stdout.contains(":2:5: error: 'date' is followed by a full-width colon '：'"), "\(arguments) \(lang): \(check.stdout)")
            XCTAssertTrue(check.stderr.contains("1 error, 0 warnings"), check.stderr)
        }
        let json = try Densho.run(["check", "--content", project.content.path, "--format", "json", "--lang", "ja"])
        XCTAssertTrue(json.stdout.contains("\"message\":\"「date」の後のコロンが全角です"), json.stdout)
        let bad = try Densho.run(["check", "--lang", "fr"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--lang expects ja or en, not 'fr'"), bad.stderr)
    }

    func testNewAndReflectSpeakTheSiteLanguage() throws {
        let project = try project(language: "ja")
        let unknown = try Densho.run(["new", "visit", "minato-seik"], in: project.root, environment: environment("C.UTF-8"))
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "error: 企業 'minato-seik' が見つかりません。content/companies/ で近いもの: 'minato-seiki'\n")
        let english = try Densho.run(["new", "visit", "minato-seik", "--lang", "en"], in: project.root, environment: environment("C.UTF-8"))
        XCTAssertEqual(english.stderr, "error: unknown company 'minato-seik'; closest in content/companies/: 'minato-seiki'\n")
        let none = try Densho.run(["reflect", "content/visits/2026/ない.md"], in: project.root, environment: environment("ja_JP.UTF-8"))
        XCTAssertEqual(none.stderr, "error: content/visits/2026/ない.md: そのファイルはありません\n")
    }

    func testEnglishSiteSpeaksEnglish() throws {
        let project = try project(language: "en")
        let check = try Densho.run(["check", "--content", project.content.path], environment: environment("C.UTF-8"))
        XCTAssertTrue(check.stdout.contains("'date' is followed by a full-width colon"), check.stdout)
        XCTAssertFalse(check.stdout.contains("全角のコロン"), check.stdout)
    }
}
