import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to open the listening socket (port in use, bad address): reported, exit 1.
struct ServeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = "error: \(message)" }
}

enum SocketIO {
    #if os(Linux)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    static let noSignal: Int32 = 0   // Darwin: SO_NOSIGPIPE is set on each connection instead
    #endif

    static var lastError: String { String(cString: strerror(errno)) }

    /// A client that goes away must never take the server down: SIGPIPE is ignored process-wide
    /// and every send also says MSG_NOSIGNAL (or SO_NOSIGPIPE), so a broken pipe is just an error.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Bounds how long a silent or stalled client can hold a connection thread.
    static func configureConnection(_ fd: Int32, timeoutSeconds: Int) {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
        #if !os(Linux)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Sends every byte or reports that the client is gone (reset, closed, timed out).
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var pointer = bytes.baseAddress else { return true }
        var remaining = bytes.count
        while remaining > 0 {
            let sent = send(fd, pointer, remaining, noSignal)
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            if sent == 0 { return false }
            pointer += sent
            remaining -= sent
        }
        return true
    }

    @discardableResult
    static func sendAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { sendAll(fd, $0) }
    }
}

/// The listening socket, bound to one address.
final class ListeningSocket {
    let fd: Int32
    let port: Int
    let isLoopback: Bool

    /// `host` is a numeric IPv4/IPv6 address or "localhost"; port 0 lets the system choose.
    init(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = SocketIO.streamType
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV | (host == "localhost" ? 0 : AI_NUMERICHOST)
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ServeFailure("cannot listen on '\(host)': \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastProblem = "no usable address"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, SocketIO.streamType, 0)
            if fd < 0 { lastProblem = SocketIO.lastError; continue }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(fd, 128) == 0 else {
                lastProblem = errno == EADDRINUSE ? "port \(port) is already in use (try --port with another number)" : SocketIO.lastError
                close(fd)
                continue
            }
            self.fd = fd
            let bound = ListeningSocket.boundAddress(fd)
            self.port = bound.port
            self.isLoopback = bound.isLoopback
            return
        }
        throw ServeFailure("cannot listen on \(host):\(port): \(lastProblem)")
    }

    /// The next client, or nil when accept failed transiently (the caller just tries again).
    func accept() -> Int32? {
        let client = acceptClient(fd)
        if client < 0 { return nil }
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        return client
    }

    private static func boundAddress(_ fd: Int32) -> (port: Int, isLoopback: Bool) {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: storage) { pointer -> (Int, Bool) in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { six in
                    let bytes = withUnsafeBytes(of: six.pointee.sin6_addr) { Array($0) }
                    let loopback = bytes == Array(repeating: 0, count: 15) + [1]
                    return (Int(UInt16(bigEndian: six.pointee.sin6_port)), loopback)
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { four in
                let address = UInt32(bigEndian: four.pointee.sin_addr.s_addr)
                return (Int(UInt16(bigEndian: four.pointee.sin_port)), address >> 24 == 127)
            }
        }
    }
}

/// Outside the class so the C function is not shadowed by `ListeningSocket.accept()`.
private func acceptClient(_ fd: Int32) -> Int32 {
    accept(fd, nil, nil)
}
