import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who may use the forms API. Three checks, each answering 403 on its own:
/// - `Host` must name this server: a loopback name (or, with `--allow-edits` on another address,
///   that address) with the server's port. A page on the web that rebinds its DNS name to
///   127.0.0.1 still sends its own name here.
/// - `Origin`, when the client sends one (browsers always do on POST), must be this server's own.
/// - `X-Densho-Token` must carry the per-run token that only the server's own pages hold.
struct FormsGuard {
    static let tokenHeader = "x-densho-token"

    let token: String
    let port: Int
    /// The address served on when it is not loopback (editing allowed there with --allow-edits).
    let boundHost: String?

    /// A fresh token per run, from the system's random source.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let text = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }

    /// Nil when the request may go on; otherwise why not.
    func refusal(_ request: HTTPRequest) -> String? {
        guard let host = request.host, acceptsHost(host) else {
            return "Host is not this server (a loopback name with port \(port))"
        }
        if let origin = request.headers["origin"], origin.lowercased() != "http://" + host.lowercased() {
            return "Origin \(origin) is not this server"
        }
        guard let given = request.headers[FormsGuard.tokenHeader], FormsGuard.sameBytes(given, token) else {
            return "missing or wrong X-Densho-Token: open the form from a page of this server"
        }
        return nil
    }

    private func acceptsHost(_ header: String) -> Bool {
        guard let (name, hostPort) = FormsGuard.split(header), hostPort == port else { return false }
        if LoopbackAuthority.isLoopbackHost(header) { return true }
        guard let boundHost else { return false }
        let bare = name.hasPrefix("[") ? String(name.dropFirst().dropLast()) : name
        if bare.lowercased() == boundHost.lowercased() { return true }
        // Bound to every address (0.0.0.0, ::): any address of this machine, written as an IP.
        // Only a name can be rebound to us; an IP literal is what the user typed.
        return (boundHost == "0.0.0.0" || boundHost == "::") && FormsGuard.isIPLiteral(bare)
    }

    static func isIPLiteral(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// "127.0.0.1:1313" → ("127.0.0.1", 1313); "[::1]:8080" → ("[::1]", 8080); no port → 80.
    static func split(_ header: String) -> (String, Int)? {
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return nil }
            let name = String(header[...close])
            let rest = header[header.index(after: close)...]
            if rest.isEmpty { return (name, 80) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (name, port)
        }
        let parts = header.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        if parts.count == 1 { return (header, 80) }
        guard let port = Int(parts[1]) else { return nil }
        return (String(parts[0]), port)
    }

    /// Compares in time independent of where the first difference is.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    /// The `<meta>` a served page carries so its scripts can write; put right after `<head>`.
    func injectToken(into page: Data) -> Data {
        let meta = Data("<meta name=\"densho-token\" content=\"\(token)\">".utf8)
        guard let head = LiveReload.firstIndex(ofCaseInsensitive: "<head>", in: page) else { return page }
        var out = [UInt8](page)
        out.insert(contentsOf: meta, at: head + 6)
        return Data(out)
    }
}
