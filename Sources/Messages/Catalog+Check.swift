extension MessageCatalog {
    /// References between pages and the checks of `densho check`.
    static let check: [MessageID: Texts] = [
        .unknownCompany: Texts(en: "unknown company '{1}'", ja: "企業 '{1}' が見つかりません"),
        .unknownCompanySuggest: Texts(
            en: "unknown company '{1}'; did you mean {2}?", ja: "企業 '{1}' が見つかりません。{2} のことですか？"),
        .unknownPerson: Texts(en: "unknown person '{1}'", ja: "担当者 '{1}' が見つかりません"),
        .unknownPersonSuggest: Texts(
            en: "unknown person '{1}'; did you mean {2}?", ja: "担当者 '{1}' が見つかりません。{2} のことですか？"),
        .unknownPartner: Texts(en: "unknown partner '{1}'", ja: "支援機関 '{1}' が見つかりません"),
        .unknownPartnerSuggest: Texts(
            en: "unknown partner '{1}'; did you mean {2}?", ja: "支援機関 '{1}' が見つかりません。{2} のことですか？"),
        .ownSuccessor: Texts(en: "a person cannot be their own successor", ja: "自分自身を後任にはできません"),
        .linkAmbiguous: Texts(
            en: "link [[{1}]] is ambiguous; write one of {2}",
            ja: "リンク [[{1}]] は複数のページに当てはまります。{2} のどれかで書いてください"),
        .linkNotFound: Texts(en: "link [[{1}]] does not match any page", ja: "リンク [[{1}]] に当てはまるページがありません"),
        .linkNotFoundSuggest: Texts(
            en: "link [[{1}]] does not match any page; did you mean {2}?",
            ja: "リンク [[{1}]] に当てはまるページがありません。{2} のことですか？"),
        .checkNoReflection: Texts(
            en: "no {1} yet, {2} days after the visit; add one with 'densho reflect {3}'",
            ja: "訪問から {2} 日たちましたが「{1}」がまだありません。'densho reflect {3}' で書き足してください"),
        .checkFutureVisit: Texts(
            en: "visit date {1} is after today ({2}); a planned visit belongs in 'next_visit'",
            ja: "訪問日 {1} が今日（{2}）より後です。予定の訪問は 'next_visit' に書きます"),
        .checkThemeWidth: Texts(
            en: "theme '{1}' is not in site.yml's themes; did you mean '{2}' (full-width and half-width forms differ)?",
            ja: "テーマ '{1}' は site.yml の themes にありません。'{2}' のことですか？（全角と半角が違います）"),
        .checkThemeUnknown: Texts(
            en: "theme '{1}' is not in site.yml's themes (add it there, or use one of them)",
            ja: "テーマ '{1}' は site.yml の themes にありません（そこに加えるか、一覧のテーマを使ってください）"),
        .checkThemeSuggest: Texts(
            en: "theme '{1}' is not in site.yml's themes; did you mean {2}?",
            ja: "テーマ '{1}' は site.yml の themes にありません。{2} のことですか？"),
        .checkOrphanLeft: Texts(
            en: "owner '{1}' left on {2} with no successor; set 'successor:' in {3} or a new 'owner' here",
            ja: "担当 '{4}' は {2} に異動・退任し、後任がいません。{3} に 'successor:' を書くか、ここで新しい 'owner' を書いてください"),
        .checkOrphanLeaves: Texts(
            en: "owner '{1}' leaves on {2} with no successor; set 'successor:' in {3} or a new 'owner' here",
            ja: "担当 '{4}' は {2} に異動・退任予定で、後任がいません。{3} に 'successor:' を書くか、ここで新しい 'owner' を書いてください"),
        .checkOrphanLoopLeft: Texts(
            en: "owner '{1}' left on {2} with no successor; successors loop back; set a 'successor:' who is still here or a new 'owner' here",
            ja: "担当 '{4}' は {2} に異動・退任し、後任の連鎖が元に戻っています。在籍中の人を 'successor:' に書くか、ここで新しい 'owner' を書いてください"),
        .checkOrphanLoopLeaves: Texts(
            en: "owner '{1}' leaves on {2} with no successor; successors loop back; set a 'successor:' who is still here or a new 'owner' here",
            ja: "担当 '{4}' は {2} に異動・退任予定で、後任の連鎖が元に戻っています。在籍中の人を 'successor:' に書くか、ここで新しい 'owner' を書いてください"),
        .checkSharedSlug: Texts(
            en: "slug '{1}' is also used by {2}; link to these with [[{3}]] or [[{4}]], since [[{1}]] is ambiguous",
            ja: "スラッグ '{1}' は {2} でも使われています。[[{1}]] ではどちらか決まらないため、[[{3}]] か [[{4}]] と書いてください"),
        .duplicateSlug: Texts(
            en: "duplicate {1} '{2}': {3} has the same slug, and both would become {4}; rename one",
            ja: "{1} '{2}' が重複しています：{3} も同じスラッグで、どちらも {4} になります。どちらかの名前を変えてください"),
        .duplicateSlugFolded: Texts(
            en: "duplicate {1} '{2}': {3} has a slug that differs only in letter case or Unicode form, and both would become {4}; rename one",
            ja: "{1} '{2}' が重複しています：{3} のスラッグとは大文字・小文字か Unicode の形しか違わず、どちらも {4} になります。どちらかの名前を変えてください"),
        .publicVisitNamesInternalCompany: Texts(
            en: "this public visit's file name contains '{1}', the slug of an internal company, and --public would publish it; rename the file (e.g. {2}-public-event.md) or make the company public",
            ja: "この公開の訪問記録のファイル名に非公開の企業のスラッグ '{1}' が含まれ、--public で公開されてしまいます。ファイル名を変える（例: {2}-public-event.md）か、企業を公開にしてください"),
    ]

    /// The command line's own lines around the diagnostics, and `init`, `new`, `reflect`.
    static let authoring: [MessageID: Texts] = [
        .authoringUnknown: Texts(
            en: "unknown {1} '{2}'; closest in {3}/: {4}",
            ja: "{5} '{2}' が見つかりません。{3}/ で近いもの: {4}"),
        .authoringUnknownNone: Texts(
            en: "unknown {1} '{2}': {3}/ has none yet",
            ja: "{4} '{2}' が見つかりません。{3}/ にはまだ一つもありません"),
        .authoringAlreadyReflected: Texts(
            en: "{1} already has '{2}'; edit that one",
            ja: "{1} にはもう '{2}' があります。そちらを書き足してください"),
        .authoringNoSuchFile: Texts(en: "{1}: no such file", ja: "{1}: そのファイルはありません"),
        .authoringNotInVisits: Texts(
            en: "{1} is not a visit note: visit notes live in {2}/visits/<yyyy>/",
            ja: "{1} は訪問記録ではありません。訪問記録は {2}/visits/<yyyy>/ にあります"),
        .authoringNotVisitName: Texts(
            en: "{1} is not a visit note: visit notes are {2}/visits/<yyyy>/<date>-<company>.md",
            ja: "{1} は訪問記録ではありません。訪問記録は {2}/visits/<yyyy>/<日付>-<企業>.md です"),
        .authoringNotVisitFields: Texts(
            en: "{1} is not a visit note: its front matter has no 'date' and 'company'",
            ja: "{1} は訪問記録ではありません。フロントマターに 'date' と 'company' がありません"),
        .authoringNoVisitsYet: Texts(
            en: "{1} has no visit notes yet; write one with 'densho new visit {1}'",
            ja: "{1} の訪問記録はまだありません。'densho new visit {1}' で書き始めてください"),
        .authoringExists: Texts(
            en: "{1} already exists; densho never overwrites a note",
            ja: "{1} はもうあります。densho はノートを上書きしません"),
        .authoringNoContent: Texts(
            en: "no content folder at {1}; run 'densho init DIR' to start a project, or pass --content DIR",
            ja: "{1} に content フォルダがありません。'densho init DIR' でプロジェクトを始めるか、--content DIR を指定してください"),
        .authoringNotEmpty: Texts(
            en: "{1} is not empty; densho init only fills a new or empty folder, so nothing there is overwritten",
            ja: "{1} は空ではありません。densho init は新しいか空のフォルダにだけ書くので、何も上書きしません"),
        .authoringNotTheme: Texts(
            en: "{1} is not a densho theme (it has no templates/ folder); pass --theme DIR",
            ja: "{1} は densho のテーマではありません（templates/ フォルダがありません）。--theme DIR を指定してください"),
        .cliErrorsNothingWritten: Texts(en: "{1} errors; nothing was written", ja: "{1} 件のエラー。何も書き込んでいません"),
        .cliOneErrorNothingWritten: Texts(en: "1 error; nothing was written", ja: "1 件のエラー。何も書き込んでいません"),
        .checkSummary: Texts(en: "{1}, {2} in {3}/", ja: "{3}/ にエラー {4} 件、警告 {5} 件"),
    ]
}
