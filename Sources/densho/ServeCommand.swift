import Foundation
import Site
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `densho serve`: build, serve the output folder over HTTP, rebuild on changes and reload open pages.
enum ServeCommand {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, valueFlags: ["content", "output", "theme", "today", "port", "host"],
                              switchFlags: ["public", "help", "allow-edits"])
        if a.has("help") { print(CLI.usage); return 0 }
        if let extra = a.positional.first { throw UsageError(message: "unexpected argument '\(extra)'") }
        let content = a.value("content") ?? "content"
        let output = a.value("output") ?? "site"
        let theme = a.value("theme") ?? "themes/default"
        let host = a.value("host") ?? "127.0.0.1"
        guard host == "localhost" || isNumericAddress(host) else {
            throw UsageError(message: "--host expects an IP address such as 127.0.0.1, ::1 or 0.0.0.0 (or localhost), not '\(host)'")
        }
        let portText = a.value("port") ?? "1313"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw UsageError(message: "--port expects a number from 0 to 65535 (0: any free port), not '\(portText)'")
        }
        let options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: content), outputDirectory: URL(fileURLWithPath: output),
            themeDirectory: URL(fileURLWithPath: theme), today: try CLI.parseToday(a.value("today")),
            publicOnly: a.has("public"), contentDisplayPath: content, themeDisplayPath: theme)

        // Listen first: a port already in use is reported before any work is done.
        let socket = try ListeningSocket(host: host, port: port)
        if !socket.isLoopback {
            CLI.printError("""
            warning: serving on \(host), which is not loopback: anyone who can reach this machine on port \(socket.port) \
            can read this site\(options.publicOnly ? "" : ", and it is an internal site (visit notes, names, referrals)"). \
            Leave out --host to serve on 127.0.0.1 only.
            """)
        }
        try OutputLock.claim(options.outputDirectory, displayPath: output, as: .serve, waiting: CLI.printError)
        let rebuilder = Rebuilder(options: options, outputDisplay: output)
        let watcher = ChangeWatcher(folders: rebuilder.watchedFolders)
        if !rebuilder.build(), !rebuilder.outputIsOurs() { return 1 }

        let generation = BuildGeneration()
        var handler = SiteHandler(site: SitePath(root: options.outputDirectory), generation: generation,
                                  loopbackOnly: socket.isLoopback)
        if socket.isLoopback || a.has("allow-edits") {
            let fixedToday = a.value("today") == nil ? nil : options.today
            handler.forms = FormsAPI(
                guardian: FormsGuard(token: FormsGuard.newToken(), port: socket.port, boundHost: socket.isLoopback ? nil : host),
                content: options.contentDirectory, contentDisplay: content,
                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                today: { fixedToday ?? ((try? CLI.parseToday(nil)) ?? options.today) })
        } else {
            CLI.printError("densho: editing from the browser is off on \(host); add --allow-edits to turn it on")
        }
        HTTPServer(socket: socket, handler: handler).start()
        print("densho: serving \(output)/ at \(url(host: host, port: socket.port)) with live reload (Ctrl-C to stop)")
        rebuilder.watch(with: watcher, afterBuild: generation.advance)
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
