import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A running `densho serve` (or `densho build --watch`) whose output is collected as it comes. Like
/// `Densho.run`, it speaks English unless `environment` says otherwise (status lines are in the
/// reader's language, Japanese on a Japanese site).
final class DenshoProcess {
    let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    init(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws {
        process.executableURL = Densho.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = Densho.englishEnvironment.merging(environment) { $1 }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, toError: false) }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, toError: true) }
        try process.run()
    }

    private func append(_ data: Data, toError: Bool) {
        lock.lock()
        if toError { err.append(data) } else { out.append(data) }
        lock.unlock()
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }

    /// Waits until the output satisfies `condition`, the process exits, or `timeout` passes.
    @discardableResult
    func waitFor(timeout: TimeInterval = 20, _ condition: (_ stdout: String, _ stderr: String) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if condition(stdout, stderr) { return true }
            if !process.isRunning { return condition(stdout, stderr) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        (process.standardOutput as? Pipe)?.fileHandleForReading.readabilityHandler = nil
        (process.standardError as? Pipe)?.fileHandleForReading.readabilityHandler = nil
    }

    /// The port from the serving line, in either language: "densho: serving site/ at
    /// http://127.0.0.1:PORT/ …" or "densho: site/ を http://127.0.0.1:PORT/ で配信しています…".
    func waitForPort(timeout: TimeInterval = 30) -> Int? {
        var port: Int?
        waitFor(timeout: timeout) { out, _ in
            // The only address serve prints on stdout is the one it serves at.
            guard let range = out.range(of: #"http://[^ /]+:[0-9]+/"#, options: .regularExpression) else { return false }
            let url = out[range]
            port = url.split(separator: ":").last.flatMap { Int($0.dropLast()) }
            return port != nil
        }
        return port
    }
}

/// One HTTP exchange over a raw socket: what a browser would never send is exactly what we test.
struct RawHTTP {
    struct Response {
        let status: Int
        let headers: [String: String]   // names lower-cased
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var raw: String
    }

    enum Failure: Error { case connect(String), noResponse(String) }

    let port: Int

    static func connect(port: Int, timeout: Int = 10) throws -> Int32 {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.connect("socket") }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { close(fd); throw Failure.connect(String(cString: strerror(errno))) }
        return fd
    }

    /// A loopback port held open by this test, to see `serve` refuse it.
    static func occupiedPort() throws -> (fd: Int32, port: Int) {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { close(fd); throw Failure.connect("cannot hold a port: \(String(cString: strerror(errno)))") }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { socketSend(fd, $0.baseAddress, $0.count) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Sends `request` as is and reads one response: to its Content-Length, or until the server
    /// closes (bounded by the socket timeout). The connection is closed after it.
    func exchange(_ request: String, timeout: Int = 10) throws -> Response {
        let fd = try RawHTTP.connect(port: port, timeout: timeout)
        defer { close(fd) }
        RawHTTP.send(fd, Array(request.utf8))
        var data = Data()
        return try RawHTTP.readResponse(fd, into: &data, request: request)
    }

    /// Reads one whole response from `fd`; bytes past it stay in `data` for the next one.
    static func readResponse(_ fd: Int32, into data: inout Data, request: String) throws -> Response {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let length = completeLength(data, head: request.hasPrefix("HEAD ")) {
                let response = try parse(data.prefix(length), request: request)
                data.removeFirst(length)
                return response
            }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        let response = try parse(data, request: request)
        data.removeAll()
        return response
    }

    /// The length of the first response in `data` once it has all arrived (nil: not yet, or no length).
    private static func completeLength(_ data: Data, head isHead: Bool) -> Int? {
        let bytes = [UInt8](data)
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }) else { return nil }
        if isHead { return end + 4 }
        let head = String(decoding: bytes[0..<end], as: UTF8.self).lowercased()
        guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
        return bytes.count >= end + 4 + length ? end + 4 + length : nil
    }

    func get(_ target: String, method: String = "GET", host: String = "127.0.0.1", timeout: Int = 10) throws -> Response {
        try exchange("\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: densho-tests\r\n\r\n", timeout: timeout)
    }

    static func parse(_ data: Data, request: String) throws -> Response {
        let bytes = [UInt8](data)
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }) else {
            throw Failure.noResponse("no response head for \(request.debugDescription): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        let head = String(decoding: bytes[0..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else {
            throw Failure.noResponse("bad status line \(lines[0].debugDescription)")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(bytes[(end + 4)...]), raw: String(decoding: bytes, as: UTF8.self))
    }
}

// Outside RawHTTP so its own `connect` and `send` do not shadow the C functions.
private func socketConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}

private func socketSend(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if os(Linux)
    return send(fd, pointer, count, Int32(MSG_NOSIGNAL))
    #else
    return send(fd, pointer, count, 0)
    #endif
}
