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
    ]

    /// The command line's own lines around the diagnostics.
    static let authoring: [MessageID: Texts] = [
        .cliErrorsNothingWritten: Texts(en: "{1} errors; nothing was written", ja: "{1} 件のエラー。何も書き込んでいません"),
        .cliOneErrorNothingWritten: Texts(en: "1 error; nothing was written", ja: "1 件のエラー。何も書き込んでいません"),
        .checkSummary: Texts(en: "{1}, {2} in {3}/", ja: "{3}/ にエラー {4} 件、警告 {5} 件"),
    ]
}
