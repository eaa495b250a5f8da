import Foundation

/// Queries timed in headless Chromium. Both engines are served over loopback HTTP (Pagefind needs
/// fetch; densho's search.js would also work from file://, but there Chromium only dumps the DOM
/// in virtual time, which stops the clock while files load — so the times would be too kind).
/// The harness page POSTs its JSON to the server, which writes it to a file we wait for.
struct BrowserBench {
    let chromium: String
    let scratch: URL

    /// One result per query text, in order; nil where the browser gave nothing in time.
    func run(serving root: URL, harness: String, queries: Int) -> [BrowserResult?] {
        let results = scratch.appendingPathComponent("browser-results-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: results) }
        guard let server = try? HarnessServer(serving: root, results: results, scratch: scratch) else { return Array(repeating: nil, count: queries) }
        defer { server.stop() }
        return (0..<queries).map { i in
            // A fresh browser and profile per query: the first run is really cold.
            let out = results.appendingPathComponent("\(i).json")
            runChromium("http://127.0.0.1:\(server.port)/\(harness)?bench=\(i)", until: out)
            guard let data = try? Data(contentsOf: out) else { return nil }
            // DENSHO_BENCH_DEBUG=1 shows what each page reported (resource names included).
            if ProcessInfo.processInfo.environment["DENSHO_BENCH_DEBUG"] != nil { FileHandle.standardError.write(data + Data("\n".utf8)) }
            return try? JSONDecoder().decode(BrowserResult.self, from: data)
        }
    }

    private func runChromium(_ url: String, until out: URL) {
        let profile = scratch.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--remote-debugging-port=0", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        // The limit only keeps a broken page from hanging the benchmark.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && process.isRunning && !FileManager.default.fileExists(atPath: out.path) { usleep(20_000) }
        usleep(100_000)   // the server finishes writing before we read
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }
}

/// What a harness page reports for one query.
struct BrowserResult: Decodable {
    let total: Int
    let coldMs: Double
    let warmMs: Double
    /// Resources fetched during the cold query (after start-up): URL and, over HTTP, body size.
    let resources: [Resource]
    /// Bytes fetched before the query: the page's whole start-up (search.js and the manifest; Pagefind's init).
    let startupBytes: Int
    /// Of those, the index's own files (densho's `search/` folder: the manifest).
    let startupDataBytes: Int?
    /// Bytes the server sent between the query's start and its report (workers' fetches included).
    let servedBytes: Int?
    struct Resource: Decodable { let name: String; let bytes: Int }
}

/// A small threaded HTTP server (python3) that serves a folder and stores POSTed results.
final class HarnessServer {
    let port: Int
    private let process = Process()

    init(serving root: URL, results: URL, scratch: URL) throws {
        let script = scratch.appendingPathComponent("harness-server.py")
        try Data(HarnessServer.source.utf8).write(to: script)
        let portFile = results.appendingPathComponent("port")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, root.path, results.path, portFile.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let p = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                port = p
                return
            }
            if !process.isRunning { break }
            usleep(50_000)
        }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        port = 0
        throw BenchError("the harness HTTP server did not start")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    private static let source = """
        import http.server, os, sys, functools
        root, results, port_file = sys.argv[1], sys.argv[2], sys.argv[3]
        served = [0]
        class Handler(http.server.SimpleHTTPRequestHandler):
            # Bytes of the files served since the last /__mark: Pagefind fetches from a worker,
            # which the page's resource timing does not see.
            def do_GET(self):
                path = self.translate_path(self.path)
                super().do_GET()
                if os.path.isfile(path): served[0] += os.path.getsize(path)
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('Content-Length', '0')))
                name = os.path.basename(self.path.split('?')[0])
                if name == '__mark':
                    served[0] = 0
                    self.send_response(204); self.end_headers(); return
                body = body[:-1] + (',"servedBytes":%d}' % served[0]).encode() if body.endswith(b'}') else body
                tmp = os.path.join(results, name + '.tmp')
                with open(tmp, 'wb') as f: f.write(body)
                os.replace(tmp, os.path.join(results, name + '.json'))
                self.send_response(204); self.end_headers()
            def log_message(self, *args): pass
        Handler.extensions_map['.wasm'] = 'application/wasm'
        Handler.extensions_map['.js'] = 'text/javascript'
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Handler, directory=root))
        with open(port_file + '.tmp', 'w') as f: f.write(str(server.server_address[1]))
        os.replace(port_file + '.tmp', port_file)
        server.serve_forever()

        """
}
