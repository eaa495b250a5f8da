import Foundation

/// The identity of the site currently in the output folder. Pages carry the id they were served
/// with and long-poll `/__densho/reload?since=<id>`; a different answer means "reload".
///
/// Ids start from the server's start time, so a page left open across a restart of `densho serve`
/// also sees a new id and reloads.
final class BuildGeneration: @unchecked Sendable {
    private let condition = NSCondition()
    private let prefix = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
    private var number = 1

    var current: String {
        condition.lock()
        defer { condition.unlock() }
        return "\(prefix)-\(number)"
    }

    /// Called after a build has been swapped in.
    func advance() {
        condition.lock()
        number += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Returns as soon as the id differs from `since`, or after `timeout` with the unchanged id.
    func wait(since: String, timeout: TimeInterval) -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while "\(prefix)-\(number)" == since {
            if !condition.wait(until: deadline) { break }
        }
        return "\(prefix)-\(number)"
    }
}

/// What `densho serve` adds to HTML responses (the files in site/ stay exactly as built).
enum LiveReload {
    static let endpoint = "/__densho/reload"

    /// Long-polls; on a network error (server stopped) it retries every second, so the page comes
    /// back by itself when the server does.
    static func script(build: String) -> String {
        """
        <script data-densho-build="\(build)">(function(){var id="\(build)";\
        function poll(){fetch("\(endpoint)?since="+encodeURIComponent(id),{cache:"no-store"})\
        .then(function(r){if(!r.ok)throw r.status;return r.text();})\
        .then(function(t){t=t.trim();if(t&&t!==id){location.reload();}else{poll();}})\
        .catch(function(){setTimeout(poll,1000);});}poll();})();</script>

        """
    }

    /// Before the last `</body>`, or at the end when a page has none.
    static func inject(into page: Data, build: String) -> Data {
        let script = Data(script(build: build).utf8)
        guard let at = lastIndex(ofCaseInsensitive: "</body>", in: page) else { return page + script }
        var out = [UInt8](page)
        out.insert(contentsOf: script, at: at)
        return Data(out)
    }

    /// A 404 page is served at any depth, but its relative links are written for the top folder.
    static func anchorAtRoot(_ page: Data) -> Data {
        guard let head = firstIndex(ofCaseInsensitive: "<head>", in: page) else { return page }
        var out = [UInt8](page)
        out.insert(contentsOf: Array("<base href=\"/\">".utf8), at: head + 6)
        return Data(out)
    }

    private static func lastIndex(ofCaseInsensitive needle: String, in data: Data) -> Int? {
        let pattern = Array(needle.utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= pattern.count else { return nil }
        for start in stride(from: bytes.count - pattern.count, through: 0, by: -1) where matches(bytes, at: start, pattern) {
            return start
        }
        return nil
    }

    static func firstIndex(ofCaseInsensitive needle: String, in data: Data) -> Int? {
        let pattern = Array(needle.utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where matches(bytes, at: start, pattern) { return start }
        return nil
    }

    private static func matches(_ bytes: [UInt8], at start: Int, _ pattern: [UInt8]) -> Bool {
        for (offset, expected) in pattern.enumerated() {
            var byte = bytes[start + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != expected { return false }
        }
        return true
    }
}
