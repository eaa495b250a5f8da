import Foundation
import Messages
import Site
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `densho serve`: build, serve the output folder over HTTP, rebuild on changes and reload open pages.
enum ServeCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "serve")
        if let extra = a.positional.first { throw UsageError(Message(.usageUnexpectedArgument, extra)) }
        let host = a.value("host") ?? "127.0.0.1"
        guard host == "localhost" || isNumericAddress(host) else {
            throw UsageError(message: "--host expects an IP address such as 127.0.0.1, ::1 or 0.0.0.0 (or localhost), not '\(host)'")
        }
        let portText = a.value("port") ?? "1313"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw UsageError(message: "--port expects a number from 0 to 65535 (0: any free port), not '\(portText)'")
        }
        let setup = try BuildSetup(a)
        let options = setup.options

        // Listen first: a port already in use is reported before any work is done.
        let socket = try ListeningSocket(host: host, port: port)
        if !socket.isLoopback {
            CLI.printError("warning: " + CLI.text(options.publicOnly ? .statusNotLoopback : .statusNotLoopbackInternal, host, String(socket.port)))
        }
        try OutputLock.claim(options.outputDirectory, displayPath: setup.outputDisplay, as: .serve, waiting: { CLI.printError("densho: " + $0.text(CLI.language)) })
        let generation = BuildGeneration()
        // A failed build shows its errors over the open pages: they reload into the box, and out
        // of it after the next good build (see BuildErrorOverlay).
        let overlay = BuildErrorOverlay()
        var rebuilder = Rebuilder(setup)
        rebuilder.onFailure = { lines in
            overlay.show(lines)
            generation.advance()
        }
        let watcher = ChangeWatcher(folders: rebuilder.watchedFolders)
        if !rebuilder.build(), !rebuilder.hasSiteToServe() { return 1 }

        var handler = SiteHandler(site: SitePath(root: options.outputDirectory), generation: generation,
                                  loopbackOnly: socket.isLoopback)
        handler.errorOverlay = overlay
        if socket.isLoopback || a.has("allow-edits") {
            let fixedToday = a.value("today") == nil ? nil : options.today
            // The forms write notes: a serve killed mid-write left its temporary files, which
            // nothing else would remove (as `new` and `reflect` do for theirs).
            StrayTemporaryFiles.clean(in: options.contentDirectory)
            handler.forms = FormsAPI(
                guardian: FormsGuard(token: FormsGuard.newToken(), port: socket.port, boundHost: socket.isLoopback ? nil : host),
                content: options.contentDirectory, contentDisplay: options.contentDisplayPath,
                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                today: { fixedToday ?? ((try? CLI.parseToday(nil)) ?? options.today) })
            if let forms = handler.forms {
                Thread.detachNewThread { NoteValidator.prepare(forms.checking, content: forms.content, displayRoot: forms.contentDisplay) }
            }
        } else {
            CLI.printError("densho: " + CLI.text(.statusEditingOff, host))
        }
        HTTPServer(socket: socket, handler: handler).start()
        print("densho: " + CLI.text(.statusServing, setup.outputDisplay, url(host: host, port: socket.port)))
        rebuilder.watch(with: watcher, afterBuild: {
            overlay.clear()
            generation.advance()
        })
    }

    private static func isNumericAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    private static func url(host: String, port: Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }
}
