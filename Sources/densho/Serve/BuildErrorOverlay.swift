import Foundation
import Mustache

/// The errors of the last rebuild when it failed. `serve` lays them over every page it answers —
/// each as `path:line:column: error: message`, as on the terminal — until a build succeeds, so the
/// person editing sees what broke where they are looking. The site itself is never touched: the
/// previous pages are served as they were, with this box added to the response.
///
/// Kept apart from live reload on purpose: a failed build advances the build id like any other
/// (the open pages reload and come back with this box), and the next good build does it again
/// (they come back without it). The reload protocol stays exactly what it is.
final class BuildErrorOverlay: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    static let elementID = "densho-build-errors"

    func show(_ lines: [String]) { lock.lock(); self.lines = lines; lock.unlock() }
    func clear() { lock.lock(); lines = []; lock.unlock() }
    var current: [String] { lock.lock(); defer { lock.unlock() }; return lines }

    /// The page with the box right after its `<body …>` tag (at the start when it has none);
    /// the page as it is when the last build succeeded.
    func inject(into page: Data) -> Data {
        let lines = current
        guard !lines.isEmpty else { return page }
        let bytes = [UInt8](page)
        let head = bytes.prefix(4096)
        let english = String(decoding: head, as: UTF8.self).contains("<html lang=\"en\"")
        let box = Array(Self.html(lines, english: english).utf8)
        var out = bytes
        out.insert(contentsOf: box, at: Self.afterBodyTag(in: bytes) ?? 0)
        return Data(out)
    }

    static func html(_ lines: [String], english: Bool) -> String {
        let title = english ? "densho: the last rebuild failed — this page is from the previous build. Fix and save; the page reloads."
                            : "densho: 再ビルドに失敗しました — この画面は前回のビルドのままです。直して保存すると再読み込みします。"
        let close = english ? "Close" : "閉じる"
        let items = lines.map { "<li>\(Mustache.escapeHTML($0))</li>" }.joined()
        return """
        <div id="\(elementID)" role="alert" style="position:fixed;left:0;right:0;bottom:0;z-index:2147483647;\
        max-height:60vh;overflow:auto;margin:0;padding:.75rem 1rem;background:#3b0f0f;color:#fff;\
        font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.35)">\
        <button type="button" onclick="this.parentNode.remove()" style="float:right;font:inherit">\(close)</button>\
        <p style="margin:0 0 .5rem;font-weight:700">\(Mustache.escapeHTML(title))</p>\
        <ol style="margin:0;padding-left:1.5rem;white-space:pre-wrap;overflow-wrap:anywhere">\(items)</ol></div>
        """
    }

    /// Just past the `>` of the first `<body` tag (ASCII, any case).
    private static func afterBodyTag(in bytes: [UInt8]) -> Int? {
        let tag = Array("<body".utf8)
        guard bytes.count >= tag.count else { return nil }
        for start in 0...(bytes.count - tag.count) {
            var same = true
            for (offset, expected) in tag.enumerated() {
                var byte = bytes[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != expected { same = false; break }
            }
            guard same else { continue }
            guard let close = bytes[(start + tag.count)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            return close + 1
        }
        return nil
    }
}
