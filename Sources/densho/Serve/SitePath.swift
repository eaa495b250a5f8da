import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a request path names inside the output folder.
enum SiteLookup: Equatable {
    case file(String)            // the real path of a regular file inside the site
    case redirect(String)        // a folder asked for without its trailing slash
    case notFound
    case badRequest(String)
}

/// Maps a request target to a file in the site, and never to anything outside it.
///
/// Two independent fences: the decoded path may not contain `..`, `.`, NUL or backslashes at all,
/// and whatever it names is resolved with realpath (symlinks included) and must still lie inside
/// the real output folder. Either one alone would stop `..`; both together also stop symlinks.
struct SitePath {
    let root: URL

    func lookup(_ target: String) -> SiteLookup {
        let segments: [String]
        let wantsFolder: Bool
        switch SitePath.segments(of: target) {
        case .failure(let problem): return .badRequest(problem.message)
        case .success(let parsed): (segments, wantsFolder) = parsed
        }
        // Dot-files (the build marker, editor leftovers) are not part of the site.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let realRoot = SitePath.realPath(root.path) else { return .notFound }
        let requested = ([realRoot] + segments).joined(separator: "/")
        guard let real = SitePath.realPath(requested), SitePath.isInside(real, realRoot) else { return .notFound }
        switch SitePath.kind(of: real) {
        case .file: return .file(real)
        case .folder:
            guard wantsFolder || segments.isEmpty else {
                return .redirect("/" + segments.map(SitePath.encode).joined(separator: "/") + "/")
            }
            guard let index = SitePath.realPath(real + "/index.html"), SitePath.isInside(index, realRoot),
                  SitePath.kind(of: index) == .file else { return .notFound }
            return .file(index)
        case .other: return .notFound
        }
    }

    struct Problem: Error { let message: String }

    /// The path part of the target, percent-decoded exactly once, split into checked segments.
    static func segments(of target: String) -> Result<([String], Bool), Problem> {
        guard target.hasPrefix("/") else { return .failure(Problem(message: "the request target must start with /")) }
        let pathPart = target.prefix { $0 != "?" && $0 != "#" }
        guard let decoded = percentDecode(Array(pathPart.utf8)) else {
            return .failure(Problem(message: "malformed percent-encoding"))
        }
        if decoded.contains(0) { return .failure(Problem(message: "NUL in path")) }
        if decoded.contains(UInt8(ascii: "\\")) { return .failure(Problem(message: "backslash in path")) }
        var segments: [String] = []
        for raw in decoded.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let segment = String(validatingUTF8Bytes: raw) else {
                return .failure(Problem(message: "path is not UTF-8"))
            }
            if segment == ".." || segment == "." { return .failure(Problem(message: "'\(segment)' in path")) }
            segments.append(segment)
        }
        return .success((segments, decoded.last == UInt8(ascii: "/")))
    }

    /// nil for a `%` not followed by two hex digits. The result is never decoded a second time,
    /// so `%252e` stays the literal name `%2e`.
    static func percentDecode(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// For a Location header: only unreserved characters stay as they are.
    static func encode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) }
            else { out += String(format: "%%%02X", byte) }
        }
        return out
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    enum Kind { case file, folder, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }
}

private extension String {
    init?<C: Collection>(validatingUTF8Bytes bytes: C) where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: self = String(scalars); return
            case .error: return nil
            }
        }
    }
}
