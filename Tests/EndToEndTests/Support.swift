import Foundation
import XCTest

/// Runs the built `densho` binary and captures what it prints.
struct Densho {
    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("densho")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/densho")
    }

    /// Tests read densho's messages in English unless they pass an environment of their own: a
    /// Japanese site speaks Japanese by default, and the tests of that pass `LANG` themselves.
    static var englishEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = "en_US.UTF-8"
        return environment
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Result {
        try ChildProcess.run(executable, arguments, in: directory, environment: environment ?? englishEnvironment)
    }
}

/// Runs a program to its end and captures what it prints; a watchdog stops one that hangs, so a
/// stuck child fails the test instead of eating the CI job's clock.
enum ChildProcess {
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String]? = nil, timeout: TimeInterval = 300) throws -> Densho.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Read both pipes before waiting so a chatty child cannot block on a full pipe.
        let outData = Captured()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Densho.Result(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    private final class Captured: @unchecked Sendable { var data = Data() }
}

/// A throw-away densho project in a temporary folder, written file by file.
final class TemporaryProject {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var site: URL { root.appendingPathComponent("site") }
    /// Where `build(["--public"])` writes: a public build never replaces the internal site.
    var publicSite: URL { root.appendingPathComponent("public") }
    var theme: URL { Densho.repositoryRoot.appendingPathComponent("themes/default") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("densho-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    func build(_ extra: [String] = [], today: String = "2026-11-25") throws -> Densho.Result {
        let output = extra.contains("--public") ? publicSite : site
        return try Densho.run(["build", "--content", content.path, "--output", output.path, "--theme", theme.path, "--today", today] + extra)
    }

    /// A small valid project: one of each kind, linked together.
    func writeMinimalSite() throws {
        try write("content/site.yml", """
        title: テスト市 伴走支援ノート
        language: ja
        visit_cadence_days: 90
        themes: [知財活用, 海外展開]
        """)
        try write("content/people/tanaka.md", """
        ---
        name: 田中 花子
        role: コーディネーター
        joined: 2018-04-01
        left: 2026-03-31
        successor: suzuki
        ---
        田中さんの紹介。
        """)
        try write("content/people/suzuki.md", "---\nname: 鈴木 一郎\nrole: 市職員\n---\n")
        try write("content/partners/ip-center.md", "---\nname: 知財マッチングセンター\nkind: ip\n---\n開放特許の紹介。\n")
        try write("content/companies/minato-seiki.md", """
        ---
        name: 株式会社みなと精機
        kana: みなとせいき
        owner: tanaka
        since: 2019-04-01
        cadence_days: 60
        themes: [知財活用]
        contacts:
          - name: 山田 太郎
            role: 代表取締役
            note: 二代目。試作の速さが強み。
        ---
        試作に強い精密加工。[[ip-center]] を紹介した。
        """)
        try write("content/visits/2026/2026-08-01-minato-seiki.md", """
        ---
        date: 2026-08-01
        company: minato-seiki
        staff: [suzuki]   # tanaka left on 2026-03-31: `check` warns about staff listed after they left
        themes: [知財活用]
        referrals:
          - to: ip-center
            status: introduced
            note: 開放特許の候補を3件紹介
        ---
        ## 聞いたこと
        新製品の種を探している。
        ## 見立て
        開放特許との相性が良い。
        ## 次の一手
        - [ ] 特許資料を送る
        - [x] 信金の担当に共有
        ## 振り返り
        [[companies/minato-seiki|みなと精機さん]]は反応が早い。
        """)
        try write("content/playbooks/first-visit.md", """
        ---
        title: 初回訪問のてびき
        order: 10
        themes: [知財活用]
        ---
        ## 準備
        [[株式会社みなと精機]]の例を読む。
        """)
    }
}

/// Every file of a built site, by relative path. The search index files keep their text
/// compressed (docs/search-index.md); with `searchText`, each one's decompressed data is added
/// as `<path>.payload`, so that content hunts see the text itself.
func siteFiles(_ root: URL, searchText: Bool = false) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [:] }
    while let path = walker.nextObject() as? String {
        guard walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
        files[path] = try Data(contentsOf: root.appendingPathComponent(path))
    }
    guard searchText else { return files }
    for (path, payload) in try SearchPayloads.decode(files.filter { $0.key.hasPrefix("search/") && $0.key.hasSuffix(".js") }) {
        files[path + ".payload"] = payload
    }
    return files
}

/// Inflates the data of search index files with node's zlib (the browser's inflater).
enum SearchPayloads {
    static func decode(_ files: [String: Data]) throws -> [String: Data] {
        let compressed = files.filter { !$0.key.hasSuffix("/index.js") }
        guard !compressed.isEmpty else { return [:] }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("densho-payloads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = compressed.keys.sorted()
        for (i, name) in names.enumerated() { try compressed[name]!.write(to: dir.appendingPathComponent("\(i)")) }
        let script = """
            const fs = require('fs'), zlib = require('zlib');
            // Base-93 text (docs/search-index.md) → bytes.
            const digits = new Map();
            for (let c = 0x20, d = 0; c <= 0x7E; c++) if (c !== 0x22 && c !== 0x5C) digits.set(c, d++);
            function base93(text) {
              const bytes = [];
              let bits = 0, count = 0;
              for (let i = 0; i < text.length; i += 2) {
                const pair = i + 1 < text.length;
                bits |= (digits.get(text.charCodeAt(i)) + (pair ? 93 * digits.get(text.charCodeAt(i + 1)) : 0)) << count;
                count += pair ? 13 : 6;
                while (count >= 8) { bytes.push(bits & 255); bits >>>= 8; count -= 8; }
              }
              return Buffer.from(bytes);
            }
            const out = [];
            for (let i = 0; i < \(names.count); i++) {
              const src = fs.readFileSync(process.argv[1] + '/' + i, 'utf8');
              const m = /^densho_search_register\\("[^"]*","([^"\\\\]*)"\\);\\n$/.exec(src);
              if (!m) { console.error('not a compressed index file: ' + i); process.exit(3); }
              out.push(zlib.inflateRawSync(base93(m[1])).toString('base64'));
            }
            process.stdout.write(out.join('\\n'));
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", script, dir.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "SearchPayloads", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "node (needed to read the compressed search index) failed: \(errors)"])
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var decoded: [String: Data] = [:]
        for (name, line) in zip(names, lines) { decoded[name] = Data(base64Encoded: String(line)) ?? Data() }
        return decoded
    }
}
