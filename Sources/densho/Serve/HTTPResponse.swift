import Foundation

/// One answer. The connection stays open for the next request when the client wants it
/// (`keepAlive`): a search loads a dozen small shards, a page its CSS and scripts.
struct HTTPResponse {
    var status: Int
    var headers: [(String, String)]
    var body: Data

    init(status: Int, contentType: String? = nil, body: Data = Data(), headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.headers = headers
        if let contentType { self.headers.append(("Content-Type", contentType)) }
    }

    static func text(_ status: Int, _ message: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data((message + "\n").utf8), headers: headers)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 413: return "Content Too Large"
        case 422: return "Unprocessable Content"
        case 408: return "Request Timeout"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status \(status)"
        }
    }

    /// The bytes on the wire; for HEAD the same head (with the GET body's length) and no body.
    func serialized(includeBody: Bool, keepAlive: Bool = false) -> Data {
        var head = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += "Cache-Control: no-cache\r\n"
        head += "X-Content-Type-Options: nosniff\r\n"
        head += keepAlive ? "Connection: keep-alive\r\nKeep-Alive: timeout=\(Int(RequestReader.headSeconds))\r\n\r\n" : "Connection: close\r\n\r\n"
        var data = Data(head.utf8)
        if includeBody { data.append(body) }
        return data
    }
}
