import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server: one thread per connection, with keep-alive for the browser's many small
/// files. Connections count against two separate pools:
///
/// - `maximumConnections` for page requests (and for clients still sending their head): a client
///   has `RequestReader.headSeconds` to send a whole head, and an idle keep-alive connection the
///   same time to start the next one, so slow or silent clients hold a slot for seconds, not minutes;
/// - `maximumListeners` for live reload (event streams and long-polls), which wait for minutes by
///   design: once a request is known to be one, it moves to this pool and frees its page slot.
final class HTTPServer: @unchecked Sendable {
    static let maximumConnections = 192
    static let maximumListeners = 96
    static let ioTimeoutSeconds = 10
    /// Requests served on one connection before it is closed (the browser opens another).
    static let maximumRequestsPerConnection = 1000

    private let socket: ListeningSocket
    private let handler: SiteHandler
    private let connections = SlotPool(HTTPServer.maximumConnections)
    private let listeners = SlotPool(HTTPServer.maximumListeners)

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
            guard connections.reserve() else {
                SocketIO.sendAll(client, HTTPResponse.text(503, "503 busy: too many open connections").serialized(includeBody: true))
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
            }
            thread.start()
        }
    }

    /// Answers requests on one connection until the client closes it, asks to, or goes quiet.
    /// Holds a connection slot throughout, unless it becomes a live-reload listener.
    private func serve(_ client: Int32) {
        var pool: SlotPool? = connections
        defer {
            close(client)
            pool?.release()
        }
        let reader = RequestReader(fd: client)
        for served in 0..<HTTPServer.maximumRequestsPerConnection {
            let response: HTTPResponse
            var includeBody = true
            var keepAlive = false
            // The first head may take `headSeconds` from the accept; a later one as long from the
            // end of the previous answer.
            switch reader.next(deadline: Date(timeIntervalSinceNow: RequestReader.headSeconds), idleAllowed: served > 0) {
            case .failure(.closed): return
            case .failure(.tooLarge): response = .text(431, "431 request head too large")
            case .failure(.bodyTooLarge): response = .text(413, "413 request body too large")
            case .failure(.malformed): response = .text(400, "400 bad request")
            case .success(var request):
                var bodyRead = false
                if handler.takesBody(request) {
                    if let problem = reader.readBody(of: &request, deadline: Date(timeIntervalSinceNow: RequestReader.headSeconds)) {
                        if problem == .closed { return }
                        SocketIO.sendAll(client, HTTPResponse.text(problem == .bodyTooLarge ? 413 : 400, problem == .bodyTooLarge
                            ? "413 request body too large" : "400 bad request").serialized(includeBody: true))
                        finish(client)
                        return
                    }
                    bodyRead = true
                }
                if LiveReload.isListener(request) {
                    // Leaves the page pool for the listeners' own: a page request never waits for a tab's reload channel.
                    guard listeners.reserve() else {
                        SocketIO.sendAll(client, HTTPResponse.text(503, "503 busy: too many live-reload listeners").serialized(includeBody: true))
                        return
                    }
                    connections.release()
                    pool = listeners
                    handler.listen(request, on: client)
                    return
                }
                response = handler.respond(to: request)
                includeBody = request.method != "HEAD"
                keepAlive = request.wantsKeepAlive && served + 1 < HTTPServer.maximumRequestsPerConnection
                    && (bodyRead || !request.announcesBody)   // an unread body would be taken for the next request
            }
            // A client that resets mid-response makes sendAll return false; nothing else happens.
            guard SocketIO.sendAll(client, response.serialized(includeBody: includeBody, keepAlive: keepAlive)) else { return }
            if !keepAlive {
                finish(client)
                return
            }
        }
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

/// A counted set of slots shared by threads.
final class SlotPool: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var used = 0

    init(_ capacity: Int) { self.capacity = capacity }

    func reserve() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard used < capacity else { return false }
        used += 1
        return true
    }

    func release() {
        lock.lock()
        used -= 1
        lock.unlock()
    }
}
