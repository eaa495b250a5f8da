import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `serve` for a team: live-reload listeners and slow clients never lock page requests out,
/// responses stay whole while the site is rebuilt under them, and connections are kept alive.
final class ServeLoadTests: XCTestCase {
    private var server: DenshoProcess?
    private var project: TemporaryProject!

    override func setUpWithError() throws {
        project = try TemporaryProject()
        try project.writeMinimalSite()
    }

    override func tearDown() {
        server?.stop()
        server = nil
        project = nil
    }

    private func start() throws -> RawHTTP {
        let process = try DenshoProcess(["serve", "--port", "0", "--content", project.content.path, "--output", project.site.path,
                                         "--theme", project.theme.path, "--today", "2026-11-25"])
        server = process
        guard let port = process.waitForPort() else {
            XCTFail("densho serve did not start:\n\(process.stdout)\n\(process.stderr)")
            throw RawHTTP.Failure.connect("no port")
        }
        return RawHTTP(port: port)
    }

    private func openStream(_ http: RawHTTP) throws -> Int32 {
        let fd = try RawHTTP.connect(port: http.port, timeout: 30)
        RawHTTP.send(fd, Array("GET /__densho/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
        return fd
    }

    /// Reads from an event stream until `done` holds for what arrived (or the socket's timeout).
    private func readStream(_ fd: Int32, until done: (String) -> Bool) -> String {
        var seen = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !done(String(decoding: seen, as: UTF8.self)) {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            seen.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: seen, as: UTF8.self)
    }

    /// The build ids of the complete `build` events in a stream.
    private func builds(_ stream: String) -> [String] {
        stream.components(separatedBy: "event: build\ndata: {\"build\":\"").dropFirst().compactMap { rest in
            rest.range(of: "\"}\n\n").map { String(rest[..<$0.lowerBound]) }
        }
    }

    func testEventStreamsHaveTheirOwnSlotsAndAnnounceEachBuild() throws {
        let http = try start()
        let page = try http.get("/companies/minato-seiki.html")
        XCTAssertTrue(page.text.contains("/__densho/events") && page.text.contains("BroadcastChannel") && page.text.contains("navigator.locks"),
                      "one shared stream per browser")
        // More listeners than the old server had connections in all: pages are still answered.
        var streams: [Int32] = []
        defer { streams.forEach { close($0) } }
        for _ in 0..<80 { streams.append(try openStream(http)) }
        let first = readStream(streams[79]) { !builds($0).isEmpty }
        XCTAssertTrue(first.contains("text/event-stream"), first)
        XCTAssertTrue(first.contains("retry: 1000"), first)
        for _ in 0..<20 {
            XCTAssertEqual(try http.get("/companies/minato-seiki.html", timeout: 5).status, 200)
        }
        guard let id = builds(first).first else { return XCTFail("no build event: \(first)") }
        XCTAssertEqual(try http.get("/__densho/reload").text, id, "the stream names the current build")
        let before = readStream(streams[0]) { !builds($0).isEmpty }
        try project.write("content/companies/minato-seiki.md", try project.read("content/companies/minato-seiki.md") + "\n追記。\n")
        let after = readStream(streams[0]) { builds($0).contains { $0 != id } }
        XCTAssertEqual(builds(before), [id])
        XCTAssertTrue(builds(after).contains { $0 != id }, "a new build is announced on the open stream: \(after)")
    }

    func testSlowClientsAreDroppedAndNeverBlockAPageRequest() throws {
        let http = try start()
        var slow: [Int32] = []
        defer { slow.forEach { close($0) } }
        for _ in 0..<64 {
            let fd = try RawHTTP.connect(port: http.port, timeout: 30)
            RawHTTP.send(fd, Array("GET /index.html HTTP/1.1\r\nHo".utf8))   // and nothing more
            slow.append(fd)
        }
        let start = Date()
        let page = try http.get("/companies/minato-seiki.html", timeout: 10)
        XCTAssertEqual(page.status, 200)
        XCTAssertLessThan(Date().timeIntervalSince(start), 4, "a normal request is answered while 64 clients dawdle")
        // Each slow client is dropped a few seconds after it connected (its head never finished).
        var dropped = 0
        var scratch = [UInt8](repeating: 0, count: 64)
        for fd in slow {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 || (count < 0 && errno == ECONNRESET) { dropped += 1 }
        }
        XCTAssertEqual(dropped, 64, "every slow client is disconnected")
        XCTAssertLessThan(Date().timeIntervalSince(start), 25)
    }

    func testKeepAliveServesManyRequestsOnOneConnection() throws {
        let http = try start()
        let fd = try RawHTTP.connect(port: http.port, timeout: 10)
        defer { close(fd) }
        var pending = Data()
        let targets = ["/index.html", "/static/style.css", "/companies/minato-seiki.html", "/search/index.js", "/nosuch.html"]
        // Two sent at once (pipelined), the rest one by one.
        RawHTTP.send(fd, Array((targets[0...1].map { "GET \($0) HTTP/1.1\r\nHost: localhost\r\n\r\n" }.joined()).utf8))
        for (i, target) in targets.enumerated() {
            if i >= 2 { RawHTTP.send(fd, Array("GET \(target) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)) }
            let response = try RawHTTP.readResponse(fd, into: &pending, request: "GET \(target)")
            XCTAssertEqual(response.status, target == "/nosuch.html" ? 404 : 200, target)
            XCTAssertEqual(response.headers["connection"], "keep-alive", target)
            XCTAssertEqual(Int(response.headers["content-length"] ?? ""), response.body.count, target)
        }
        RawHTTP.send(fd, Array("GET /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8))
        let last = try RawHTTP.readResponse(fd, into: &pending, request: "GET /index.html")
        XCTAssertEqual(last.headers["connection"], "close")
    }

    /// Page requests and listeners while the site is rebuilt again and again: every answer is a
    /// whole file, the old one or the new one, never a mix.
    func testConcurrentRequestsDuringRebuildsGetWholeFiles() throws {
        let http = try start()
        var streams: [Int32] = []
        defer { streams.forEach { close($0) } }
        for _ in 0..<16 { streams.append(try openStream(http)) }
        let note = "content/companies/minato-seiki.md"
        let original = try project.read(note)
        let failures = FailureLog()
        let stop = Flag()
        let group = DispatchGroup()
        for worker in 0..<8 {
            group.enter()
            Thread {
                defer { group.leave() }
                var pending = Data()
                var fd: Int32 = -1
                while !stop.isSet {
                    do {
                        if fd < 0 { fd = try RawHTTP.connect(port: http.port, timeout: 15) }
                        let target = worker % 2 == 0 ? "/companies/minato-seiki.html" : "/search/index.js"
                        RawHTTP.send(fd, Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                        let response = try RawHTTP.readResponse(fd, into: &pending, request: "GET \(target)")
                        if response.status != 200 { failures.add("\(target): \(response.status)") }
                        if Int(response.headers["content-length"] ?? "") != response.body.count { failures.add("\(target): length") }
                        if target.hasSuffix(".html") {
                            let text = response.text
                            let rounds = text.components(separatedBy: "版番号-").count - 1
                            if !(text.hasSuffix("</html>\n") || text.hasSuffix("</html>")) { failures.add("html cut short") }
                            if rounds > 1 { failures.add("two versions in one page") }
                        } else if !(response.text.hasPrefix("densho_search_register(\"index\",") && response.text.hasSuffix(");\n")) {
                            failures.add("search/index.js is not whole")
                        }
                        if response.headers["connection"] != "keep-alive" { close(fd); fd = -1; pending = Data() }
                    } catch {
                        failures.add("\(error)")
                        if fd >= 0 { close(fd) }
                        fd = -1
                        pending = Data()
                    }
                }
                if fd >= 0 { close(fd) }
            }.start()
        }
        for round in 0..<6 {
            try project.write(note, original + "\n版番号-\(round) " + String(repeating: "伝承の記録。", count: 200 * (round + 1)) + "\n")
            XCTAssertTrue(server!.waitFor(timeout: 60) { out, _ in out.components(separatedBy: "densho: built").count >= round + 3 }, server!.stdout)
        }
        stop.set()
        group.wait()
        XCTAssertEqual(failures.all, [], "every response whole")
        XCTAssertTrue(try http.get("/companies/minato-seiki.html").text.contains("版番号-5"))
    }
}

private final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); if items.count < 20 { items.append(item) }; lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
