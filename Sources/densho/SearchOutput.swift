import Foundation
import Search

/// What `densho search` prints: JSON for programs, numbered results for people.
enum SearchOutput {
    /// How matched terms are marked in human output: ANSI bold on a terminal, 【…】 elsewhere
    /// (a pipe, a file, an editor's output pane), where escape codes would be noise.
    enum MarkStyle {
        case bold, brackets
        var open: String { self == .bold ? "\u{1B}[1m" : "【" }
        var close: String { self == .bold ? "\u{1B}[22m" : "】" }
    }

    /// What a query read: index files and their bytes on disk, the manifest not counted.
    struct Loaded {
        let files: Int
        let bytes: Int
    }

    /// `{"total": N, "loaded": {"files": F, "bytes": B}, "results": [{"url", "title", "type", "date",
    /// "snippet", "highlights"}]}` — keys in this order, one result per line. `highlights` are
    /// [start, end) pairs in UTF-16 code units of `snippet` (as the browser slices it).
    static func json(_ results: SearchResults, loaded: Loaded) -> String {
        var out = "{\"total\": \(results.total), \"loaded\": {\"files\": \(loaded.files), \"bytes\": \(loaded.bytes)}, \"results\": ["
        for (i, hit) in results.hits.enumerated() {
            out += i == 0 ? "\n  " : ",\n  "
            out += "{\"url\": \(JSONText.quoted(hit.url)), \"title\": \(JSONText.quoted(hit.title)), \"type\": \(JSONText.quoted(hit.type)), "
            out += "\"date\": \(hit.date.map { JSONText.quoted($0) } ?? "null"), \"snippet\": \(JSONText.quoted(hit.snippet)), \"highlights\": ["
            out += hit.highlights.map { "[\($0.lowerBound), \($0.upperBound)]" }.joined(separator: ", ")
            out += "]}"
        }
        out += results.hits.isEmpty ? "]}" : "\n]}"
        return out
    }


    /// Numbered results: title; type · date · url; the snippet with the matches marked.
    static func human(_ results: SearchResults, style: MarkStyle) -> String {
        guard results.total > 0 else { return "No results.\n" }
        let shown = results.hits.count
        var out = results.total == shown
            ? "\(results.total) result\(results.total == 1 ? "" : "s")\n"
            : "\(results.total) results, showing the first \(shown) (--limit N for more)\n"
        let width = String(shown).count
        for (i, hit) in results.hits.enumerated() {
            let number = String(i + 1)
            let indent = String(repeating: " ", count: width + 2)
            out += "\n" + String(repeating: " ", count: width - number.count) + number + ". " + printable(hit.title) + "\n"
            out += indent + ([hit.type, hit.date, hit.url].compactMap { $0 }.map(printable).joined(separator: " · ")) + "\n"
            if !hit.snippet.isEmpty { out += indent + marked(hit.snippet, hit.highlights, style: style) + "\n" }
        }
        return out
    }

    /// The snippet with each highlighted range wrapped in the style's marks. Ranges are UTF-16
    /// offsets; they are clamped so that a range from a damaged index cannot trap.
    static func marked(_ snippet: String, _ highlights: [Range<Int>], style: MarkStyle) -> String {
        let utf16 = snippet.utf16
        var out = "", at = 0
        func piece(_ from: Int, _ to: Int) -> String {
            let a = String.Index(utf16Offset: from, in: snippet), b = String.Index(utf16Offset: to, in: snippet)
            return printable(String(snippet[a..<b]))
        }
        for range in highlights {
            let lower = min(max(range.lowerBound, at), utf16.count), upper = min(max(range.upperBound, lower), utf16.count)
            guard upper > lower else { continue }
            out += piece(at, lower) + style.open + piece(lower, upper) + style.close
            at = upper
        }
        return out + piece(at, utf16.count)
    }

    /// Text from the index goes to a terminal: control characters (an escape sequence hidden in
    /// a note, a line break inside a title) become spaces.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? " " : scalar) }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    /// The whitespace the query parser splits on (docs/search-index.md), to tell an empty query.
    static func isQuerySpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
