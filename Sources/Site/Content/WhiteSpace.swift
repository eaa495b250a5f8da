/// Trimming and testing of horizontal white space, without Foundation: `trimmingCharacters(in:)`
/// bridges every String to NSString and back, and the site trims link targets and task items by
/// the ten thousand.
enum WhiteSpace {
    /// What `CharacterSet.whitespaces` holds: the tab and the space separators (Unicode Zs),
    /// among them the full-width space U+3000 that Japanese text uses.
    static func isHorizontal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `text` without leading and trailing horizontal white space; the same String when there is none.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              isHorizontal(first) || isHorizontal(last) else { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isHorizontal(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isHorizontal(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }
}
