import Foundation
import Seeded
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Faults around writes: SIGKILL in a session's in-place commit, in `new` and in `reflect`; two
/// densho processes on one output; a full disk; a read-only content folder. Nothing is lost, nothing
/// is left half-written, and every refusal says why.
final class FaultTests: XCTestCase {
    private func arguments(_ project: TemporaryProject, output: URL? = nil) -> [String] {
        ["--content", project.content.path, "--output", (output ?? project.site).path, "--theme", project.theme.path, "--today", "2026-11-25"]
    }

    /// Starts densho in the project folder, output collected, optionally with extra environment.
    private func spawn(_ arguments: [String], in project: TemporaryProject, environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = Densho.executable
        process.arguments = arguments
        process.currentDirectoryURL = project.root
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func kill9(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func kill9(_ process: DenshoProcess) {
        kill(process.process.processIdentifier, SIGKILL)
        process.stop()
    }

    private func waitUntil(_ seconds: TimeInterval = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// The `site.yml` title every page of the site carries, per page (nil: none found).
    private func titles(_ project: TemporaryProject) throws -> Set<String> {
        var found: Set<String> = []
        for (path, data) in try siteFiles(project.site) where path.hasSuffix(".html") && !path.hasPrefix("404") {
            let text = String(decoding: data, as: UTF8.self)
            guard let range = text.range(of: #"版-[0-9]+"#, options: .regularExpression) else { found.insert("none:\(path)"); continue }
            found.insert(String(text[range]))
        }
        return found
    }

    private func writeTitle(_ project: TemporaryProject, _ round: Int) throws {
        try project.write("content/site.yml", "title: 伝承 版-\(round)\nlanguage: ja\nthemes: [知財活用, 海外展開]\n")
    }

    /// A session (`build --watch` in odd rounds, `serve` in even ones) killed in the middle of an
    /// in-place commit: the journal lets the next densho that opens the folder finish it, even
    /// when that one's build fails.
    func testAKilledSessionCommitIsFinishedByTheNextStart() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        for i in 0..<40 {
            try project.write("content/visits/2026/2026-09-\(String(format: "%02d", i % 28 + 1))-minato-seiki-\(i + 2).md",
                              "---\ndate: 2026-09-\(String(format: "%02d", i % 28 + 1))\ncompany: minato-seiki\nstaff: [suzuki]\n---\n## 見立て\n記録\(i)\n")
        }
        try writeTitle(project, 0)
        XCTAssertEqual(try project.build().status, 0)
        // Every round changes the title (every page changes: a full in-place rebuild) and kills the
        // session while its commit is paused after the journal (deterministic) or at a random moment.
        var rng = SeededRandom(seed: 17)
        var finished = 0
        for round in 1...6 {
            let pause = round <= 2 ? ["DENSHO_FAULT_PAUSE_COMMIT_MS": "5000"] : [:]
            let serves = round % 2 == 0
            let watch = try DenshoProcess((serves ? ["serve", "--port", "0"] : ["build", "--watch"]) + arguments(project), environment: pause)
            if serves {
                XCTAssertNotNil(watch.waitForPort(), watch.stderr)
            } else {
                XCTAssertTrue(watch.waitFor { out, _ in out.contains("watching") }, watch.stderr)
            }
            try writeTitle(project, round)
            if round <= 2 {
                XCTAssertTrue(waitUntil(30) { project.exists("site/.densho-commit") }, "the commit records its journal first")
            } else {
                usleep(UInt32(500_000 + Int(rng.next() % 1_000_000)))
            }
            kill9(watch)
            let journal = project.exists("site/.densho-commit")
            let seen = try titles(project)
            XCTAssertTrue(journal || seen.count == 1, "round \(round) (\(serves ? "serve" : "build --watch")): a mixed site must carry its journal: \(seen)")
            // The next start fails its build (a broken note) and still finishes the commit.
            try project.write("content/companies/broken.md", "---\nname: [壊れた\n---\n")
            let next = try project.build()
            XCTAssertEqual(next.status, 1)
            XCTAssertFalse(project.exists("site/.densho-commit"))
            let after = try titles(project)
            XCTAssertEqual(after.count, 1, "round \(round): one version on every page after the next start: \(after)")
            if journal { finished += 1; XCTAssertEqual(after, ["版-\(round)"], "a recorded commit is finished") }
            try FileManager.default.removeItem(at: project.content.appendingPathComponent("companies/broken.md"))
            XCTAssertEqual(try project.build().status, 0)
        }
        XCTAssertGreaterThanOrEqual(finished, 2, "the paused rounds were caught mid-commit")
    }

    /// SIGKILL at random moments of `reflect` and `new`: the note is the old bytes or the new ones,
    /// never a part; strays are cleaned by the next run; the created notes are whole.
    func testKilledReflectAndNewLoseNothingAndLeaveNothingHalfWritten() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let note = "content/visits/2026/2026-08-01-minato-seiki.md"
        var rng = SeededRandom(seed: 29)
        var expected = try project.read(note)
        for round in 0..<24 {
            let day = String(format: "2027-%02d-%02d", round / 28 + 1, round % 28 + 1)
            let run = try spawn(["reflect", note, "--today", day], in: project)
            usleep(UInt32(rng.next() % 40_000))
            kill9(run)
            let now = try project.read(note)
            XCTAssertTrue(now == expected || (now.hasPrefix(expected) && now.hasSuffix("後任に引き継ぐべきこと：\n") && now.contains("## 振り返り (\(day))")),
                          "round \(round): neither the old note nor the old one with a whole section")
            expected = now
        }
        for round in 0..<12 {
            let run = try spawn(["new", "visit", "minato-seiki", "--date", "2027-03-\(String(format: "%02d", round + 1))"], in: project)
            usleep(UInt32(rng.next() % 40_000))
            kill9(run)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: project.content.path + "/visits/2027")) ?? [] where !name.hasPrefix(".") {
            let text = try project.read("content/visits/2027/" + name)
            XCTAssertTrue(text.hasPrefix("---\n") && text.contains("## 振り返り"), "\(name) is whole")
        }
        // Whatever strays the kills left, the next run removes them; check then names none.
        let last = try Densho.run(["reflect", note, "--today", "2028-01-01"], in: project.root)
        XCTAssertEqual(last.status, 0, last.stderr)
        let strays = StrayNames.all(under: project.content)
        XCTAssertEqual(strays, [], "no temporary file survives the next run")
    }

    /// SIGKILL at random moments of `import`: every note it left is whole (the very bytes a full
    /// import writes), and the next import writes the rest: nothing lost, nothing twice, no strays.
    func testAKilledImportLeavesWholeNotesAndTheNextImportFinishesIt() throws {
        let project = try TemporaryProject(), reference = try TemporaryProject()
        let csv = visitsCSV()
        for twin in [project, reference] {
            try twin.writeMinimalSite()
            try csv.write(to: twin.root.appendingPathComponent("visits.csv"))
        }
        let started = Date()
        let full = try Densho.run(["import", "visits", "visits.csv"], in: reference.root)
        XCTAssertEqual(full.status, 0, full.stderr)
        let duration = Date().timeIntervalSince(started)
        let expected = try siteFiles(reference.content)
        var rng = SeededRandom(seed: 31)
        var caught = 0
        let original = try siteFiles(project.content)
        for round in 0..<12 {
            let run = try spawn(["import", "visits", "visits.csv"], in: project)
            if round % 2 == 0 {
                usleep(UInt32(Double(rng.next() % 1000) / 1000 * duration * 1_000_000))
            } else {
                // Writing is a short part of an import: half the kills aim at it, at a random moment.
                let folder = project.content.appendingPathComponent("visits/2026").path
                _ = waitUntil(10) { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).count > 1 || !run.isRunning }
                usleep(UInt32(rng.next() % 3_000))
            }
            kill9(run)
            let now = try siteFiles(project.content)
            for (path, data) in now where !(path.split(separator: "/").last ?? "").hasPrefix(".") {
                XCTAssertEqual(data, expected[path], "round \(round): \(path) is not the note a full import writes")
            }
            let notes = Set(now.keys).subtracting(original.keys).filter { !$0.contains("/.") }.count
            let temporary = now.keys.filter { $0.contains(".densho-") }.count
            if (notes > 0 && notes < 60) || temporary > 0 { caught += 1 }
            // The next import writes exactly what was missing, and leaves no temporary file.
            let next = try Densho.run(["import", "visits", "visits.csv"], in: project.root)
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertEqual(try siteFiles(project.content), expected, "round \(round) (killed with \(notes) notes and \(temporary) temporary files written)")
            for path in Set(expected.keys).subtracting(original.keys) { try FileManager.default.removeItem(at: project.content.appendingPathComponent(path)) }
        }
        print("import kills: \(caught) of 12 caught while writing")
        XCTAssertEqual(StrayNames.all(under: project.content), [])
    }

