import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The head of one HTTP/1.x request: what the server needs, nothing more (bodies are never read).
struct HTTPRequest {
    let method: String
    let target: String
    let version: String
    /// Header names lower-cased; a repeated header keeps its last value.
    let headers: [String: String]

    var host: String? { headers["host"] }

    /// The Host check of a loopback-only server (see `LoopbackAuthority`). HTTP/1.1 requires a
    /// Host; an HTTP/1.0 request without one comes from a tool, not a browser, and passes.
    var isForLoopback: Bool {
        guard let host else { return version == "HTTP/1.0" }
        return LoopbackAuthority.isLoopbackHost(host)
    }
}

/// Why a request head could not be read; each maps to one answer (or to silence).
enum RequestProblem: Error, Equatable {
    case closed            // the client went away or stayed silent: nothing to answer
    case tooLarge          // 431
    case malformed         // 400
}

enum RequestReader {
    /// Request line and headers together; browsers send far less, anything bigger is abuse.
    static let maximumHeadBytes = 16 * 1024

    /// A client trickling a byte just inside the socket timeout must not hold a thread for hours.
    static let maximumHeadSeconds: TimeInterval = 15

    /// Reads up to the blank line that ends the head. Each wait is bounded by the socket's receive
    /// timeout, the whole head by `maximumHeadSeconds`.
    static func read(from fd: Int32) -> Result<HTTPRequest, RequestProblem> {
        let deadline = Date(timeIntervalSinceNow: maximumHeadSeconds)
        var buffer = [UInt8]()
        buffer.reserveCapacity(2048)
        var chunk = [UInt8](repeating: 0, count: 4096)
        var searchFrom = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return .failure(.closed) }
            buffer.append(contentsOf: chunk[0..<count])
            if let end = headEnd(in: buffer, from: searchFrom) {
                return parse(Array(buffer[0..<end])).map { .success($0) } ?? .failure(.malformed)
            }
            if buffer.count > maximumHeadBytes { return .failure(.tooLarge) }
            if Date() > deadline { return .failure(.closed) }
            searchFrom = max(0, buffer.count - 3)
        }
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
