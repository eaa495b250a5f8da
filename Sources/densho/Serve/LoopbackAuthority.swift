import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one check of who a request says it is for, shared by page requests and the write API.
///
/// A loopback-only server must answer only requests whose `Host` (and, for writes, `Origin`) names
/// this machine: a page on the web that steers a browser at us through DNS rebinding sends its own
/// name. The value is parsed exactly — a name or an IP literal, then an optional port — so a name
/// that merely starts like a loopback literal (`[::1].evil.invalid`, `127.0.0.1.evil`,
/// `localhost.evil`) is refused.
enum LoopbackAuthority {
    /// A `Host` value split into its host and port; nil when it is not a well-formed authority.
    struct Parsed: Equatable {
        enum Host: Equatable {
            case name(String)          // lower-cased, without a trailing dot
            case ipv4([UInt8])
            case ipv6([UInt8])
        }
        let host: Host
        let port: Int?

        /// 127.0.0.0/8, ::1, `localhost` and any name under `.localhost` (RFC 6761 keeps it on this machine).
        var isLoopback: Bool {
            switch host {
            case .name(let name): return name == "localhost" || name.hasSuffix(".localhost")
            case .ipv4(let bytes): return bytes.first == 127
            case .ipv6(let bytes): return bytes == [UInt8](repeating: 0, count: 15) + [1]
            }
        }
    }

    /// Whether a `Host` header names this machine (loopback address or localhost), port or not.
    static func isLoopbackHost(_ header: String) -> Bool {
        parse(header)?.isLoopback ?? false
    }

    /// Whether an `Origin` header is an http(s) origin on this machine. `null` (a file:// page, a
    /// sandboxed frame) and anything with a path, user or query are refused.
    static func isLoopbackOrigin(_ header: String) -> Bool {
        let value = header.trimmingCharacters(in: .whitespaces)
        let lower = value.lowercased()
        let authority: Substring
        if lower.hasPrefix("http://") {
            authority = value.dropFirst(7)
        } else if lower.hasPrefix("https://") {
            authority = value.dropFirst(8)
        } else {
            return false
        }
        return isLoopbackHost(String(authority))
    }

    /// `host [":" port]`, where host is `[IPv6]`, a dotted IPv4 address or a DNS name.
    static func parse(_ header: String) -> Parsed? {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 300, text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        var hostPart: Substring
        var portPart: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            hostPart = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return nil }   // "[::1].evil.invalid" ends here
                portPart = rest.dropFirst()
            }
            guard let bytes = ipv6Bytes(String(hostPart)) else { return nil }
            guard let port = parsePort(portPart) else { return nil }
            return Parsed(host: .ipv6(bytes), port: port)
        }
        if let colon = text.firstIndex(of: ":") {
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        } else {
            hostPart = Substring(text)
        }
        guard let port = parsePort(portPart) else { return nil }
        if let bytes = ipv4Bytes(hostPart) { return Parsed(host: .ipv4(bytes), port: port) }
        guard let name = dnsName(hostPart) else { return nil }
        return Parsed(host: .name(name), port: port)
    }

    /// nil: malformed; `.some(nil)`: no port given.
    private static func parsePort(_ part: Substring?) -> Int?? {
        guard let part else { return .some(nil) }
        guard !part.isEmpty, part.count <= 5, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let value = Int(part), value <= 65535 else { return nil }
        return .some(value)
    }

    /// Exactly four decimal octets (no leading zeros, which some resolvers read as octal).
    private static func ipv4Bytes(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  part == "0" || !part.hasPrefix("0"), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func ipv6Bytes(_ text: String) -> [UInt8]? {
        guard !text.contains("%") else { return nil }   // zone ids have no place in a Host header
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address) { Array($0) }
    }

    /// Letters, digits and hyphens in dot-separated labels of 1–63 bytes; one trailing dot allowed.
    /// A name made only of digits and dots that is not a valid IPv4 address is refused.
    private static func dnsName(_ text: Substring) -> String? {
        var name = text.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.utf8.count <= 253 else { return nil }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.utf8.allSatisfy({ isLetterDigitHyphen($0) }) else { return nil }
        }
        if let last = labels.last, last.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return nil }
        return name
    }

    private static func isLetterDigitHyphen(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
