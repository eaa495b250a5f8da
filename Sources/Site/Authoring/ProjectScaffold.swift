import Messages
import Foundation
import FrontMatter

/// `densho init`: a new project with one example of each kind of note and a copy of the theme,
/// ready for `densho build` inside it.
public enum ProjectScaffold {
    /// Fills `folder` (new or empty) and returns the files written, relative to it.
    @discardableResult
    public static func create(at folder: URL, theme: ThemeFiles, today: CalendarDate, language: SiteConfig.Language = .ja) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AuthoringError("\(folder.path) exists and is not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
            if !entries.isEmpty {
                throw AuthoringError(Message(.authoringNotEmpty, folder.path))
            }
        }
        guard theme.hasTemplates else {
            let shown = if case .folder(let url) = theme.origin { url.path } else { "the built-in theme" }
            throw AuthoringError(Message(.authoringNotTheme, shown))
        }
        var written: [String] = []
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let files = language == .en ? ExampleProject.englishFiles(today: today) : ExampleProject.files(today: today)
            for (relative, text) in files {
                let url = folder.appendingPathComponent(relative)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard try ContentFileWriter.createNew(Data(text.utf8), at: url) else {
                    throw AuthoringError("\(url.path) appeared while densho init was writing; stopped")
                }
                written.append(relative)
            }
            try theme.writeCopy(to: folder.appendingPathComponent("themes/default"))
            written.append("themes/default/")
        } catch let error as AuthoringError {
            throw error
        } catch {
            throw AuthoringError("cannot write the new project in \(folder.path): \(error.localizedDescription)")
        }
        return written
    }
}

/// The example notes of a new project: a fictional city's team, in Japanese, all linked together,
/// so every page of the site has something to show. Dates count from `today` so the example is
/// never overdue or unreflected on the day it is made.
enum ExampleProject {
    static func files(today: CalendarDate) -> [(String, String)] {
        let visitPath = "content/visits/\(today.year)/\(today)-sakura-kogyo.md"
        return [
            (".gitignore", "# densho build の出力（毎回作り直されます）\nsite/\n"),
            ("content/site.yml", """
            # サイト全体の設定
            title: さくら市 伴走支援ノート
            language: ja                # ja | en（サイトの表示言語）
            visit_cadence_days: 90      # この日数より長く訪問していない企業を「要訪問」にする
            themes:                     # テーマの一覧（ここにないテーマは densho check が警告）
              - 知財活用
              - 海外展開
              - 資金繰り
              - 事業承継
              - 関係構築
            reflection_prompts:         # densho reflect が書き足す問い
              - うまくいったこと
              - 次に変えること
              - 後任に引き継ぐべきこと

            """),
            ("content/people/yamada.md", """
            ---
            name: 山田 花子
            role: コーディネーター
            org: さくら市産業振興財団
            joined: 2020-04-01
            ---
            ものづくり企業の伴走支援を担当。担当企業は[[sakura-kogyo]]。

            """),
            ("content/partners/ip-center.md", """
            ---
            name: 知財マッチングセンター
            kind: ip
            ---
            大企業の開放特許と中小企業を結ぶ窓口。

            ## 紹介するとき

            - 製品化の構想があるかを先に聞いておく。

            """),
            ("content/companies/sakura-kogyo.md", """
            ---
            name: 株式会社さくら工業
            kana: さくらこうぎょう
            industry: 金属プレス加工
            location: さくら市中町
            employees: 28
            founded: 1975
            owner: yamada
            since: 2020-06-01
            status: active
            themes: [知財活用, 事業承継]
            contacts:
              - name: 桜井 一郎
                role: 代表取締役
                note: 二代目。朝の訪問を好む。
            ---
            ## 沿革

            1975年創業。自動車部品のプレス加工から、医療機器の部品へ広げている。

            ## 強み

            - 薄板の精密プレスと、短い納期。

            ## 課題

            自社製品を持ちたいが、開発の種がない。[[ip-center]]の開放特許が候補。

            """),
            (visitPath, """
            ---
            date: \(today)
            company: sakura-kogyo
            staff: [yamada]
            kind: visit
            themes: [知財活用]
            referrals:
              - to: ip-center
                status: introduced
                note: 開放特許の候補を2件紹介
            next_visit: \(today.adding(days: 60))
            ---
            ## 聞いたこと

            - 社長「自社製品を一つ持ちたい」。

            ## 見立て

            プレスの技術と開放特許の相性が良い。まず小さな試作から。

            ## 次の一手

            - [ ] 特許の資料を社長に送る @yamada 期限 \(today.adding(days: 14))
            - [x] [[ip-center]]に相談の日程を取る

            ## 振り返り

            社長の関心が強い。次回は試作の費用の話をする。

            """),
            ("content/playbooks/first-visit.md", """
            ---
            title: 初回訪問のてびき
            order: 10
            themes: [関係構築]
            ---
            ## ねらい

            最初の訪問では、助言より先に聞く。[[companies/sakura-kogyo|さくら工業さん]]の記録が例です。

            ## 書き残すこと

            - 聞いたこと、見立て、次の一手、振り返りの四つ。
            - 約束（次の一手のチェック項目）には、誰が（@id）といつまでに（期限 YYYY-MM-DD）を書く。

            """),
        ]
    }
}
