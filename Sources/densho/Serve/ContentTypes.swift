/// Content types by file extension. Text types say UTF-8: every page densho writes is UTF-8,
/// and a browser guessing otherwise turns Japanese into mojibake.
enum ContentTypes {
    static let html = "text/html; charset=utf-8"

    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return html
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "txt": return "text/plain; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"       // reports/calendar.ics
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        // Attachments (see Site's AttachmentIndex): office files are downloads, as octet-stream.
        case "csv": return "text/csv; charset=utf-8"
        case "avif": return "image/avif"
        case "bmp": return "image/bmp"
        case "mp4": return "video/mp4"
        case "mov": return "video/quicktime"
        case "mp3": return "audio/mpeg"
        case "m4a": return "audio/mp4"
        case "wav": return "audio/wav"
        case "zip": return "application/zip"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        default: return "application/octet-stream"
        }
    }
}
