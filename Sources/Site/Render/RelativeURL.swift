import Foundation

/// Every URL densho writes is relative, so the site works from any sub-path and from file://.
enum RelativeURL {
    /// "../" once per folder between the page and the site root.
    static func root(from pagePath: String) -> String {
        String(repeating: "../", count: pagePath.reduce(0) { $1 == "/" ? $0 + 1 : $0 })
    }

    /// `root` + the target path, percent-encoded segment by segment (Japanese file names stay valid URLs).
    static func href(_ targetPath: String, root: String, fragment: String? = nil) -> String {
        let encoded = targetPath.split(separator: "/", omittingEmptySubsequences: false)
            .map { encodeSegment(String($0)) }.joined(separator: "/")
        guard let fragment, !fragment.isEmpty else { return root + encoded }
        return root + encoded + "#" + encodeSegment(fragment)
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encodeSegment(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
