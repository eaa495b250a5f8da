import Foundation

// Build-time tool of the EmbedDefaultTheme plugin: turns a theme folder into one Swift file, so the
// theme travels inside the densho binary while themes/default stays its one source of truth.
//   ThemeEmbedder THEME_DIR OUTPUT.swift
// Every regular file (names starting with "." skipped, as everywhere in densho) becomes a path and
// its bytes in base64: any byte survives, and the compiler reads one plain string literal per file.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder THEME_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

func files(under folder: URL, prefix: String) throws -> [(String, URL)] {
    var found: [(String, URL)] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasPrefix(".") {
        let url = folder.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
            found += try files(under: url, prefix: prefix + name + "/")
        } else {
            found.append((prefix + name, url))
        }
    }
    return found
}

do {
    var swift = """
    // Generated at build time by ThemeEmbedder from themes/default (the EmbedDefaultTheme plugin).
    // Not checked in: edit themes/default and rebuild.

    public enum BuiltInThemeFiles {
        /// Path inside the theme → the file's bytes in base64.
        public static let base64: [(path: String, bytes: String)] = [

    """
    for (path, url) in try files(under: root, prefix: "") {
        let data = try Data(contentsOf: url)
        let quotedPath = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        swift += "        (\"\(quotedPath)\", \"\(data.base64EncodedString())\"),\n"
    }
    swift += "    ]\n}\n"
    let data = Data(swift.utf8)
    // Unchanged bytes stay unwritten, so the compiler has nothing to redo.
    if (try? Data(contentsOf: output)) != data { try data.write(to: output, options: .atomic) }
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: \(error)\n".utf8))
    exit(1)
}
