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

/// What `densho serve` adds to HTML responses (the files in site/ stay exactly as built), and the
/// channels the pages learn of a new build through.
///
/// One connection per browser, not per tab: the tabs elect a leader with a Web Lock; the leader
/// alone holds an `EventSource` on `/__densho/events` and passes each event to the other tabs over a
/// `BroadcastChannel`. When the leader closes, the lock passes to another tab, which connects.
/// (A browser without Web Locks or BroadcastChannel has one stream per tab.) Browsers allow six
/// connections per host; a long-poll per tab used them all with a few tabs open. A page that is
/// already reloading passes the lock on at once instead of connecting just before it unloads.
///
/// Events are named, and their data is one JSON object, so more kinds can follow without breaking
/// old pages: `build` carries `{"build": "<id>"}`; a page reloads when the id is not its own.
/// `/__densho/reload?since=<id>` stays as a long-poll for tools.
enum LiveReload {
    static let endpoint = "/__densho/reload"
    static let eventsEndpoint = "/__densho/events"
    /// How long a long-poll waits, and how often an idle event stream gets a comment (so a closed
    /// tab's connection is noticed and its slot freed).
    static var longPollSeconds: TimeInterval = 25
    static var heartbeatSeconds: TimeInterval = 15

    /// Requests that wait for a build rather than ask for a file: they use the listeners' slots.
    static func isListener(_ request: HTTPRequest) -> Bool {
        guard request.method == "GET" else { return false }
        let path = request.target.prefix { $0 != "?" }
        return path == eventsEndpoint || (path == endpoint && request.target.contains("since="))
    }

    /// One server-sent event: a name and a JSON object.
    static func event(_ name: String, json: String) -> Data {
        Data("event: \(name)\ndata: \(json)\n\n".utf8)
    }

    static func buildEvent(_ build: String) -> Data {
        event("build", json: "{\"build\":\"\(build)\"}")
    }

    /// Keeps an event stream open on `fd`: the current build at once, each new one as it comes, a
    /// comment line when nothing happened for a while. Returns when the client is gone.
    static func stream(to fd: Int32, generation: BuildGeneration) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\n" +
            "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 1000\n\n"
        var build = generation.current
        guard SocketIO.sendAll(fd, Data(head.utf8) + buildEvent(build)) else { return }
        while true {
            let next = generation.wait(since: build, timeout: heartbeatSeconds)
            let message = next == build ? Data(": idle\n\n".utf8) : buildEvent(next)
            build = next
            guard SocketIO.sendAll(fd, message) else { return }
        }
    }

    /// The script is the same on every page but for the build id it was served with.
    static func script(build: String) -> String {
        """
        <script data-densho-build="\(build)">(function(){var id="\(build)",leaving=false;\
        function seen(b){if(b&&b!==id){leaving=true;location.reload();}}\
        function listen(pass){var es=new EventSource("\(eventsEndpoint)");\
        es.addEventListener("build",function(e){var d;try{d=JSON.parse(e.data);}catch(x){return;}pass(d);seen(d.build);});return es;}\
        if(window.BroadcastChannel&&navigator.locks){var ch=new BroadcastChannel("densho-live-reload");\
        ch.onmessage=function(e){if(e.data)seen(e.data.build);};\
        navigator.locks.request("densho-live-reload",function(){if(leaving)return;return new Promise(function(){listen(function(d){ch.postMessage(d);});});});}\
        else{listen(function(){});}})();</script>

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
