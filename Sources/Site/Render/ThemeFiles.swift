import Foundation

/// Where a theme's files come from: a folder (a project's `themes/<name>`, or `--theme DIR`), or
/// the default theme built into the densho binary. `Theme.load` reads either the same way.
public struct ThemeFiles: Sendable {
    public enum Origin: Sendable, Equatable {
        case folder(URL)
        case builtIn
    }

    public let origin: Origin
    /// Built in: path inside the theme → bytes. Empty for a folder.
    private let embedded: [String: Data]

    public static func folder(_ url: URL) -> ThemeFiles { ThemeFiles(origin: .folder(url), embedded: [:]) }

    public static func builtIn(_ files: [String: Data]) -> ThemeFiles { ThemeFiles(origin: .builtIn, embedded: files) }

    /// Paths (inside the theme) of every file below `subfolder`, sorted. Names starting with "."
    /// are skipped, as the content scanner and the watcher skip them.
    func paths(under subfolder: String) -> [String] {
        let prefix = subfolder + "/"
        switch origin {
        case .builtIn:
            return embedded.keys.filter { $0.hasPrefix(prefix) }.sorted()
        case .folder(let root):
            let base = root.appendingPathComponent(subfolder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
            let basePath = base.standardizedFileURL.path + "/"
            var found: [String] = []
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(basePath) else { continue }
                let relative = String(path.dropFirst(basePath.count))
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                found.append(prefix + relative)
            }
            return found.sorted()
        }
    }

    /// Whether the theme has a `templates/` folder at all (what makes a folder a theme).
    var hasTemplates: Bool {
        switch origin {
        case .builtIn: return embedded.keys.contains { $0.hasPrefix("templates/") }
        case .folder(let root):
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// The on-disk file of a folder theme (nil when built in): read with `SourceText` for located errors.
    func url(of path: String) -> URL? {
        if case .folder(let root) = origin { return root.appendingPathComponent(path) }
        return nil
    }

    func data(of path: String) throws -> Data {
        switch origin {
        case .builtIn:
            guard let data = embedded[path] else { throw CocoaError(.fileNoSuchFile) }
            return data
        case .folder(let root):
            return try Data(contentsOf: root.appendingPathComponent(path))
        }
    }

    /// Every file of the theme, as `(path inside the theme, bytes)`, sorted by path.
    func allFiles() throws -> [(path: String, data: Data)] {
        switch origin {
        case .builtIn:
            return embedded.keys.sorted().map { ($0, embedded[$0]!) }
        case .folder(let root):
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            return try names.filter { !$0.hasPrefix(".") }.sorted().flatMap { name in
                try paths(under: name).map { ($0, try data(of: $0)) }
            }
        }
    }

    /// Writes a copy of the theme into `destination`, which must not exist yet: densho never
    /// overwrites a file a person wrote, so an existing folder is refused as a whole.
    public func writeCopy(to destination: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: destination.path) {
            throw AuthoringError("\(destination.path) already exists; densho never overwrites a theme someone may have edited (move it away or pick another folder)")
        }
        let files = try allFiles()
        guard files.contains(where: { $0.path.hasPrefix("templates/") }) else {
            throw AuthoringError("the theme to copy has no templates/ folder")
        }
        // Written beside the destination and renamed into place: a half-written theme never appears.
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).densho-\(UUID().uuidString)")
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            // rename(2) onto a name that appeared meanwhile would replace an empty folder: refuse instead.
            if fm.fileExists(atPath: destination.path) {
                throw AuthoringError("\(destination.path) appeared while densho was writing the theme; nothing was overwritten")
            }
            try fm.moveItem(at: staging, to: destination)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}
