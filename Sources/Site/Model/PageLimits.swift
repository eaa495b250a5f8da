/// What one note may carry where every entry multiplies work elsewhere. A topic of a note
/// (front matter `themes:`) is listed on the note, and the note on the topic's page with all its
/// topics: a list of n topics writes n pages of n links each. No real note comes near these numbers; a note that does is a
/// mistake (a pasted list, a generated file) and gets a located error instead of a site of gigabytes.
enum PageLimits {
    static let topics = 200
    static let staff = 200
}
