import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The command line as people expect it from Hugo, Zola and git: per-command help with examples,
/// "did you mean" for slips, short options, completion scripts, one error prefix.
final class CommandLineTests: XCTestCase {
    func testHelpOfOneCommandWithExamplesThreeWays() throws {
        let viaHelp = try Densho.run(["help", "build"])
        XCTAssertEqual(viaHelp.status, 0, viaHelp.stderr)
        for expected in ["Usage:\n  densho build [--content DIR] [-o|--output DIR]", "-o, --output DIR", "--theme NAME|DIR", "--watch", "-q, --quiet", "Examples:\n  densho build"] {
            XCTAssertTrue(viaHelp.stdout.contains(expected), "missing \(expected.debugDescription) in\n\(viaHelp.stdout)")
        }
        XCTAssertFalse(viaHelp.stdout.contains("--format"), "only build's own options")
        XCTAssertEqual(try Densho.run(["build", "--help"]).stdout, viaHelp.stdout)
        XCTAssertEqual(try Densho.run(["build", "-h", "--content", "nowhere"]).stdout, viaHelp.stdout, "help wins over the rest")
        let search = try Densho.run(["search", "-h"])
        XCTAssertTrue(search.stdout.contains("densho search 特許 --site public --json"), search.stdout)
        let overview = try Densho.run(["-h"])
        XCTAssertEqual(overview.status, 0)
        XCTAssertTrue(overview.stdout.contains("densho help COMMAND"), overview.stdout)
        XCTAssertTrue(overview.stdout.contains("  completion  "), overview.stdout)
    }

