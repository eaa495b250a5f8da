extension MessageCatalog {
    /// `densho import`: what a cell of the spreadsheet got wrong.
    static let importing: [MessageID: Texts] = [
        .importReferralUnclosed: Texts(
            en: "'{1}': write a referral as the partner with its status in brackets after it, e.g. {2}",
            ja: "「{1}」が読めません。紹介先の後に、括弧で状況を書きます（例: {2}）"),
        .importReferralStatus: Texts(
            en: "'{1}' is not a referral status; write one of {2} in the brackets, e.g. {3}",
            ja: "「{1}」は紹介の状況として読めません。括弧の中は {4} のどれかで書きます（例: {5}）"),
    ]
}

extension MessageCatalog {
    /// `densho import`: the file, its header row and its rows.
    static let importRows: [MessageID: Texts] = [
        .importEmptyFile: Texts(
            en: "the file is empty: the first row must name the columns",
            ja: "ファイルが空です。1 行目に列の名前を書いてください"),
        .importBadBOM: Texts(
            en: "the file starts like UTF-8 (a byte-order mark) but is not valid UTF-8",
            ja: "UTF-8 の印（BOM）で始まっていますが、UTF-8 として読めません"),
        .importUnknownEncoding: Texts(
            en: "the file is neither UTF-8 nor CP932 (Shift_JIS); save it from Excel as \"CSV UTF-8\" or \"CSV\"",
            ja: "UTF-8 でも CP932（Shift_JIS）でもありません。Excel で「CSV UTF-8」か「CSV」として保存してください"),
        .importStrayQuote: Texts(
            en: "a quote (\") inside a field that is not quoted; write the whole field in quotes and double the quote (\"\")",
            ja: "\" で囲まれていない欄に \" があります。欄全体を \" で囲み、中の \" は \"\" と重ねてください"),
        .importAfterClosingQuote: Texts(en: "text after the closing quote of a quoted field", ja: "閉じる \" の後に文字があります"),
        .importUnclosedQuote: Texts(
            en: "this quoted field is never closed (a missing \")",
            ja: "\" で始まるこの欄が閉じられていません（\" が足りません）"),
        .importUnknownColumn: Texts(en: "unknown column '{1}'; the columns are: {2}", ja: "「{1}」という列は読めません。使える列: {2}"),
        .importColumnTwice: Texts(en: "column '{1}' is given twice", ja: "「{1}」の列が二つあります"),
        .importInNote: Texts(en: " (in {1}, which this row would write)", ja: "（この行が書くノートの {1}）"),
        .importAppeared: Texts(
            en: "{1} appeared while importing and was left alone; import again to write the rest",
            ja: "{1} が取り込みの途中で現れたので、そのままにしました。残りはもう一度取り込むと書かれます"),
        .importDateMissing: Texts(en: "the date is missing", ja: "日付がありません"),
        .importCompanyMissing: Texts(en: "the company is missing", ja: "企業がありません"),
        .importIDMissing: Texts(
            en: "the id is missing (the company page's file name, e.g. minato-seiki)",
            ja: "id（企業ページのファイル名。例: minato-seiki）がありません"),
        .importNameMissing: Texts(en: "the company name is missing", ja: "企業名がありません"),
        .importCompanyDiffers: Texts(
            en: "{1} already exists and differs from this row; densho never overwrites a note",
            ja: "{1} はすでにあり、この行と内容が違います。densho はノートを上書きしません"),
        .importNotADate: Texts(
            en: "'{1}' is not a date; write 2026-10-14, 2026/10/14 or {2}",
            ja: "「{1}」は日付として読めません。2026-10-14、2026/10/14、{2} のどれかで書いてください"),
        .importSeveralNamed: Texts(
            en: "'{1}' is the name of several {2} pages ({3}); write the id",
            ja: "「{1}」という名前の{5}が複数あります（{4}）。id で書いてください"),
        .importUnknownNamed: Texts(
            en: "unknown {2} '{1}'; closest in {3}/: {4}",
            ja: "「{1}」という{5}はありません。{3}/ の近いもの: {4}"),
        .importUnknownNamedNone: Texts(
            en: "unknown {2} '{1}': {3}/ has none yet",
            ja: "「{1}」という{5}はありません（{3}/ にまだありません）"),
    ]
}
