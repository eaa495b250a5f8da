import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Answers one request from the output folder: files as they are (plus the live-reload script in
/// HTML), the reload endpoint, 404 with the site's own 404 page, 405 for anything but GET and HEAD.
struct SiteHandler {
    let site: SitePath
    let generation: BuildGeneration
    /// When the server listens on loopback only, a request naming another host is a browser being
    /// steered at us by DNS rebinding: a page on the web must not read an internal site.
    let loopbackOnly: Bool
    /// The last failed build's errors, laid over HTML pages (serve only).
    var errorOverlay: BuildErrorOverlay?
    /// The forms API; nil when editing is off (a non-loopback --host without --allow-edits).
    var forms: FormsAPI? = nil

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.target.hasPrefix(FormsAPI.prefix) {
            guard let forms else { return .text(403, "403 forbidden: editing is off (serving on a non-loopback --host without --allow-edits)") }
            return forms.respond(to: request)
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(405, "405 method not allowed: densho serve answers GET and HEAD", headers: [("Allow", "GET, HEAD")])
        }
        if loopbackOnly, !request.isForLoopback {
            return .text(403, "403 forbidden: this server answers only to localhost, 127.0.0.1 and [::1]")
        }
        let path = request.target.prefix { $0 != "?" }
        if path == LiveReload.endpoint {
            return SiteHandler.buildAnswer(generation.current)   // a long-poll (with since=) goes to `listen`
        }
        // Taken before the file is read: a page is never newer than the id it carries.
        let build = generation.current
        switch site.lookup(request.target) {
        case .file(let real):
            guard let body = SiteHandler.readFile(real) else { return notFound(build: build) }
            let type = ContentTypes.forPath(real)
            let payload = type == ContentTypes.html ? withToken(LiveReload.inject(into: withErrors(body), build: build)) : body
            return HTTPResponse(status: 200, contentType: type, body: payload)
        case .redirect(let location):
            return .text(301, "moved to \(location)", headers: [("Location", location)])
        case .notFound:
            return notFound(build: build)
        case .badRequest(let reason):
            return .text(400, "400 bad request: \(reason)")
        }
    }

    /// Served pages carry the token their forms need; the files in site/ never do.
    private func withToken(_ page: Data) -> Data {
        forms.map { $0.guardian.injectToken(into: page) } ?? page
    }

    /// Requests whose body the server reads before answering: POSTs to the forms API. Any other
    /// body is never read (such a request is answered 405 at once, however long it says it is).
    func takesBody(_ request: HTTPRequest) -> Bool {
        request.method == "POST" && request.target.hasPrefix(FormsAPI.prefix)
    }

    /// A live-reload listener (see `LiveReload.isListener`), after the same checks as a page.
    func listen(_ request: HTTPRequest, on fd: Int32) {
        if loopbackOnly, !request.isForLoopback {
            SocketIO.sendAll(fd, HTTPResponse.text(403, "403 forbidden: this server answers only to localhost, 127.0.0.1 and [::1]").serialized(includeBody: true))
            return
        }
        if request.target.hasPrefix(LiveReload.eventsEndpoint) {
            LiveReload.stream(to: fd, generation: generation)
            return
        }
        let since = SiteHandler.queryValue("since", in: request.target) ?? ""
        let build = generation.wait(since: since, timeout: LiveReload.longPollSeconds)
        SocketIO.sendAll(fd, SiteHandler.buildAnswer(build).serialized(includeBody: true))
    }

    private static func buildAnswer(_ build: String) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Data(build.utf8))
    }

    private func notFound(build: String) -> HTTPResponse {
        if case .file(let real) = site.lookup("/404.html"), let page = SiteHandler.readFile(real) {
            let body = withToken(LiveReload.inject(into: withErrors(LiveReload.anchorAtRoot(page)), build: build))
            return HTTPResponse(status: 404, contentType: ContentTypes.html, body: body)
        }
        return .text(404, "404 not found")
    }

    private func withErrors(_ page: Data) -> Data { errorOverlay?.inject(into: page) ?? page }

    static func queryValue(_ name: String, in target: String) -> String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == name {
                let decoded = SitePath.percentDecode(Array(parts[1].utf8)) ?? Array(parts[1].utf8)
                return String(decoding: decoded, as: UTF8.self)
            }
        }
        return nil
    }

    /// Opens without following a last-moment symlink and accepts only a regular file.
    static func readFile(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return try? handle.readToEnd() ?? Data()
    }
}
