import Foundation

/// Every URL densho writes is relative, so the site works from any sub-path and from file://.
enum RelativeURL {
    /// "../" once per folder between the page and the site root.
    static func root(from pagePath: String) -> String {
        String(repeating: "../", count: pagePath.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
    }

    /// `root` + the target path, percent-encoded segment by segment (Japanese file names stay valid URLs).
    static func href(_ targetPath: String, root: String, fragment: String? = nil) -> String {
        if fragment == nil || fragment?.isEmpty == true, targetPath.utf8.allSatisfy({ $0 == UInt8(ascii: "/") || isUnreserved($0) }) {
            return root + targetPath
        }
        let encoded = targetPath.split(separator: "/", omittingEmptySubsequences: false)
            .map { encodeSegment(String($0)) }.joined(separator: "/")
        guard let fragment, !fragment.isEmpty else { return root + encoded }
        return root + encoded + "#" + encodeSegment(fragment)
    }

    /// ASCII letters, digits and -._~: what `allowed` keeps as it is.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        default: return false
        }
    }

    static func encodeSegment(_ segment: String) -> String {
        // Most segments (ASCII slugs, dates) need no encoding.
        if segment.utf8.allSatisfy(isUnreserved) { return segment }
        // What `addingPercentEncoding(withAllowedCharacters:)` with the unreserved set gives, on
        // bytes: every other UTF-8 byte as %XX in upper-case hex (no bridge to NSString).
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segment.utf8.count * 3)
        for byte in segment.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
