/// What one note may carry where every entry multiplies work elsewhere. A theme of a note is
/// listed on the note, and the note on the theme's page with all its themes: a list of n themes
/// writes n pages of n links each. No real note comes near these numbers; a note that does is a
/// mistake (a pasted list, a generated file) and gets a located error instead of a site of gigabytes.
enum PageLimits {
    static let themes = 200
    static let staff = 200
}