    /// `serve` on the project's own folder (so note paths read `content/…`) and a client of its forms.
    private func startServe(_ project: TemporaryProject, today: String) throws -> (DenshoProcess, FormsClient) {
        let server = try DenshoProcess(["serve", "--port", "0", "--content", "content", "--output", "site",
                                        "--theme", project.theme.path, "--today", today], in: project.root)
        guard let port = server.waitForPort() else { server.stop(); throw RawHTTP.Failure.connect("serve did not start: \(server.stderr)") }
        let page = try RawHTTP(port: port).get("/companies/minato-seiki.html", host: "127.0.0.1:\(port)")
        let token = DumpedDOM.matches(#"<meta name="densho-token" content="([0-9a-f]{64})">"#, in: page.text).first ?? ""
        return (server, FormsClient(http: RawHTTP(port: port), port: port, token: token))
    }

    /// Visits of one company on 60 days, as an Excel user's UTF-8 CSV with Japanese text.
    private func visitsCSV() -> Data {
        var rows = ["日付,企業,担当,種別,聞いたこと,次の一手"]
        for day in 0..<60 {
            let date = String(format: "2026-%02d-%02d", day / 28 + 1, day % 28 + 1)
            rows.append("\(date),minato-seiki,suzuki,電話,\"第\(day)回：ｶﾀｶﾅ半角と全角ＡＢＣ、\(String(repeating: "聞き取り", count: 40))\",\"資料を送る @suzuki\"")
        }
        return Data((rows.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Two densho processes writing one project at the same moment: two imports of one file, and
    /// a form's reflection beside a `reflect`. Nothing is lost or doubled, and the one that cannot
    /// write says why.
    func testConcurrentWritersOnOneProjectLoseNothingAndTheLoserSaysWhy() throws {
        let project = try TemporaryProject(), reference = try TemporaryProject()
        for twin in [project, reference] {
            try twin.writeMinimalSite()
            try visitsCSV().write(to: twin.root.appendingPathComponent("visits.csv"))
        }
        XCTAssertEqual(try Densho.run(["import", "visits", "visits.csv"], in: reference.root).status, 0)
        let expected = try siteFiles(reference.content)
        let original = try siteFiles(project.content)
        for round in 0..<4 {
            let results = ConcurrentBox()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                results.add((try? Densho.run(["import", "visits", "visits.csv"], in: project.root)) ?? Densho.Result(status: -1, stdout: "", stderr: ""))
            }
            // One import at a time: the second waits, then finds every note already there.
            XCTAssertEqual(results.all.map(\.status), [0, 0], results.all.map(\.stderr).joined())
            XCTAssertEqual(results.all.filter { $0.stdout.contains("60 already there") }.count, 1, results.all.map(\.stdout).joined())
            XCTAssertEqual(try siteFiles(project.content), expected, "round \(round): every note once, none doubled, no temporary file")
            for path in Set(expected.keys).subtracting(original.keys) { try FileManager.default.removeItem(at: project.content.appendingPathComponent(path)) }
        }

        let note = "content/visits/2026/2026-08-01-minato-seiki.md"
        var formWrote = 0
        var rng = SeededRandom(seed: 41)
        for round in 0..<6 {
            let formDay = String(format: "2027-03-%02d", round + 1), cliDay = String(format: "2027-04-%02d", round + 1)
            let (server, client) = try startServe(project, today: formDay)
            defer { server.stop() }
            let before = try project.read(note)
            let digest = SHA256Reference.hex(Data(before.utf8))
            let form = FormAnswerBox()
            let group = DispatchGroup()
            group.enter()
            // The form's request goes out a random moment after the command starts: either may win.
            let delay = UInt32(rng.next() % 60_000)
            DispatchQueue.global().async {
                usleep(delay)
                form.set(try? client.post("reflections", #"{"path":"\#(note)","digest":"\#(digest)","answers":{"うまくいったこと":"フォーム\#(round)"}}"#))
                group.leave()
            }
            let cli = try Densho.run(["reflect", note, "--today", cliDay], in: project.root)
            group.wait()
            XCTAssertEqual(cli.status, 0, cli.stderr)
            let answer = try XCTUnwrap(form.value, "round \(round): the form got an answer")
            XCTAssertTrue(answer.status == 200 || answer.status == 409, "round \(round): \(answer.status) \(answer.text)")
            let after = try project.read(note)
            XCTAssertTrue(after.hasPrefix(before), "round \(round): every byte already there stays")
            XCTAssertEqual(after.components(separatedBy: "## 振り返り (\(cliDay))").count - 1, 1, "round \(round): the command's section")
            XCTAssertEqual(after.components(separatedBy: "- うまくいったこと：フォーム\(round)\n").count - 1, answer.status == 200 ? 1 : 0,
                           "round \(round): the form's section is there exactly when it was told 200")
            if answer.status == 200 { formWrote += 1 }
        }
        print("form beside reflect: the form wrote in \(formWrote) of 6 rounds, was told 409 in the rest")
    }

    /// SIGKILL of `serve` at random moments of its form writes (a new visit, a reflection, a
    /// promise checked or unchecked): a note is its old bytes or the new ones, a created visit is
    /// whole, and the next run leaves no temporary file behind.
    func testFormWritesKilledAtRandomMomentsLoseNothingAndLeaveNothingHalfWritten() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let note = "content/visits/2026/2026-08-01-minato-seiki.md"
        var expected = try project.read(note)
        let promiseLine = try XCTUnwrap(expected.components(separatedBy: "\n").firstIndex { $0.hasSuffix("] 特許資料を送る") }) + 1
        var rng = SeededRandom(seed: 37)
        var changed = 0, caught = 0
        func serve(today: String) throws -> (DenshoProcess, FormsClient) { try startServe(project, today: today) }
        for round in 0..<18 {
            let day = String(format: "2027-01-%02d", round + 1)
            let (server, client) = try serve(today: day)
            let digest = SHA256Reference.hex(Data(expected.utf8))
            let answer = "第\(round)回：ﾊﾝｶｸとＺＥＮＫＡＫＵ"
            let checked = expected.contains("- [x] 特許資料を送る")
            let (route, body): (String, String)
            switch round % 3 {
            case 0: (route, body) = ("visits", #"{"company":"minato-seiki","date":"\#(day)","sections":{"聞いたこと":"\#(answer)"}}"#)
            case 1: (route, body) = ("reflections", #"{"path":"\#(note)","digest":"\#(digest)","answers":{"うまくいったこと":"\#(answer)"}}"#)
            default: (route, body) = ("promises", #"{"path":"\#(note)","digest":"\#(digest)","line":\#(promiseLine),"done":\#(!checked)}"#)
            }
            // The request goes out whole; the kill comes while it is read, checked or written.
            let fd = try RawHTTP.connect(port: client.port, timeout: 10)
            let head = "POST /_densho/api/\(route) HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\nOrigin: http://127.0.0.1:\(client.port)\r\n"
                + "X-Densho-Token: \(client.token)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
            RawHTTP.send(fd, Array((head + body).utf8))
            usleep(UInt32(rng.next() % 12_000))
            kill9(server)
            close(fd)
            if !StrayNames.all(under: project.content).isEmpty { caught += 1 }

            let now = try project.read(note)
            switch round % 3 {
            case 0:
                let created = "content/visits/2027/\(day)-minato-seiki.md"
                if project.exists(created) {
                    let text = try project.read(created)
                    XCTAssertTrue(text.hasPrefix("---\ndate: \(day)\n") && text.contains("## 聞いたこと\n\n\(answer)\n") && text.hasSuffix("\n"),
                                  "round \(round): the new visit is whole\n\(text)")
                    changed += 1
                }
                XCTAssertEqual(now, expected, "round \(round): creating a visit leaves the others alone")
            case 1:
                XCTAssertTrue(now == expected || (now.hasPrefix(expected) && now.contains("## 振り返り (\(day))\n\n- うまくいったこと：\(answer)\n")
                                                  && now.hasSuffix("後任に引き継ぐべきこと：\n")),
                              "round \(round): neither the old note nor the old one with a whole section")
            default:
                let toggled = checked ? expected.replacingOccurrences(of: "- [x] 特許資料を送る", with: "- [ ] 特許資料を送る")
                                      : expected.replacingOccurrences(of: "- [ ] 特許資料を送る", with: "- [x] 特許資料を送る")
                XCTAssertTrue(now == expected || now == toggled, "round \(round): neither the old note nor the one with its bracket changed")
            }
            if now != expected { changed += 1 }
            expected = now
        }
        print("form write kills: \(changed) of 18 writes landed whole before the kill, \(caught) were caught mid-write, the rest left the notes as they were")
        // The next run (a serve that writes a reflection) leaves no temporary file behind.
        let (server, client) = try serve(today: "2027-02-01")
        defer { server.stop() }
        let last = try client.post("reflections", #"{"path":"\#(note)","digest":"\#(SHA256Reference.hex(Data(expected.utf8)))","answers":{"うまくいったこと":"最後"}}"#)
        XCTAssertEqual(last.status, 200, last.text)
        XCTAssertEqual(StrayNames.all(under: project.content), [], "no temporary file survives the next run")
    }

    func testTwoDenshoProcessesOnOneOutputWaitOrRefuseClearly() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        XCTAssertEqual(try project.build().status, 0)
        // Two one-shot builds at once: the second waits and both succeed.
        let results = ConcurrentBox()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                results.add((try? Densho.run(["build"] + self.arguments(project))) ?? Densho.Result(status: -1, stdout: "", stderr: ""))
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(results.all.map(\.status), [0, 0], results.all.map(\.stderr).joined())
        // A watch session keeps the folder: a build, a second watch and a serve are refused, clearly.
        let watch = try DenshoProcess(["build", "--watch"] + arguments(project))
        defer { watch.stop() }
        XCTAssertTrue(watch.waitFor { out, _ in out.contains("watching") }, watch.stderr)
        for command in [["build"], ["build", "--watch"], ["serve", "--port", "0"]] {
            let refused = try Densho.run(command + arguments(project))
            XCTAssertEqual(refused.status, 1, "\(command)")
            XCTAssertTrue(refused.stderr.contains("is kept up to date by a running densho serve or build --watch; stop it first"), refused.stderr)
        }
        let elsewhere = try Densho.run(["build"] + arguments(project, output: project.root.appendingPathComponent("other")))
        XCTAssertEqual(elsewhere.status, 0, "another output folder is free")
    }

    /// A size-limited file system for the output: the build that does not fit fails with a clear
    /// error and the previous site stays, byte for byte, with no staging folder left behind.
    func testAFullDiskFailsTheBuildCleanlyAndKeepsThePreviousSite() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let disk = project.root.appendingPathComponent("small-disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mounted = ChildProcessStatus.run("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path]) == 0
        defer { if mounted { _ = ChildProcessStatus.run("/bin/umount", [disk.path]) } }
        let output = disk.appendingPathComponent("site")
        func build() throws -> Densho.Result {
            if mounted { return try Densho.run(["build"] + arguments(project, output: output)) }
            // No mount allowed here: a file size limit makes the big write fail the same way.
            let command = "ulimit -f 1024; exec '\(Densho.executable.path)' build " + arguments(project, output: output).map { "'\($0)'" }.joined(separator: " ")
            return try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", command])
        }
        XCTAssertEqual(try build().status, 0)
        let before = try siteFiles(output)
        let block = "## 見立て\n" + String(repeating: "大きな記録の本文です。", count: 200) + "\n"
        try project.write("content/playbooks/huge.md", "---\ntitle: 大きな章\n---\n" + String(repeating: block, count: 230))
        let full = try build()
        XCTAssertEqual(full.status, 1, "mounted: \(mounted)\n\(full.stderr)")
        XCTAssertTrue(full.stderr.contains("error: cannot write") || full.stderr.contains("No space left") || full.stderr.contains("File too large"), full.stderr)
        XCTAssertEqual(try siteFiles(output), before, "the previous site stays, byte for byte")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path).filter { $0 != "site" && $0 != "lost+found" }, [],
                       "no staging folder is left on the full disk")
    }

    /// A read-only content folder: building works (densho never writes content/), writing commands
    /// fail with the system's reason and write nothing.
    func testAReadOnlyContentFolderBuildsAndRefusesWritesClearly() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        let content = project.content.path
        guard ChildProcessStatus.run("/bin/mount", ["--bind", content, content]) == 0 else {
            throw XCTSkip("cannot bind-mount here")
        }
        defer { _ = ChildProcessStatus.run("/bin/umount", [content]) }
        guard ChildProcessStatus.run("/bin/mount", ["-o", "remount,ro,bind", content]) == 0 else {
            throw XCTSkip("cannot remount read-only here")
        }
        XCTAssertEqual(try project.build().status, 0)
        let check = try Densho.run(["check", "--today", "2026-11-25"], in: project.root)
        XCTAssertNotEqual(check.status, 2, check.stderr)
        let new = try Densho.run(["new", "visit", "minato-seiki", "--date", "2026-11-30"], in: project.root)
        XCTAssertEqual(new.status, 1)
        XCTAssertTrue(new.stderr.contains("Read-only file system"), new.stderr)
        let reflect = try Densho.run(["reflect", "content/visits/2026/2026-08-01-minato-seiki.md", "--today", "2026-11-30"], in: project.root)
        XCTAssertEqual(reflect.status, 1)
        XCTAssertTrue(reflect.stderr.contains("Read-only file system"), reflect.stderr)
    }
}

private enum StrayNames {
    static func all(under root: URL) -> [String] {
        var found: [String] = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            if path.contains(".densho-") && path.hasSuffix(".tmp") { found.append(path) }
        }
        return found
    }
}

private enum ChildProcessStatus {
    static func run(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

private final class FormAnswerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var answer: RawHTTP.Response?
    func set(_ value: RawHTTP.Response?) { lock.lock(); answer = value; lock.unlock() }
    var value: RawHTTP.Response? { lock.lock(); defer { lock.unlock() }; return answer }
}

private final class ConcurrentBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Densho.Result] = []
    func add(_ item: Densho.Result) { lock.lock(); items.append(item); lock.unlock() }
    var all: [Densho.Result] { lock.lock(); defer { lock.unlock() }; return items }
}
