import Foundation
import Messages
import Site

/// Builds for `serve` and `build --watch`, and reports each build the way `densho build` does.
/// A failed build prints its errors and changes nothing: the previous site stays. The session keeps
/// parsed sources and page fingerprints between builds, so a rebuild after one edit re-renders and
/// rewrites only what that edit changed.
struct Rebuilder {
    let setup: BuildSetup
    var options: BuildOptions { setup.options }
    private let session: BuildSession
    /// Told the lines of each failed build (`serve` shows them over its pages).
    var onFailure: ([String]) -> Void = { _ in }

    init(_ setup: BuildSetup) {
        self.setup = setup
        self.session = BuildSession(options: setup.options)
    }

    /// The folders whose changes call for a rebuild.
    var watchedFolders: [URL] { [options.contentDirectory, options.themeDirectory] }

    /// `changed`: the watcher's list of what changed since the last build (see `BuildSession.build(changed:)`).
    @discardableResult
    func build(changed: [String]? = nil) -> Bool {
        do {
            BuildCommand.summarize(try session.build(changed: changed), setup)
            return true
        } catch let errors as ContentErrors {
            for line in DiagnosticReport.lines(errors.diagnostics, language: CLI.language) { CLI.printError(line) }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            let summary: MessageID = hasSiteToServe() ? (count == 1 ? .statusOneErrorKept : .statusErrorsKept)
                                                      : (count == 1 ? .cliOneErrorNothingWritten : .cliErrorsNothingWritten)
            CLI.printError("densho: " + CLI.text(summary, String(count)))
            onFailure(errors.diagnostics.filter { $0.severity == .error }.map { $0.text(CLI.language) })
        } catch {
            CLI.printError(CLI.errorLine(error))
            CLI.printError("densho: " + CLI.text(hasSiteToServe() ? .statusFailedKept : .statusFailedNothingWritten))
            onFailure([CLI.errorLine(error)])
        }
        return false
    }

    /// Whether there is a site to serve after a failed first build: one densho made, of the kind
    /// asked for (never the internal site for `--public`). An empty or missing folder is nothing to
    /// serve: `serve` stops with the build's errors instead.
    func hasSiteToServe() -> Bool {
        SiteKind.of(options.outputDirectory) == SiteKind(publicOnly: options.publicOnly)
    }

    /// Rebuilds on every settled change, forever. `afterBuild` runs after each successful build.
    func watch(with watcher: ChangeWatcher, afterBuild: () -> Void = {}) -> Never {
        while true {
            let changed = watcher.waitForChange()
            let first = changed.first.map(displayPath) ?? "?"
            CLI.say("densho: " + (changed.count > 1 ? CLI.text(.statusChangedMore, first, String(changed.count - 1))
                                                    : CLI.text(.statusChanged, first)))
            // The watcher's first snapshot is taken before the first build and each one after the
            // last: every change since the last build read the content is in its list.
            if build(changed: changed) { afterBuild() }
        }
    }

    /// Paths as the user typed the folders, e.g. "content/visits/2026/….md".
    private func displayPath(_ path: String) -> String {
        let pairs = [(options.contentDirectory.path, options.contentDisplayPath), (options.themeDirectory.path, options.themeDisplayPath)]
        for (real, shown) in pairs where path.hasPrefix(real + "/") {
            return shown + path.dropFirst(real.count)
        }
        return path
    }
}

/// `densho build --watch`: build, then rebuild on every change, without serving.
enum BuildWatch {
    static func run(_ setup: BuildSetup) throws -> Int32 {
        let options = setup.options
        try OutputLock.claim(options.outputDirectory, displayPath: setup.outputDisplay, as: .watch, waiting: { CLI.printError("densho: " + $0.text(CLI.language)) })
        let rebuilder = Rebuilder(setup)
        let watcher = ChangeWatcher(folders: rebuilder.watchedFolders)
        if !rebuilder.build(), !rebuilder.hasSiteToServe() { return 1 }
        CLI.say("densho: " + CLI.text(.statusWatching, options.contentDisplayPath, options.themeDisplayPath))
        rebuilder.watch(with: watcher)
    }
}
