import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP/1.x request: the head, and a body only for the forms API's POSTs (with a length).
struct HTTPRequest {
    let method: String
    let target: String
    let version: String
    /// Header names lower-cased; a repeated header keeps its last value.
    let headers: [String: String]
    var body = Data()

    var host: String? { headers["host"] }
}

/// Why a request head could not be read; each maps to one answer (or to silence).
enum RequestProblem: Error, Equatable {
    case closed            // the client went away or stayed silent: nothing to answer
    case tooLarge          // 431
    case bodyTooLarge      // 413
    case malformed         // 400
}

enum RequestReader {
    /// Request line and headers together; browsers send far less, anything bigger is abuse.
    static let maximumHeadBytes = 16 * 1024

    /// A client trickling a byte just inside the socket timeout must not hold a thread for hours.
    static let maximumHeadSeconds: TimeInterval = 15

    /// A form's JSON is a few kilobytes; a body is read only when a length says how much.
    static let maximumBodyBytes = 1024 * 1024

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
                guard var request = parse(Array(buffer[0..<end])) else { return .failure(.malformed) }
                // Only the forms API reads bodies; any other POST is answered 405 without waiting for one.
                guard request.method == "POST", request.target.hasPrefix(FormsAPI.prefix) else { return .success(request) }
                switch readBody(from: fd, length: request.headers["content-length"], already: Array(buffer[end...]), deadline: deadline) {
                case .success(let body): request.body = body
                case .failure(let problem): return .failure(problem)
                }
                return .success(request)
            }
            if buffer.count > maximumHeadBytes { return .failure(.tooLarge) }
            if Date() > deadline { return .failure(.closed) }
            searchFrom = max(0, buffer.count - 3)
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
            headers[name.lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }
}