    func testSlipsGetTheClosestName() throws {
        let command = try Densho.run(["bulid"])
        XCTAssertEqual(command.status, 2)
        XCTAssertTrue(command.stderr.hasPrefix("error: unknown command 'bulid'; did you mean 'build'?"), command.stderr)
        let option = try Densho.run(["build", "--outptu", "x"])
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.stderr.contains("error: unknown option --outptu for 'build'; did you mean '--output'?"), option.stderr)
        XCTAssertTrue(option.stderr.contains("Run 'densho help build' for usage."), option.stderr)
        let short = try Densho.run(["check", "-o", "x"])
        XCTAssertEqual(short.status, 2, "check writes nothing: it has no -o")
        XCTAssertTrue(short.stderr.contains("unknown option -o for 'check'"), short.stderr)
        let helpSlip = try Densho.run(["help", "serv"])
        XCTAssertTrue(helpSlip.stderr.contains("did you mean 'serve'?"), helpSlip.stderr)
        XCTAssertTrue(try Densho.run(["--verison"]).stderr.contains("did you mean '--version'?"))
    }

    func testShortOptionsVersionAndQuiet() throws {
        let version = try Densho.run(["-V"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("densho "), version.stdout)
        XCTAssertEqual(try Densho.run(["--version"]).stdout, version.stdout)

        let project = try TemporaryProject()
        XCTAssertEqual(try Densho.run(["init", "p", "-q", "--today", "2026-11-25"], in: project.root).stdout, "", "-q: init says nothing")
        let folder = project.root.appendingPathComponent("p")
        let loud = try Densho.run(["build", "-o", "out", "--today", "2026-11-25"], in: folder)
        XCTAssertEqual(loud.status, 0, loud.stderr)
        XCTAssertTrue(loud.stdout.contains("into out/"), loud.stdout)
        XCTAssertTrue(project.exists("p/out/index.html"), "-o is --output")
        let quiet = try Densho.run(["build", "-q", "-o", "out", "--today", "2026-11-25"], in: folder)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout + quiet.stderr, "", "-q: a good build prints nothing")
        let quietCheck = try Densho.run(["check", "--quiet", "--today", "2026-11-25"], in: folder)
        XCTAssertEqual(quietCheck.stdout + quietCheck.stderr, "")
        // Quiet never hides errors.
        let broken = try Densho.run(["build", "-q", "--content", "nowhere"], in: folder)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("error:"), broken.stderr)
    }

    func testOneErrorPrefix() throws {
        let project = try TemporaryProject()
        XCTAssertEqual(try Densho.run(["init", "p", "--today", "2026-11-25"], in: project.root).status, 0)
        // A port that is taken: the serve error that used to read "error: error: cannot listen…".
        let listener = try RawHTTP.occupiedPort()
        defer { close(listener.fd) }
        let busy = try Densho.run(["serve", "--port", String(listener.port)], in: project.root.appendingPathComponent("p"))
        XCTAssertEqual(busy.status, 1)
        XCTAssertTrue(busy.stderr.hasPrefix("error: cannot listen"), busy.stderr)
        let eject = try Densho.run(["theme", "eject"], in: project.root.appendingPathComponent("p"))
        XCTAssertEqual(eject.status, 1)
        XCTAssertEqual(try Densho.run(["build", "--today", "2026-11-25"], in: project.root.appendingPathComponent("p")).status, 0)
        let kinds = try Densho.run(["build", "--public", "-o", "site"], in: project.root.appendingPathComponent("p"))
        XCTAssertEqual(kinds.status, 1)
        for result in [busy, eject, kinds] {
            XCTAssertFalse(result.stderr.contains("error: error:"), result.stderr)
            XCTAssertEqual(result.stderr.components(separatedBy: "error:").count, 2, "one prefix: \(result.stderr)")
        }
    }

    func testBashCompletionCompletesCommandsAndOptions() throws {
        let script = try Densho.run(["completion", "bash"])
        XCTAssertEqual(script.status, 0, script.stderr)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("densho-completion-\(UUID().uuidString).bash")
        defer { try? FileManager.default.removeItem(at: file) }
        try script.stdout.write(to: file, atomically: true, encoding: .utf8)
        // Drive the completion function as bash would, and print what it offers.
        func complete(_ words: [String]) throws -> [String] {
            let array = words.map { "'\($0)'" }.joined(separator: " ")
            let program = "source '\(file.path)'; COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1); _densho; printf '%s\\n' \"${COMPREPLY[@]}\""
            let result = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", program])
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdout.split(separator: "\n").map(String.init).sorted()
        }
        XCTAssertEqual(try complete(["densho", "bu"]), ["build"])
        XCTAssertEqual(try complete(["densho", "build", "--ou"]), ["--output"])
        XCTAssertEqual(try complete(["densho", "check", "--f"]), ["--format"])
        XCTAssertEqual(try complete(["densho", "completion", "z"]), ["zsh"])
        XCTAssertEqual(try complete(["densho", "help", "se"]), ["search", "serve"])
    }

    func testZshAndFishScriptsNameEveryCommand() throws {
        for shell in ["zsh", "fish"] {
            let script = try Densho.run(["completion", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            for command in ["build", "serve", "search", "init", "new", "reflect", "check", "theme", "completion", "help"] {
                XCTAssertTrue(script.stdout.contains(shell == "zsh" ? "'\(command):" : "-a \(command) "), "\(shell): \(command)")
            }
            XCTAssertTrue(script.stdout.contains("output"), shell)
            // Check the syntax with the shell itself where it is installed.
            let path = "/usr/bin/\(shell)"
            guard FileManager.default.isExecutableFile(atPath: path) else { continue }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("densho-completion-\(UUID().uuidString).\(shell)")
            defer { try? FileManager.default.removeItem(at: file) }
            try script.stdout.write(to: file, atomically: true, encoding: .utf8)
            let parsed = try ChildProcess.run(URL(fileURLWithPath: path), ["-n", file.path])
            XCTAssertEqual(parsed.status, 0, "\(shell) -n: \(parsed.stderr)")
        }
        let unknown = try Densho.run(["completion", "bsh"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean 'bash'?"), unknown.stderr)
    }
}
