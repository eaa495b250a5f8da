extension MessageCatalog {
    /// What a theme (`--theme DIR`, `densho theme eject`) must hold to draw every page.
    static let theme: [MessageID: Texts] = [
        .themeTemplateMissing: Texts(
            en: "missing: densho draws {1} with this template (docs/theme.md lists every page template and the data it receives)",
            ja: "ありません。densho は {1} をこのテンプレートで描きます（ページのテンプレートと受け取るデータの一覧は docs/theme.md にあります）"),
    ]
}
