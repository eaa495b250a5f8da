import XCTest
@testable import FrontMatter

final class FrontMatterSplitTests: XCTestCase {
    func testNoFrontMatter() throws {
        let split = try FrontMatter.split("# 見出し\n---\n本文\n")
        XCTAssertNil(split.yaml)
        XCTAssertEqual(split.body, "# 見出し\n---\n本文\n")
        XCTAssertEqual(split.bodyFirstLine, 1)
        XCTAssertNil(try FrontMatter.split("").yaml)
        XCTAssertNil(try FrontMatter.split("--- x\na: 1\n---\n").yaml)
        XCTAssertNil(try FrontMatter.split("----\na: 1\n---\n").yaml)
    }

    func testBasicSplit() throws {
        let split = try FrontMatter.split("---\ntitle: 初回訪問のてびき\norder: 10\n---\n# 本文\n\nテキスト\n")
        XCTAssertEqual(split.yaml, "title: 初回訪問のてびき\norder: 10\n")
        XCTAssertEqual(split.yamlFirstLine, 2)
        XCTAssertEqual(split.body, "# 本文\n\nテキスト\n")
        XCTAssertEqual(split.bodyFirstLine, 5)
    }

    func testFencesAllowTrailingSpacesAndTheBodyMayBeEmpty() throws {
        let split = try FrontMatter.split("---  \na: 1\n--- \t")
        XCTAssertEqual(split.yaml, "a: 1\n")
        XCTAssertEqual(split.body, "")
        XCTAssertEqual(split.bodyFirstLine, 4)
        let empty = try FrontMatter.split("---\n---\nbody")
        XCTAssertEqual(empty.yaml, "")
        XCTAssertEqual(empty.body, "body")
        XCTAssertEqual(empty.bodyFirstLine, 3)
        XCTAssertEqual(try YAML.parse(empty.yaml ?? "x"), YAMLNode(value: .mapping([]), location: loc(1, 1)))
    }

    func testUnclosedFrontMatterIsAnErrorAtTheStart() {
        for text in ["---\na: 1\n", "---", "---\n", "---\na: 1\n----\n"] {
            XCTAssertThrowsError(try FrontMatter.split(text), text.debugDescription) { error in
                XCTAssertEqual(error as? YAMLError,
                               YAMLError(message: "front matter starting here never closes (expected a line '---')",
                                         location: loc(1, 1)))
            }
        }
    }

    func testCRLFAndLoneCRAndByteOrderMark() throws {
        for text in ["\u{FEFF}---\r\na: 1\r\nb: x\r\n---\r\n本文\r\n次\r\n",
                     "---\ra: 1\rb: x\r---\r本文\r次\r",
                     "\u{FEFF}---\na: 1\nb: x\n---\n本文\n次\n"] {
            let split = try FrontMatter.split(text)
            XCTAssertEqual(split.yaml, "a: 1\nb: x\n")
            XCTAssertEqual(split.body, "本文\n次\n")
            XCTAssertEqual(split.bodyFirstLine, 5)
            let (node, _) = try FrontMatter.parse(text)
            XCTAssertEqual(node.entries?[1].keyLocation, loc(3, 1))
        }
        XCTAssertEqual(try FrontMatter.split("\u{FEFF}本文").body, "本文")
        XCTAssertEqual(try FrontMatter.split("本文\r次\r\n").body, "本文\n次\n")
    }

    func testYAMLParseItselfAcceptsCRLFAndBOM() {
        assertTree("\u{FEFF}a: 1\r\nb:\r\n  - x\r\n", .map([("a", .int(1)), ("b", .seq([.string("x")]))]))
        assertError("a: 1\r\nb: &x\r\n", at: loc(2, 4))
        assertError("a: 1\rb: &x\r", at: loc(2, 4))
        assertError("\u{FEFF}a: &x", at: loc(1, 4))
    }

    func testErrorsInsideFrontMatterNameTheFileLine() {
        let file = "---\ndate: 2026-10-14\ncompany: marumaru-seiki\nnext_visit: 2026-02-30\n---\nbody\n"
        XCTAssertThrowsError(try FrontMatter.parse(file)) { error in
            XCTAssertEqual((error as? YAMLError)?.location, loc(4, 13))
        }
        let crlf = "---\r\nname: a\r\nname: b\r\n---\r\n"
        XCTAssertThrowsError(try FrontMatter.parse(crlf)) { error in
            XCTAssertEqual((error as? YAMLError)?.location, loc(3, 1))
            XCTAssertEqual((error as? YAMLError)?.description.hasPrefix("3:1: duplicate key 'name'"), true)
        }
    }

