extension MessageCatalog {
    /// The continuity checks of `densho check` (issue #12): reflections, staff, dates, names, promises.
    static let continuity: [MessageID: Texts] = [
        .checkReflectionEmpty: Texts(
            en: "{1} is still empty, {2} days after the visit; '{3}' writes the prompts under it to answer",
            ja: "訪問から {2} 日たちましたが「{1}」が空のままです。'{3}' で問いを書き込み、答えてください"),
        .checkReflectionUnanswered: Texts(
            en: "{1} prompts are unanswered, {2} days after the visit: {3}; write each answer after its colon",
            ja: "訪問から {2} 日たちましたが「{1}」の問いに答えがありません：{3}。それぞれのコロンの後に答えを書いてください"),
        .checkStaffAfterLeft: Texts(
            en: "'{1}' left on {2} but is staff on this visit of {3}",
            ja: "'{1}' は {2} に異動・退任していますが、{3} の訪問の staff に入っています"),
        .checkStaffAfterLeftSuccessor: Texts(
            en: "'{1}' left on {2} but is staff on this visit of {3}; their successor is '{4}'",
            ja: "'{1}' は {2} に異動・退任していますが、{3} の訪問の staff に入っています。後任は '{4}' です"),
        .checkNextVisitBeforeVisit: Texts(
            en: "next_visit {1} is before the visit itself ({2}); a typo in the year or month?",
            ja: "next_visit {1} が訪問日（{2}）より前です。年か月の書き間違いではありませんか？"),
        .checkCompanyNameShared: Texts(
            en: "company name '{1}' is also the name of {2}; two records of one company split its history (merge them), and [[{1}]] cannot tell them apart",
            ja: "企業名 '{1}' は {2} と同じです。一つの企業の記録が二つに分かれています（まとめてください）。[[{1}]] ではどちらか決まりません"),
        .checkPromiseOwnerUnknown: Texts(
            en: "promise owner '@{1}' is not a person in content/people/",
            ja: "約束の担当 '@{1}' は content/people/ にいません"),
        .checkPromiseOwnerUnknownSuggest: Texts(
            en: "promise owner '@{1}' is not a person in content/people/; did you mean {2}?",
            ja: "約束の担当 '@{1}' は content/people/ にいません。{2} のことですか？"),
        .promiseOwnerEmpty: Texts(
            en: "'{1}' names nobody; write @person-id (an id from content/people/)",
            ja: "'{1}' の後に担当者がありません。@担当者のid（content/people/ の id）と書きます"),
        .promiseTwoOwners: Texts(
            en: "a promise has one owner; '@{1}' and '@{2}' are both named",
            ja: "約束の担当は一人です。'@{1}' と '@{2}' の両方が書かれています"),
        .promiseDueUnreadable: Texts(
            en: "due date after '{1}' should be YYYY-MM-DD (e.g. {1} 2026-12-15), found '{2}'",
            ja: "'{1}' の後の期限は YYYY-MM-DD で書きます（例: {1} 2026-12-15）。'{2}' は読めません"),
        .promiseDueMissing: Texts(
            en: "due date after '{1}' should be YYYY-MM-DD (e.g. {1} 2026-12-15), found nothing",
            ja: "'{1}' の後に期限の日付がありません。YYYY-MM-DD で書きます（例: {1} 2026-12-15）"),
        .promiseTwoDueDates: Texts(
            en: "a promise has one due date; {1} and {2} are both written",
            ja: "約束の期限は一つです。{1} と {2} の両方が書かれています"),
    ]
}
