extension MessageCatalog {
    /// Failures that are not about a place in the content: the output folder, the lock on it, the disk.
    /// The system's own reason (`strerror`) is passed on as it is.
    static let output: [MessageID: Texts] = [
        .outputBusyBuild: Texts(
            en: "{1}/ is being written by another densho build; run this again when it has finished",
            ja: "{1}/ には別の densho build が書き込んでいます。終わってからもう一度実行してください"),
        .outputWaiting: Texts(
            en: "waiting for another densho build writing {1}/",
            ja: "{1}/ に書き込んでいる別の densho build が終わるのを待っています"),
        .outputKeptByServe: Texts(
            en: "{1}/ is kept up to date by a running densho serve or build --watch; stop it first, or use another --output",
            ja: "{1}/ は動いている densho serve か build --watch が更新し続けています。先にそれを止めるか、別の --output を指定してください"),
        .outputNotAFolder: Texts(
            en: "{1} exists and is not a folder; refusing to replace it",
            ja: "{1} はフォルダではないファイルです。置き換えません"),
        .outputNotOurs: Texts(
            en: "{1} was not made by densho (no {2} file) and is not empty; refusing to replace it. Choose another --output or empty it yourself.",
            ja: "{1} は densho が作ったフォルダではなく（{2} がありません）、空でもないので置き換えません。別の --output を指定するか、ご自分で空にしてください。"),
        .outputNotOursInPlace: Texts(
            en: "{1} is not a site densho made; cannot update it in place",
            ja: "{1} は densho が作ったサイトではないので、その場で更新できません"),
        .outputKindInternal: Texts(
            en: "{1} holds densho's {2} site (its {3} says kind: {2}); an internal build never replaces it: build the internal site into its own folder (the default is site/), or remove that folder yourself",
            ja: "{1} には densho の {2} サイトがあります（{3} に kind: {2}）。内部向けのビルドはこれを置き換えません。内部向けサイトは別のフォルダ（既定は site/）に書き出すか、そのフォルダをご自分で消してください"),
        .outputKindPublic: Texts(
            en: "{1} holds densho's {2} site (its {3} says kind: {2}); a public build never replaces it: build the public site into its own folder (the default is public/), or remove that folder yourself",
            ja: "{1} には densho の {2} サイトがあります（{3} に kind: {2}）。公開用のビルドはこれを置き換えません。公開用サイトは別のフォルダ（既定は public/）に書き出すか、そのフォルダをご自分で消してください"),
        .outputOutsideSite: Texts(
            en: "refusing to write outside the site: {1}",
            ja: "サイトの外には書き込みません: {1}"),
        .outputCannotWrite: Texts(en: "cannot write {1}: {2}", ja: "{1} に書き込めません: {2}"),
        .outputCannotReplace: Texts(en: "cannot replace {1}: {2}", ja: "{1} を置き換えられません: {2}"),
        .outputCannotMove: Texts(
            en: "cannot move the new site into place: {1}",
            ja: "新しいサイトを所定の場所に移せません: {1}"),
        .outputCannotRecord: Texts(
            en: "cannot record the commit in {1}: {2}",
            ja: "{1} に書き換えの記録を残せません: {2}"),
        .themeNotFound: Texts(
            en: "theme not found: {1}/templates is missing (use --theme DIR)",
            ja: "テーマが見つかりません: {1}/templates がありません（--theme DIR で指定できます）"),
    ]
}
