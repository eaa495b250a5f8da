extension MessageCatalog {
    /// Reading content files and the fields of their front matter.
    static let content: [MessageID: Texts] = [
        .fieldNotMapping: Texts(
            en: "front matter must be a mapping of `key: value` lines",
            ja: "フロントマターは `キー: 値` の行で書きます"),
        .fieldMissing: Texts(en: "missing required field '{1}'", ja: "必須の項目 '{1}' がありません"),
        .fieldNotText: Texts(
            en: "'{1}' must be text, not a list or mapping",
            ja: "'{1}' は文字で書きます（リストやマッピングにはできません）"),
        .fieldEmpty: Texts(en: "'{1}' must not be empty", ja: "'{1}' が空です"),
        .fieldNotSingleID: Texts(
            en: "'{1}' must be a single id, not a list or mapping",
            ja: "'{1}' には ID を一つだけ書きます（リストやマッピングにはできません）"),
        .fieldNotWholeNumber: Texts(en: "'{1}' must be a whole number", ja: "'{1}' は整数で書きます"),
        .fieldOutOfRange: Texts(en: "'{1}' must be between {2} and {3}", ja: "'{1}' は {2}〜{3} の範囲で書きます"),
        .fieldNotBool: Texts(en: "'{1}' must be true or false", ja: "'{1}' は true か false で書きます"),
        .fieldNotDate: Texts(
            en: "'{1}' must be a date written YYYY-MM-DD",
            ja: "'{1}' は日付を YYYY-MM-DD の形で書きます（例: 2026-10-14）"),
        .fieldDateHint: Texts(
            en: "'{1}' must be a date written YYYY-MM-DD: write {3} instead of '{2}'",
            ja: "'{1}' の日付は YYYY-MM-DD の形で書きます：'{2}' ではなく {3} と書いてください"),
        .fieldNotOneOf: Texts(
            en: "'{1}' must be one of {2}, not '{3}'",
            ja: "'{1}' は {4} のどれかで書きます（'{3}' は使えません）"),
        .fieldNotList: Texts(en: "'{1}' must be a list", ja: "'{1}' はリストで書きます"),
        .fieldItemNotText: Texts(en: "each item of '{1}' must be text", ja: "'{1}' の各項目は文字で書きます"),
        .fieldNotRecords: Texts(
            en: "'{1}' must be a list of entries (lines starting with '- ')",
            ja: "'{1}' は '- ' で始まる行のリストで書きます"),
        .fieldItemNotMapping: Texts(
            en: "each item of '{1}' must be a mapping of `key: value` lines",
            ja: "'{1}' の各項目は `キー: 値` の行で書きます"),
        .contactUntilBeforeSince: Texts(
            en: "'until' ({1}) is before 'since' ({2})", ja: "'until'（{1}）が 'since'（{2}）より前です"),
        .contactEmailMalformed: Texts(
            en: "'email' does not look like an address (name@example.jp): '{1}'",
            ja: "'email' がメールアドレスの形ではありません（name@example.jp）: '{1}'"),
        .contactEmailFullWidthAt: Texts(
            en: "'email' does not look like an address (name@example.jp): '{1}'; the ＠ is full-width, write @",
            ja: "'email' がメールアドレスの形ではありません（name@example.jp）: '{1}'。全角の ＠ を半角の @ にしてください"),
        .draftLeftOut: Texts(
            en: "draft: left out of every build ('densho build --drafts' includes it; a --public build never does)",
            ja: "下書き（draft）: どのビルドにも含まれません（'densho build --drafts' で含めます。--public には決して含まれません）"),
        .fieldUnknown: Texts(en: "unknown field '{1}' is ignored", ja: "項目 '{1}' は densho の項目ではないため無視されます"),
        .fileUnreadable: Texts(en: "cannot read the file", ja: "ファイルを読めません"),
        .fileTooLarge: Texts(en: "file is {1} bytes; the limit is {2}", ja: "ファイルが {1} バイトあります。上限は {2} バイトです"),
        .fileHasNUL: Texts(
            en: "the file contains a NUL byte; is it a text file?",
            ja: "ファイルに NUL バイトがあります。テキストファイルですか？"),
        .fileNotUTF8: Texts(
            en: "the file is not valid UTF-8 (byte 0x{1}); save it as UTF-8",
            ja: "ファイルが UTF-8 ではありません（バイト 0x{1}）。UTF-8 で保存し直してください"),
        .contentFolderMissing: Texts(
            en: "content folder not found or not readable",
            ja: "content フォルダが見つからないか、読めません"),
        .contentFolderUnknown: Texts(
            en: "unknown content folder '{1}' is ignored (expected one of: {2})",
            ja: "フォルダ '{1}' は densho のフォルダではないため無視されます（{2} のどれか）"),
        .visitNeedsYearFolder: Texts(
            en: "a visit belongs in a year folder: visits/<yyyy>/{1}",
            ja: "訪問記録は年のフォルダに置きます：visits/<yyyy>/{1}"),
        .visitYearFolderName: Texts(
            en: "visit folders are named by year (yyyy), not '{1}'",
            ja: "訪問記録のフォルダ名は年（yyyy）です。'{1}' ではありません"),
        .subfoldersIgnored: Texts(
            en: "sub-folders are not read here; move the notes up into {1}/",
            ja: "ここのサブフォルダは読まれません。ノートを {1}/ に移してください"),
        .fileNameNotAddress: Texts(
            en: "file name cannot become a page address: {1}",
            ja: "このファイル名はページのアドレスにできません：{1}"),
        .symlinkOutside: Texts(
            en: "symbolic link points outside the content folder; refused",
            ja: "シンボリックリンクが content フォルダの外を指しているため読みません"),
        .visitFileNameDate: Texts(
            en: "file name should start with the visit's date {1} (visits/{2}/{1}-<company>.md)",
            ja: "ファイル名は訪問日 {1} で始めます（visits/{2}/{1}-<企業>.md）"),
        .visitYearMismatch: Texts(
            en: "a visit of {1} belongs in visits/{1}/",
            ja: "{1} 年の訪問記録は visits/{1}/ に置きます"),
        .attachmentMissing: Texts(
            en: "file '{1}' not found (looked for {2} and in {3}/)",
            ja: "ファイル '{1}' がありません（{2} と {3}/ の中を探しました）"),
        .attachmentOutside: Texts(
            en: "'{1}' points outside the content folder; attachments live beside the note or in its folder",
            ja: "'{1}' は content フォルダの外を指しています。添付ファイルはノートの横か、ノートと同じ名前のフォルダに置きます"),
        .attachmentType: Texts(
            en: "'{1}' is not copied into the site: .{2} files are not attachments (photos, PDFs, office documents, archives are)",
            ja: "'{1}' はサイトにコピーされません：.{2} のファイルは添付にできません（写真・PDF・Office 文書・zip などが使えます）"),
        .attachmentTypeSkipped: Texts(
            en: ".{1} files are not attachments and are not copied into the site",
            ja: ".{1} のファイルは添付にできないため、サイトにコピーされません"),
    ]
}
