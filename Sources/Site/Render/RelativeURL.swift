import Foundation

/// Every URL densho writes is relative, so the site works from any sub-path and from file://.
enum RelativeURL {
    /// "../" once per folder between the page and the site root.
    static func root(from pagePath: String) -> String {
        String(repeating: "../", count: pagePath.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
    }

    /// `root` + the target path, percent-encoded segment by segment (Japanese file names stay valid URLs).
    static func href(_ targetPath: String, root: String, fragment: String? = nil) -> String {
        if fragment == nil || fragment?.isEmpty == true, needsNoEncoding(targetPath) {
            return root + targetPath
        }
        // In one pass over the bytes: the slashes between segments stay, the fragment's are encoded.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(root.utf8.count + 3 * targetPath.utf8.count + 1 + 3 * (fragment?.utf8.count ?? 0))
        bytes.append(contentsOf: root.utf8)
        for byte in targetPath.utf8 { appendEncoded(byte, to: &bytes, keepingSlash: true) }
        if let fragment, !fragment.isEmpty {
            bytes.append(UInt8(ascii: "#"))
            for byte in fragment.utf8 { appendEncoded(byte, to: &bytes, keepingSlash: false) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether every byte of the path is a slash or unreserved: over the contiguous bytes (a native
    /// string's), where `utf8.allSatisfy` steps an iterator.
    private static func needsNoEncoding(_ path: String) -> Bool {
        let keep: (UInt8) -> Bool = { $0 == UInt8(ascii: "/") || isUnreserved($0) }
        return path.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(keep) } ?? path.utf8.allSatisfy(keep)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    @inline(__always)
    private static func appendEncoded(_ byte: UInt8, to bytes: inout [UInt8], keepingSlash: Bool) {
        if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
            bytes.append(byte)
        } else {
            bytes.append(UInt8(ascii: "%"))
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
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
