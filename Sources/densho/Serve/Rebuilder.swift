import Foundation
import Site

/// Builds for `serve` and `build --watch`, and reports each build the way `densho build` does.
/// A failed build prints its errors and changes nothing: the previous site stays. The session keeps
/// parsed sources and page fingerprints between builds, so a rebuild after one edit re-renders and
/// rewrites only what that edit changed.
struct Rebuilder {
    let options: BuildOptions
    let outputDisplay: String
    private let session: BuildSession

    init(options: BuildOptions, outputDisplay: String) {
        self.options = options
        self.outputDisplay = outputDisplay
        self.session = BuildSession(options: options)
    }

    /// The folders whose changes call for a rebuild.
    var watchedFolders: [URL] { [options.contentDirectory, options.themeDirectory] }

    @discardableResult
    func build() -> Bool {
        do {
            BuildCommand.summarize(try session.build(), options: options, outputDisplay: outputDisplay)
            return true
        } catch let errors as ContentErrors {
            for line in DiagnosticReport.lines(errors.diagnostics, language: CLI.language) { CLI.printError(line) }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            CLI.printError("densho: \(count) error\(count == 1 ? "" : "s"); the previous site is kept")
        } catch {
            CLI.printError("\(error)")
            CLI.printError("densho: build failed; the previous site is kept")
        }
        return false
    }

    /// Whether the output folder may be served after a failed first build: it must be absent,
    /// empty, or made by densho; never a folder of someone's files that `--output` pointed at.
    func outputIsOurs() -> Bool {
        let fm = FileManager.default
        let path = options.outputDirectory.path
        guard fm.fileExists(atPath: path) else { return true }
        if fm.fileExists(atPath: path + "/.densho-site") { return true }
        return ((try? fm.contentsOfDirectory(atPath: path)) ?? []).allSatisfy { $0 == ".gitkeep" }
    }

    /// Rebuilds on every settled change, forever. `afterBuild` runs after each successful build.
    func watch(with watcher: ChangeWatcher, afterBuild: () -> Void = {}) -> Never {
        while true {
            let changed = watcher.waitForChange()
            let first = changed.first.map(displayPath) ?? "?"
            let more = changed.count > 1 ? " and \(changed.count - 1) more" : ""
            print("densho: \(first)\(more) changed; rebuilding")
            if build() { afterBuild() }
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
    static func run(_ options: BuildOptions, outputDisplay: String) throws -> Int32 {
        try OutputLock.claim(options.outputDirectory, displayPath: outputDisplay, as: .watch, waiting: CLI.printError)
        let rebuilder = Rebuilder(options: options, outputDisplay: outputDisplay)
        let watcher = ChangeWatcher(folders: rebuilder.watchedFolders)
        if !rebuilder.build(), !rebuilder.outputIsOurs() { return 1 }
        print("densho: watching \(options.contentDisplayPath)/ and \(options.themeDisplayPath)/ for changes (Ctrl-C to stop)")
        rebuilder.watch(with: watcher)
    }
}
