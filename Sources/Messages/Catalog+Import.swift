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
