import Foundation
import XCTest
import TestTools
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven from the command line: load a page, let its scripts run (in virtual
/// time, so timers and debouncing do not slow the test), and return the DOM it ended with.
struct Chromium {
    let executable: URL

    /// Debian's chromium; a failure when missing, a skip only when `scripts/setup --test` could not
    /// install it (see `RequiredTool`).
    static func require(file: StaticString = #filePath, line: UInt = #line) throws -> Chromium {
        Chromium(executable: try RequiredTool.find("chromium", names: ["chromium", "chromium-browser"],
                                                   candidates: ["/usr/bin/chromium"], file: file, line: line))
    }

    /// The serialized DOM of `url` once the page is idle. Each call gets its own profile folder,
    /// so runs never share state (or the profile lock) with each other or with a desktop browser.
    func dumpDOM(_ url: String, scratch: URL, virtualTimeBudget: Int = 10000) throws -> String {
        let profile = scratch.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try ChildProcess.run(executable, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                                       "--disable-extensions", "--user-data-dir=\(profile.path)",
                                                       "--virtual-time-budget=\(virtualTimeBudget)", "--dump-dom", url],
                                           timeout: max(60, Double(virtualTimeBudget) / 1000 * 3))
        let dom = result.stdout
        guard result.status == 0, dom.contains("</html>") else {
            throw BrowserTestError("chromium failed on \(url) (status \(result.status)): \(result.stderr.suffix(2000))")
        }
        return dom
    }
}

extension Chromium {
    /// A PNG of `url` as a window of `width` × `height` CSS pixels shows it (scale 1: one pixel each).
    func screenshot(_ url: String, to file: URL, width: Int, height: Int, scratch: URL) throws {
        let profile = scratch.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try ChildProcess.run(executable, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                                       "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                                                       "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)",
                                                       "--screenshot=\(file.path)", url], timeout: 90)
        guard result.status == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw BrowserTestError("chromium made no screenshot of \(url) (status \(result.status)): \(result.stderr.suffix(2000))")
        }
    }
}

struct BrowserTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `python3 -m http.server` on a free loopback port, serving one folder.
final class LoopbackServer {
    let port: Int
    private let process: Process

    init(serving directory: URL) throws {
        port = try LoopbackServer.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready when it accepts a connection; the limit is only there to fail instead of hanging.
        for _ in 0..<200 {
            if LoopbackServer.accepts(port: port) { return }
            if !process.isRunning {
                throw BrowserTestError("the loopback HTTP server (python3 -m http.server) exited with status \(process.terminationStatus); is python3 installed?")
            }
            usleep(50_000)
        }
        stop()
        throw BrowserTestError("the loopback HTTP server did not answer on 127.0.0.1:\(port)")
    }

    var baseURL: String { "http://127.0.0.1:\(port)/" }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    /// A port the kernel just handed out (bind to 0); the server binds it right after.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BrowserTestError("socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw BrowserTestError("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw BrowserTestError("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

/// Small readers of the DOM Chromium serializes (attribute values with `"`, text with `&lt;`…).
enum DumpedDOM {
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Capture group 1 of every match of `pattern`.
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The inner HTML of the first element whose start tag contains `marker` (no nesting of the
    /// same tag name inside it).
    static func element(_ tag: String, containing marker: String, in dom: String) -> String? {
        matches("<\(tag)[^>]*\(NSRegularExpression.escapedPattern(for: marker))[^>]*>(.*?)</\(tag)>", in: dom).first
    }
}
