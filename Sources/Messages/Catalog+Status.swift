extension MessageCatalog {
    /// What the commands say about their work (summaries, progress, serve and watch): the lines a
    /// person reads while densho runs, in the reader's language like every error.
    static let status: [MessageID: Texts] = [
        .statusBuilt: Texts(
            en: "built {1} pages ({2}) into {3} with {4} in {5} s",
            ja: "{3} に {1} ページを書き出しました（{2}、{4}、{5} 秒）"),
        .statusBuildDetails: Texts(en: "{1} files, {2} KiB, {3} unchanged", ja: "{1} ファイル、{2} KiB、変更なし {3}"),
        .statusPublicOnly: Texts(en: " (public only)", ja: "（公開用のみ）"),
        .statusOneWarning: Texts(en: ", 1 warning", ja: "。警告 1 件"),
        .statusWarnings: Texts(en: ", {1} warnings", ja: "。警告 {1} 件"),
        .statusThemeBuiltIn: Texts(en: "the built-in theme", ja: "組み込みのテーマ"),
        .statusThemeFolder: Texts(en: "theme {1}/", ja: "テーマ {1}/"),
        .statusProgress: Texts(
            en: "{1}… {2} files read, {3} pages written, {4} index shards",
            ja: "{1}… {2} ファイルを読み、{3} ページを書き、索引 {4} 個"),
        .statusStepReading: Texts(en: "reading", ja: "読み込み中"),
        .statusStepRendering: Texts(en: "rendering", ja: "ページ作成中"),
        .statusStepIndexing: Texts(en: "indexing", ja: "索引作成中"),
        .statusServing: Texts(
            en: "serving {1}/ at {2} with live reload (Ctrl-C to stop)",
            ja: "{1}/ を {2} で配信しています。変更するとページが自動で読み込み直されます（Ctrl-C で終了）"),
        .statusNotLoopback: Texts(
            en: "serving on {1}, which is not loopback: anyone who can reach this machine on port {2} can read this site. Leave out --host to serve on 127.0.0.1 only.",
            ja: "{1} で配信しています。ループバックではないので、このマシンのポート {2} に届く人は誰でもこのサイトを読めます。127.0.0.1 だけで配信するには --host を外してください。"),
        .statusNotLoopbackInternal: Texts(
            en: "serving on {1}, which is not loopback: anyone who can reach this machine on port {2} can read this site, and it is an internal site (visit notes, names, referrals). Leave out --host to serve on 127.0.0.1 only.",
            ja: "{1} で配信しています。ループバックではないので、このマシンのポート {2} に届く人は誰でもこのサイトを読めます。これは内部向けのサイトです（訪問記録、氏名、紹介）。127.0.0.1 だけで配信するには --host を外してください。"),
        .statusEditingOff: Texts(
            en: "editing from the browser is off on {1}; add --allow-edits to turn it on",
            ja: "{1} ではブラウザからの編集はできません。できるようにするには --allow-edits を付けます"),
        .statusWatching: Texts(
            en: "watching {1}/ and {2}/ for changes (Ctrl-C to stop)",
            ja: "{1}/ と {2}/ の変更を見ています（Ctrl-C で終了）"),
        .statusChanged: Texts(en: "{1} changed; rebuilding", ja: "{1} が変わったので作り直します"),
        .statusChangedMore: Texts(en: "{1} and {2} more changed; rebuilding", ja: "{1} ほか {2} 件が変わったので作り直します"),
        .statusErrorsKept: Texts(en: "{1} errors; the previous site is kept", ja: "{1} 件のエラー。前のサイトをそのまま使います"),
        .statusOneErrorKept: Texts(en: "1 error; the previous site is kept", ja: "1 件のエラー。前のサイトをそのまま使います"),
        .statusFailedKept: Texts(en: "build failed; the previous site is kept", ja: "ビルドできませんでした。前のサイトをそのまま使います"),
        .statusFailedNothingWritten: Texts(en: "build failed; nothing was written", ja: "ビルドできませんでした。何も書き込んでいません"),
        .statusNewProject: Texts(en: "new project in {1}/", ja: "{1}/ に新しいプロジェクトを作りました"),
        .statusNextBuild: Texts(en: "  densho build    # then open {1}", ja: "  densho build    # そのあと {1} を開きます"),
        .statusNextCdBuild: Texts(
            en: "  cd {1} && densho build    # then open {2}",
            ja: "  cd {1} && densho build    # そのあと {2} を開きます"),
        .statusReflectWaiting: Texts(
            en: "{1}:{2}: {3} already has prompts waiting for answers; nothing added",
            ja: "{1}:{2}: {3} には答えを待っている問いがもうあります。何も足していません"),
        .importWouldWrite: Texts(en: "would write {1}  (row {2})", ja: "書き込む予定: {1}（{2} 行目）"),
        .importDryRun: Texts(
            en: "{1} notes would be written from {2}{3}; nothing was written (--dry-run)",
            ja: "{2} から {1} 件のノートを書き込みます{3}。--dry-run なので何も書き込んでいません"),
        .importDryRunOne: Texts(
            en: "1 note would be written from {2}{3}; nothing was written (--dry-run)",
            ja: "{2} から {1} 件のノートを書き込みます{3}。--dry-run なので何も書き込んでいません"),
        .importWritten: Texts(en: "{1} notes written from {2}{3}", ja: "{2} から {1} 件のノートを書き込みました{3}"),
        .importWrittenOne: Texts(en: "1 note written from {2}{3}", ja: "{2} から {1} 件のノートを書き込みました{3}"),
        .importAlreadyThere: Texts(en: "; {1} already there, left alone", ja: "。{1} 件はすでにあるのでそのまま"),
    ]
}
