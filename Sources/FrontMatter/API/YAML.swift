/// The strict YAML subset used for front matter and `site.yml`.
///
/// Supported: block mappings and sequences (including sequences of mappings and sequences at the
/// same indentation as their key), flow sequences `[a, b]` and flow mappings `{k: v}` (both may span
/// lines when continuation lines are indented), plain / single-quoted / double-quoted scalars,
/// block scalars `|` and `>` with `-`/`+` chomping and an optional indentation indicator, comments,
/// and the scalar types null (`~`, `null`, `Null`, `NULL`, empty), booleans (`true`/`True`/`TRUE`,
/// `false`/`False`/`FALSE`), decimal integers with an optional sign, and `YYYY-MM-DD` dates.
/// Every other plain scalar (`1.5`, `0x1F`, `yes`) is a string.
///
/// Deliberately rejected with a located error: anchors, aliases, tags, directives, document markers,
/// complex keys (`?`), tabs in indentation, duplicate keys, plain or quoted scalars that continue on
/// the next line (use `|` or `>`), invalid dates, integers that do not fit in `Int`, and nesting deeper
/// than `YAML.maxDepth` levels.
public enum YAML {
    /// Collections nested deeper than this are an error, which keeps the parser's recursion bounded.
    public static let maxDepth = 100

    /// Parses `text`; line numbers in nodes and errors are shifted so that the first line of `text`
    /// is reported as `firstLine` (front matter usually starts on line 2 of its file).
    /// Empty or comment-only text gives an empty mapping located at `firstLine:1`.
    public static func parse(_ text: String, firstLine: Int = 1) throws -> YAMLNode {
        var parser = Parser(text: text, firstLine: firstLine)
        return try parser.parseDocument()
    }
}