    func testCompanyFromTheProductBrief() throws {
        let file = """
            ---
            name: 株式会社〇〇精機
            kana: まるまるせいき
            industry: 精密機械加工
            location: 〇〇市高津区
            employees: 35
            founded: 1968
            owner: tanaka            # person id of the staff member who holds the relationship (担当)
            since: 2019-04-01        # relationship began
            cadence_days: 60         # optional override of visit_cadence_days
            status: active           # active | dormant | closed
            themes: [知財活用, 海外展開]
            contacts:                # the faces (顔の見える関係)
              - name: 山田 太郎
                role: 代表取締役
                note: 二代目。試作の速さが強み。
            ---
            Body: history, strengths, challenges, and why this relationship matters.

            """
        let (node, split) = try FrontMatter.parse(file)
        XCTAssertEqual(node.plain, .map([
            ("name", .string("株式会社〇〇精機")), ("kana", .string("まるまるせいき")),
            ("industry", .string("精密機械加工")), ("location", .string("〇〇市高津区")),
            ("employees", .int(35)), ("founded", .int(1968)), ("owner", .string("tanaka")),
            ("since", .date("2019-04-01")), ("cadence_days", .int(60)), ("status", .string("active")),
            ("themes", .seq([.string("知財活用"), .string("海外展開")])),
            ("contacts", .seq([.map([
                ("name", .string("山田 太郎")), ("role", .string("代表取締役")), ("note", .string("二代目。試作の速さが強み。")),
            ])])),
        ]))
        XCTAssertEqual(node["owner"]?.location, loc(8, 8))
        XCTAssertEqual(node["contacts"]?.items?[0]["note"]?.location, loc(16, 11))
        XCTAssertEqual(split.body, "Body: history, strengths, challenges, and why this relationship matters.\n")
        XCTAssertEqual(split.bodyFirstLine, 18)
    }

    func testVisitFromTheProductBrief() throws {
        let file = """
            ---
            date: 2026-10-14
            company: marumaru-seiki  # company slug
            staff: [tanaka, suzuki]  # person ids
            kind: visit              # visit | call | event | matching
            themes: [知財活用]
            referrals:               # the hub-and-spoke triage
              - to: ip-coordinator   # partner id
                status: introduced   # proposed | introduced | in_progress | contracted | productized | declined | closed
                note: 開放特許の候補を3件紹介
            next_visit: 2026-12-01   # optional
            ---
            ## 聞いたこと
            ## 次の一手
            - [ ] 特許資料を送る
            """
        let (node, split) = try FrontMatter.parse(file)
        XCTAssertEqual(node.plain, .map([
            ("date", .date("2026-10-14")), ("company", .string("marumaru-seiki")),
            ("staff", .seq([.string("tanaka"), .string("suzuki")])), ("kind", .string("visit")),
            ("themes", .seq([.string("知財活用")])),
            ("referrals", .seq([.map([
                ("to", .string("ip-coordinator")), ("status", .string("introduced")), ("note", .string("開放特許の候補を3件紹介")),
            ])])),
            ("next_visit", .date("2026-12-01")),
        ]))
        XCTAssertEqual(node["next_visit"]?.dateValue, CalendarDate("2026-10-14")?.adding(days: 48))
        XCTAssertEqual(split.bodyFirstLine, 13)
        XCTAssertTrue(split.body.hasPrefix("## 聞いたこと\n"))
    }

    func testSiteSettingsWithoutFences() throws {
        let node = try YAML.parse("""
            title: 〇〇市 伴走支援ノート
            language: ja              # ja | en — UI strings of the site
            visit_cadence_days: 90    # default: a company not visited for this long is overdue
            themes:                   # optional controlled vocabulary; unknown themes are a `check` warning
              - 知財活用
              - 海外展開
              - 資金繰り
            """)
        XCTAssertEqual(node["title"]?.stringValue, "〇〇市 伴走支援ノート")
        XCTAssertEqual(node["visit_cadence_days"]?.intValue, 90)
        XCTAssertEqual(node["themes"]?.items?.compactMap(\.stringValue), ["知財活用", "海外展開", "資金繰り"])
    }

    func testPersonAndPlaybook() throws {
        let person = try FrontMatter.parse("---\nname: 田中 花子\nrole: コーディネーター\njoined: 2018-04-01\nleft: 2026-03-31\nsuccessor: suzuki\nvisibility: internal\n---\n").frontMatter
        XCTAssertEqual(person["left"]?.dateValue?.description, "2026-03-31")
        XCTAssertEqual(person["successor"]?.stringValue, "suzuki")
        let playbook = try FrontMatter.parse("---\ntitle: 初回訪問のてびき\norder: 10\nthemes: [関係構築]\nvisibility: public\n---\n本文").frontMatter
        XCTAssertEqual(playbook["order"]?.intValue, 10)
        XCTAssertEqual(playbook["visibility"]?.stringValue, "public")
    }
}
