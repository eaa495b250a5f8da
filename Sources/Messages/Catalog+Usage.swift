extension MessageCatalog {
    /// Mistakes in how a command was typed (exit 2), and where its help is.
    static let usage: [MessageID: Texts] = [
        .usageSeeHelp: Texts(en: "Run 'densho {1}' for usage.", ja: "使い方は 'densho {1}' で見られます。"),
        .usageUnknownCommand: Texts(en: "unknown command '{1}'", ja: "'{1}' というコマンドはありません"),
        .usageUnknownOption: Texts(en: "unknown option '{1}'", ja: "'{1}' というオプションはありません"),
        .usageUnknownOptionFor: Texts(en: "unknown option {1} for '{2}'", ja: "'{2}' に {1} というオプションはありません"),
        .usageDidYouMean: Texts(en: "; did you mean '{1}'?", ja: "。'{1}' のことですか？"),
        .usageNeedsValue: Texts(en: "--{1} needs a value", ja: "--{1} には値が要ります"),
        .usageUnexpectedArgument: Texts(en: "unexpected argument '{1}'", ja: "余分な引数 '{1}' があります"),
        .usageExpectsDate: Texts(en: "--{1} expects a date YYYY-MM-DD, not '{2}'", ja: "--{1} には日付を YYYY-MM-DD で書きます（'{2}' ではなく）"),
        .usageLang: Texts(en: "--lang expects ja or en", ja: "--lang には ja か en を書きます"),
        .usageLangNot: Texts(en: "--lang expects ja or en, not '{1}'", ja: "--lang には ja か en を書きます（'{1}' ではなく）"),
        .usageNewNeedsKind: Texts(
            en: "'new' needs a kind: visit, company, playbook, person or partner",
            ja: "'new' には種類を書きます: visit、company、playbook、person、partner のどれか"),
        .usageNewVisitNeedsCompany: Texts(en: "'new visit' needs a company slug", ja: "'new visit' には企業のスラッグを書きます"),
        .usageNewNeedsSlug: Texts(en: "'new {1}' needs a slug", ja: "'new {1}' にはスラッグを書きます"),
        .usageReflectNeedsTarget: Texts(
            en: "'reflect' needs a visit note path or a company slug",
            ja: "'reflect' には訪問記録のパスか企業のスラッグを書きます"),
        .usageInitNeedsFolder: Texts(en: "'init' needs a folder for the new project", ja: "'init' には新しいプロジェクトのフォルダを書きます"),
        .usageImportNeedsArguments: Texts(
            en: "'import' needs what and from where: densho import visits|companies FILE.csv",
            ja: "'import' には何をどこから読むかを書きます: densho import visits|companies FILE.csv"),
    ]
}
