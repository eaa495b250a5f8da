import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP/1.x request: the head, and a body only when a POST says its length.
struct HTTPRequest {
    let method: String
    let target: String
    let version: String
    /// Header names lower-cased; a repeated header keeps its last value.
    let headers: [String: String]
    var body = Data()

    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 only when asked.
    var wantsKeepAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }

    var host: String? { headers["host"] }

    /// Whether bytes of a body follow the head (then they must be read before the next request).
    var announcesBody: Bool {
        headers["transfer-encoding"] != nil || (headers["content-length"].flatMap { Int($0) } ?? 0) > 0
    }

    /// The Host check of a loopback-only server (see `LoopbackAuthority`). HTTP/1.1 requires a
    /// Host; an HTTP/1.0 request without one comes from a tool, not a browser, and passes.
    var isForLoopback: Bool {
        guard let host else { return version == "HTTP/1.0" }
        return LoopbackAuthority.isLoopbackHost(host)
    }
}

/// Why a request could not be read; each maps to one answer (or to silence).
enum RequestProblem: Error, Equatable {
    case closed            // the client went away, stayed silent or was too slow: nothing to answer
    case tooLarge          // 431
    case bodyTooLarge      // 413
    case malformed         // 400
}

/// Reads the requests of one connection in turn. Bytes past one request (a pipelined next one)
/// are kept for the next call.
final class RequestReader {
    /// Request line and headers together; browsers send far less, anything bigger is abuse.
    static let maximumHeadBytes = 16 * 1024

    /// A whole head must arrive within this time (from the accept, or from the previous answer on
    /// a kept-alive connection): a client trickling bytes (slowloris) is dropped after seconds.
    static let headSeconds: TimeInterval = 5

    /// A form's JSON is a few kilobytes; a body is read only when a length says how much.
    static let maximumBodyBytes = 1024 * 1024

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(2048)
    }

    /// The next request, read by `deadline`. With `idleAllowed` (a kept-alive connection) a client
    /// that sends nothing by then has simply finished: `.closed`.
    func next(deadline: Date, idleAllowed: Bool = false) -> Result<HTTPRequest, RequestProblem> {
        var searchFrom = 0
        while true {
            if let end = RequestReader.headEnd(in: buffer, from: searchFrom) {
                guard let request = RequestReader.parse(Array(buffer[0..<end])) else { return .failure(.malformed) }
                buffer.removeFirst(end)
                return .success(request)
            }
            if buffer.count > RequestReader.maximumHeadBytes { return .failure(.tooLarge) }
            searchFrom = max(0, buffer.count - 3)
            guard receive(by: deadline) else { return .failure(.closed) }
        }
    }

    /// The request's body: exactly `Content-Length` bytes (some may have come with the head); no
    /// length, no body. Read only for a route that takes one (`SiteHandler.takesBody`): any other
    /// request's body is left unread and its connection closed after the answer.
    func readBody(of request: inout HTTPRequest, deadline: Date) -> RequestProblem? {
        switch readBody(length: request.headers["content-length"], deadline: deadline) {
        case .success(let body): request.body = body; return nil
        case .failure(let problem): return problem
        }
    }

    private func readBody(length: String?, deadline: Date) -> Result<Data, RequestProblem> {
        guard let length else { return .success(Data()) }
        guard let expected = Int(length), expected >= 0 else { return .failure(.malformed) }
        guard expected <= RequestReader.maximumBodyBytes else { return .failure(.bodyTooLarge) }
        while buffer.count < expected {
            guard receive(by: deadline) else { return .failure(.closed) }
        }
        let body = Data(buffer[0..<expected])
        buffer.removeFirst(expected)
        return .success(body)
    }

    /// Waits (poll) until bytes arrive or the deadline passes, then appends what came. False when
    /// the client closed, failed or missed the deadline.
    private func receive(by deadline: Date) -> Bool {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 60) * 1000) + 1)
            if ready < 0 { if errno == EINTR { continue }; return false }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    /// Exactly `Content-Length` bytes (some may have come with the head); no length, no body.
    static func readBody(from fd: Int32, length: String?, already: [UInt8], deadline: Date) -> Result<Data, RequestProblem> {
        guard let length else { return .success(Data()) }
        guard let expected = Int(length), expected >= 0 else { return .failure(.malformed) }
        guard expected <= maximumBodyBytes else { return .failure(.bodyTooLarge) }
        var body = Array(already.prefix(expected))
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while body.count < expected {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, min($0.count, expected - body.count), 0) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 || Date() > deadline { return .failure(.closed) }
            body.append(contentsOf: chunk[0..<count])
        }
        return .success(Data(body))
    }

    /// The index just past the head: after CRLF CRLF (or a bare LF LF, which some tools send).
    static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { return i + 2 }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return i + 3 }
            }
            i += 1
        }
        return nil
    }

    static func parse(_ head: [UInt8]) -> HTTPRequest? {
        // The head must be ASCII-clean text; a NUL or other control byte is never legitimate.
        guard !head.contains(where: { $0 == 0 || ($0 < 0x20 && $0 != 0x0D && $0 != 0x0A && $0 != 0x09) }) else { return nil }
        // Split on bytes: as Swift Characters, "\r\n" is one grapheme and never equals "\n".
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> String in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
              parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon]
            guard !name.isEmpty, !name.contains(" "), !name.contains("\t") else { return nil }
            let key = name.lowercased()
            // Two Host headers would let a proxy and this server disagree on who is asked.
            if key == "host", headers[key] != nil { return nil }
            headers[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }
}
