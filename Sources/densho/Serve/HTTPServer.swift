import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server: one thread per connection, at most `maximumConnections` at once,
/// one request per connection. Slow or vanished clients cost a thread for at most the timeout.
final class HTTPServer: @unchecked Sendable {
    static let maximumConnections = 64
    static let ioTimeoutSeconds = 10

    private let socket: ListeningSocket
    private let handler: SiteHandler
    private let lock = NSLock()
    private var active = 0

    init(socket: ListeningSocket, handler: SiteHandler) {
        self.socket = socket
        self.handler = handler
    }

    /// Accepts forever on a background thread.
    func start() {
        SocketIO.ignoreBrokenPipes()
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "densho-serve-accept"
        thread.start()
    }

    private func acceptLoop() {
        while true {
            guard let client = socket.accept() else {
                // Out of file descriptors, most likely: pause instead of spinning on the error.
                usleep(50_000)
                continue
            }
            SocketIO.configureConnection(client, timeoutSeconds: HTTPServer.ioTimeoutSeconds)
            guard reserveSlot() else {
                SocketIO.sendAll(client, HTTPResponse.text(503, "503 busy: too many open connections").serialized(includeBody: true))
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                releaseSlot()
            }
            thread.start()
        }
    }

    private func reserveSlot() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard active < HTTPServer.maximumConnections else { return false }
        active += 1
        return true
    }

    private func releaseSlot() {
        lock.lock()
        active -= 1
        lock.unlock()
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        let response: HTTPResponse
        var includeBody = true
        switch RequestReader.read(from: client) {
        case .failure(.closed): return
        case .failure(.tooLarge): response = .text(431, "431 request head too large")
        case .failure(.bodyTooLarge): response = .text(413, "413 request body too large")
        case .failure(.malformed): response = .text(400, "400 bad request")
        case .success(let request):
            response = handler.respond(to: request)
            includeBody = request.method != "HEAD"
        }
        // A client that resets mid-response makes sendAll return false; nothing else happens.
        guard SocketIO.sendAll(client, response.serialized(includeBody: includeBody)) else { return }
        finish(client)
    }

    /// Half-closes and lets the client read to the end: closing with unread request bytes would
    /// make the kernel send a reset that can destroy the response before the client reads it.
    private func finish(_ client: Int32) {
        shutdown(client, Int32(SHUT_WR))
        SocketIO.configureConnection(client, timeoutSeconds: 2)
        var scratch = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 64 * 1024 {
            let count = scratch.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return }
            drained += count
        }
    }
}
