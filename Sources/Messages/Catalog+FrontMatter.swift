extension MessageCatalog {
    /// The YAML subset of front matter and site.yml. The hints speak to someone typing Japanese
    /// with an IME, where `：` and the full-width space come out unasked.
    static let frontMatter: [MessageID: Texts] = [
        .yamlNeverCloses: Texts(
            en: "front matter starting here never closes (expected a line '---')",
            ja: "ここから始まるフロントマターが閉じていません（'---' だけの行が必要です）"),
        .yamlIntegerRange: Texts(
            en: "integer {1} is out of range; quote it to keep it as text",
            ja: "整数 {1} は大きすぎます。文字として残すなら引用符で囲んでください"),
        .yamlMonthRange: Texts(
            en: "invalid date {1}: month must be 01-12",
            ja: "日付 {1} が正しくありません：月は 01〜12 です"),
        .yamlDayRange: Texts(
            en: "invalid date {1}: day must be 01-{2} in that month",
            ja: "日付 {1} が正しくありません：その月の日は 01〜{2} です"),
        .yamlUnterminatedSingle: Texts(
            en: "unterminated single-quoted string (it must end on the same line)",
            ja: "' で始まる文字列が閉じていません（同じ行で ' を閉じてください）"),
        .yamlUnterminatedDouble: Texts(
            en: "unterminated double-quoted string (it must end on the same line)",
            ja: "\" で始まる文字列が閉じていません（同じ行で \" を閉じてください）"),
        .yamlBackslashAtLineEnd: Texts(
            en: "a '\\' at the end of a line is not supported; quoted strings must end on the same line",
            ja: "行末の '\\' は使えません。引用符の文字列は同じ行で閉じてください"),
        .yamlUnknownEscape: Texts(
            en: "unknown escape '\\{1}'",
            ja: "'\\{1}' という書き方（エスケープ）はありません"),
        .yamlEscapeNotCharacter: Texts(
            en: "escape does not name a Unicode character",
            ja: "このエスケープは Unicode の文字を表していません"),
        .yamlEscapeDigits: Texts(
            en: "'\\{1}' needs {2} hexadecimal digits",
            ja: "'\\{1}' の後には16進数の数字が {2} 桁必要です"),
        .yamlFlowNeverClosed: Texts(
            en: "'{1}' is never closed with '{2}'",
            ja: "'{1}' が '{2}' で閉じられていません"),
        .yamlFlowColonSameLine: Texts(
            en: "expected ':' after the key on the same line",
            ja: "キーの後、同じ行に ':' が必要です"),
        .yamlFlowExpectedColon: Texts(
            en: "expected ':' after the key, found '{1}'",
            ja: "キーの後に ':' が必要ですが、'{1}' があります"),
        .yamlFlowCollectionKey: Texts(
            en: "a collection cannot be a key",
            ja: "リストやマッピングはキーにできません"),
        .yamlFlowUnexpectedColon: Texts(
            en: "unexpected ':' inside a flow collection; quote a value that contains ': '",
            ja: "[ ] や { } の中に思いがけない ':' があります。': ' を含む値は引用符で囲んでください"),
        .yamlFlowExpectedComma: Texts(
            en: "expected ',' or {1}, found '{2}'",
            ja: "',' か {1} が必要ですが、'{2}' があります"),
        .yamlTabIndent: Texts(
            en: "a tab is used for indentation; indent with spaces only",
            ja: "字下げにタブが使われています。字下げは半角スペースだけで行ってください"),
        .yamlSequenceBetweenKeys: Texts(
            en: "a sequence item '-' cannot appear between the keys of a mapping",
            ja: "キーとキーの間に '-' の項目は置けません"),
        .yamlExpectedKeyValue: Texts(
            en: "expected 'key: value' (the ':' after a key must be followed by a space)",
            ja: "'キー: 値' の形が必要です（キーの後の ':' の次には半角スペースが必要です）"),
        .yamlUnexpectedIndentation: Texts(
            en: "unexpected indentation (a plain value cannot continue on the next line; use '|' or '>' for multi-line text)",
            ja: "思いがけない字下げです（値は次の行に続けられません。複数行の文章には '|' か '>' を使います）"),
        .yamlIndicatorRange: Texts(
            en: "the indentation indicator of a block scalar must be 1-9",
            ja: "ブロック文字列の字下げ指定は 1〜9 です"),
        .yamlAfterBlockIndicator: Texts(
            en: "unexpected '{1}' after '{2}'; the text starts on the next line",
            ja: "'{2}' の後に '{1}' があります。文章は次の行から書きます"),
        .yamlUnexpectedContent: Texts(
            en: "unexpected content at this indentation; it does not belong to anything above",
            ja: "この字下げの内容は、上のどの項目にも属していません"),
        .yamlDocumentMarker: Texts(
            en: "document markers ('---', '...') are not supported: front matter holds exactly one document",
            ja: "'---' や '...' の区切りは使えません。フロントマターは一つだけです"),
        .yamlUnquotedColon: Texts(
            en: "unexpected ':'; a value that contains ': ' must be quoted",
            ja: "思いがけない ':' があります。': ' を含む値は引用符で囲んでください"),
        .yamlCommentSpace: Texts(
            en: "a comment needs a space before '#'",
            ja: "コメントの '#' の前には半角スペースが必要です"),
        .yamlUnexpectedAfterValue: Texts(
            en: "unexpected '{1}' after the value",
            ja: "値の後に思いがけない '{1}' があります"),
        .yamlTooDeep: Texts(
            en: "nesting is deeper than {1} levels",
            ja: "入れ子が {1} 段を超えています"),
        .yamlDuplicateKey: Texts(
            en: "duplicate key '{1}' (first defined at line {2}, column {3})",
            ja: "キー '{1}' が重複しています（最初は {2} 行 {3} 桁目）"),
        .yamlAnchor: Texts(en: "anchors ('&') are not supported", ja: "アンカー（'&'）は使えません"),
        .yamlAlias: Texts(en: "aliases ('*') are not supported", ja: "エイリアス（'*'）は使えません"),
        .yamlTag: Texts(en: "tags ('!') are not supported", ja: "タグ（'!'）は使えません"),
        .yamlDirective: Texts(
            en: "directives ('%') are not supported; quote a value that starts with '%'",
            ja: "ディレクティブ（'%'）は使えません。'%' で始まる値は引用符で囲んでください"),
        .yamlReserved: Texts(
            en: "'{1}' is reserved and cannot start a plain value; quote the value",
            ja: "'{1}' で値を始めることはできません。値を引用符で囲んでください"),
        .yamlFlowIndicatorStart: Texts(
            en: "unexpected '{1}'; quote the value if it starts with it",
            ja: "思いがけない '{1}' があります。'{1}' で始まる値は引用符で囲んでください"),
        .yamlBlockScalarInFlow: Texts(
            en: "block scalars ('|', '>') cannot appear inside '[ ]' or '{ }'",
            ja: "'[ ]' や '{ }' の中では '|' や '>' は使えません"),
        .yamlBlockDashInFlow: Texts(
            en: "a block sequence item '-' cannot appear inside '[ ]' or '{ }'",
            ja: "'[ ]' や '{ }' の中では '- ' の項目は使えません"),
        .yamlSequenceOnKeyLine: Texts(
            en: "a sequence cannot start on the line of its key; start it on the next line",
            ja: "'- ' の項目はキーと同じ行には書けません。次の行から書いてください"),
        .yamlComplexKey: Texts(en: "complex keys ('?') are not supported", ja: "'?' のキーは使えません"),
        .yamlMissingKey: Texts(en: "a key is missing before ':'", ja: "':' の前にキーがありません"),
        .yamlMissingValue: Texts(en: "a value is missing", ja: "値がありません"),
        .yamlEndOfInput: Texts(en: "end of input", ja: "入力の終わり"),
        .yamlFullWidthColon: Texts(
            en: "'{1}' is followed by a full-width colon '：'; write the half-width ':' and a space ('{1}: …')",
            ja: "「{1}」の後のコロンが全角です。全角のコロン「：」を半角「:」に直し、後ろに半角スペースを入れてください（{1}: …）"),
        .yamlFullWidthSpaceIndent: Texts(
            en: "this line is indented with a full-width space (U+3000); indent with half-width spaces only",
            ja: "この行は全角スペースで字下げされています。字下げは半角スペースで行ってください（全角スペース「　」を半角スペースに）"),
    ]
}
