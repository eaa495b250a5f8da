extension MessageCatalog {
    /// The forms API of `densho serve`: what a request got wrong, in the site's language.
    static let forms: [MessageID: Texts] = [
        .formBadJSON: Texts(en: "send a JSON object", ja: "JSON のオブジェクトを送ってください"),
        .formCompanyRequired: Texts(en: "choose a company", ja: "企業を選んでください"),
        .formNoteRequired: Texts(
            en: "path (a note in content/visits/) and digest are required",
            ja: "path（content/visits/ の記録）と digest が必要です"),
        .formLineRequired: Texts(en: "line (the promise's line number) is required", ja: "line（約束の行番号）が必要です"),
        .formConflict: Texts(
            en: "This note was changed by someone else after the form was opened. Nothing was written; reload the page and try again.",
            ja: "この記録は、フォームを開いた後に別の人（または別の画面）が変更しました。何も書き込んでいません。ページを読み込み直してから、もう一度入力してください。"),
        .formNotATask: Texts(en: "line {1} is not a task item (- [ ])", ja: "{1} 行目は約束（- [ ] の行）ではありません"),
        .formBadDate: Texts(en: "write the date as YYYY-MM-DD, not '{1}'", ja: "日付は YYYY-MM-DD で書いてください（「{1}」）"),
        .formUnknownSection: Texts(en: "unknown section: {1}", ja: "知らない見出しです: {1}"),
        .formUnknownPrompt: Texts(
            en: "not one of site.yml's reflection_prompts: {1}",
            ja: "site.yml の reflection_prompts にない問いです: {1}"),
        .formAlreadyReflected: Texts(
            en: "'{1}' already exists; edit the file instead",
            ja: "今日の「{1}」はもうあります。ファイルを直接編集してください"),
    ]
}
