extension MessageCatalog {
    /// Files that are not regular files or not UTF-8 names, lists too long for one note, control
    /// characters from escapes, leftovers of interrupted runs.
    static let reliability: [MessageID: Texts] = [
        .yamlEscapeControl: Texts(
            en: "escape '\\{1}' gives a control character (U+{2}); write the text itself",
            ja: "エスケープ '\\{1}' は制御文字（U+{2}）になります。文字そのものを書いてください"),
        .fileIsFIFO: Texts(
            en: "a FIFO (named pipe), not a regular file; densho reads only regular files",
            ja: "FIFO（名前付きパイプ）で、通常のファイルではありません。densho は通常のファイルだけを読みます"),
        .fileIsDevice: Texts(
            en: "a device, not a regular file; densho reads only regular files",
            ja: "デバイスで、通常のファイルではありません。densho は通常のファイルだけを読みます"),
        .fileIsSocket: Texts(
            en: "a socket, not a regular file; densho reads only regular files",
            ja: "ソケットで、通常のファイルではありません。densho は通常のファイルだけを読みます"),
        .fileIsFolder: Texts(
            en: "a folder, not a regular file; densho reads only regular files",
            ja: "フォルダで、通常のファイルではありません。densho は通常のファイルだけを読みます"),
        .fileUnreadableBecause: Texts(
            en: "cannot read the file ({1})",
            ja: "ファイルを読めません（{1}）"),
        .fileNameNotUTF8: Texts(
            en: "file name is not valid UTF-8; rename it (densho reads only UTF-8 names)",
            ja: "ファイル名が UTF-8 ではありません。名前を付け直してください（densho は UTF-8 の名前だけを読みます）"),
        .fileNameNotUTF8Ignored: Texts(
            en: "file name is not valid UTF-8; it is ignored",
            ja: "ファイル名が UTF-8 ではないため、読みません"),
        .fieldTooMany: Texts(
            en: "'{1}' lists {2} entries; a page may carry at most {3} (each one is listed on every page of the others)",
            ja: "'{1}' に {2} 件あります。1 つのノートに書けるのは {3} 件までです（それぞれが相手のページにも並ぶため）"),
        .strayTemporaryFile: Texts(
            en: "temporary file left by an interrupted densho run; the next 'densho new' or 'densho reflect' removes it",
            ja: "中断された densho が残した一時ファイルです。次の 'densho new' か 'densho reflect' で消えます"),
    ]
}
