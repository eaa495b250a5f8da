import Messages
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Markdown file found under content/, before it is read.
struct SourceFile: Sendable {
    let path: String           // absolute file path
    let relativePath: String   // e.g. "visits/2026/2026-10-14-marumaru-seiki.md"
    let displayPath: String    // as the user should see it in diagnostics
    let kind: PageKind
    let slug: String

    init(path: String, relativePath: String, displayPath: String, kind: PageKind, slug: String) {
        self.path = path
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.kind = kind
        self.slug = slug
    }

    init(url: URL, relativePath: String, displayPath: String, kind: PageKind, slug: String) {
        self.init(path: url.path, relativePath: relativePath, displayPath: displayPath, kind: kind, slug: slug)
    }

    var url: URL { URL(fileURLWithPath: path) }
}

/// Finds the content files and checks that their names are safe to become URLs.
///
/// Directories are read with readdir(3), whose entry types say what is a file, a folder or a link
/// without a stat per file: a watch session rescans 10,000 notes on every save.
struct ContentScanner {
    let contentDirectory: URL
    let displayRoot: String

    func scan(into diagnostics: inout DiagnosticList) -> [SourceFile] {
        var files: [SourceFile] = []
        let root = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let top = DirectoryListing(root) else {
            diagnostics.error(displayRoot, 1, 1, Message(.contentFolderMissing))
            return []
        }
        top.reportUnreadableNames(in: displayRoot, &diagnostics)
        for entry in top.entries {
            let name = entry.name
            let path = root + "/" + name
            if name == "site.yml" { continue }
            guard let pageKind = PageKind(rawValue: name) else {
                if entry.isDirectory(at: path) {
                    diagnostics.warning(display(name), 1, 1, Message(.contentFolderUnknown, name, PageKind.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                continue
            }
            guard checkLink(entry, path, root: root, display: display(name), &diagnostics) else { continue }
            if pageKind == .visits {
                let years = DirectoryListing(path)
                years?.reportUnreadableNames(in: display(name), &diagnostics)
                for year in years?.entries ?? [] {
                    let yearPath = path + "/" + year.name
                    let rel = "visits/\(year.name)"
                    guard checkLink(year, yearPath, root: root, display: display(rel), &diagnostics) else { continue }
                    if !year.isDirectory(at: yearPath) {
                        if year.name.hasSuffix(".md") {
                            diagnostics.error(display(rel), 1, 1, Message(.visitNeedsYearFolder, year.name))
                        }
                        continue
                    }
                    if !(year.name.utf8.count == 4 && year.name.utf8.allSatisfy { (0x30...0x39).contains($0) }) {
                        diagnostics.error(display(rel), 1, 1, Message(.visitYearFolderName, year.name))
                        continue
                    }
                    collect(in: yearPath, relative: rel, pageKind: pageKind, root: root, into: &files, &diagnostics)
                }
            } else {
                collect(in: path, relative: name, pageKind: pageKind, root: root, into: &files, &diagnostics)
            }
        }
        return files
    }

    private func collect(in dir: String, relative: String, pageKind: PageKind, root: String,
                         into files: inout [SourceFile], _ diagnostics: inout DiagnosticList) {
        let prefix = display(relative) + "/"
        let listing = DirectoryListing(dir)
        listing?.reportUnreadableNames(in: display(relative), &diagnostics)
        for entry in listing?.entries ?? [] {
            let name = entry.name
            let path = dir + "/" + name
            let rel = relative + "/" + name
            let shown = prefix + name
            guard checkLink(entry, path, root: root, display: shown, &diagnostics) else { continue }
            if entry.isDirectory(at: path) {
                // A folder named like a note holds that note's attachments (see AttachmentIndex).
                if !FileManager.default.fileExists(atPath: path + ".md") {
                    diagnostics.warning(shown, 1, 1, Message(.subfoldersIgnored, relative))
                }
                continue
            }
            guard name.hasSuffix(".md") else { continue }
            // Refused before anything opens it: reading a FIFO waits for a writer, a device never ends.
            if let kind = entry.specialKind {
                diagnostics.error(shown, 1, 1, SourceText.nonRegularMessage(kind))
                continue
            }
            let slug = String(name.dropLast(3))
            if let problem = SlugRules.problem(with: slug) {
                diagnostics.error(shown, 1, 1, Message(.fileNameNotAddress, problem))
                continue
            }
            files.append(SourceFile(path: path, relativePath: rel, displayPath: shown, kind: pageKind, slug: slug))
        }
    }

    /// A symlink is followed only when it stays inside content/: otherwise a note could pull in
    /// any file of the machine and publish it.
    private func checkLink(_ entry: DirectoryListing.Entry, _ path: String, root: String, display: String,
                           _ diagnostics: inout DiagnosticList) -> Bool {
        guard entry.isSymbolicLink(at: path) else { return true }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        if target == root || target.hasPrefix(root + "/") { return true }
        diagnostics.error(display, 1, 1, Message(.symlinkOutside))
        return false
    }

    func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }
}

/// One directory's entries (dot files left out), sorted by name, each with the type readdir gave.
struct DirectoryListing {
    struct Entry {
        let name: String
        let type: UInt8

        /// Follows a symlink, as stat(2) does. Falls back to stat when the file system gave no type.
        func isDirectory(at path: String) -> Bool {
            switch Int32(type) {
            case Int32(DT_DIR): return true
            case Int32(DT_REG): return false
            default:
                var info = stat()
                return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
        }

        /// The file type of a FIFO, device or socket; nil for files, folders, links and unknown types
        /// (those are checked again when the file is opened).
        var specialKind: mode_t? {
            switch Int32(type) {
            case Int32(DT_FIFO): return S_IFIFO
            case Int32(DT_CHR): return S_IFCHR
            case Int32(DT_BLK): return S_IFBLK
            case Int32(DT_SOCK): return S_IFSOCK
            default: return nil
            }
        }

        func isSymbolicLink(at path: String) -> Bool {
            switch Int32(type) {
            case Int32(DT_LNK): return true
            case Int32(DT_UNKNOWN):
                var info = stat()
                return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            default: return false
            }
        }
    }

    let entries: [Entry]
    /// Names that are not UTF-8, with the bad bytes shown as `\xNN`: they cannot become a page
    /// address, and a name decoded with replacement characters would name no file at all.
    let unreadableNames: [String]

    /// One error per name that is not UTF-8 (a note saved by a tool in Shift_JIS, say).
    func reportUnreadableNames(in folder: String, _ diagnostics: inout DiagnosticList) {
        for name in unreadableNames {
            let path = folder.isEmpty ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
            if name.hasSuffix(".md") {
                diagnostics.error(path, 1, 1, Message(.fileNameNotUTF8))
            } else {
                diagnostics.warning(path, 1, 1, Message(.fileNameNotUTF8Ignored))
            }
        }
    }

    init?(_ path: String) {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var entries: [Entry] = []
        var unreadable: [String] = []
        while let pointer = readdir(dir) {
            let type = pointer.pointee.d_type
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw -> (String, Bool)? in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                guard length > 0, bytes[0] != UInt8(ascii: ".") else { return nil }
                let name = UnsafeBufferPointer(rebasing: bytes[..<length])
                if let text = String(validating: name, as: UTF8.self) { return (text, true) }
                return (DirectoryListing.escaped(Array(name)), false)
            }
            guard let (text, valid) = name else { continue }
            if valid { entries.append(Entry(name: text, type: type)) } else { unreadable.append(text) }
        }
        self.entries = entries.sorted { $0.name < $1.name }
        self.unreadableNames = unreadable.sorted()
    }
}

extension DirectoryListing {
    /// The name as far as it is UTF-8, every other byte as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            if let bad = SourceText.firstInvalidUTF8Offset(Array(bytes[i...])) {
                out += String(decoding: bytes[i..<(i + bad)], as: UTF8.self)
                out += "\\x" + String(bytes[i + bad], radix: 16, uppercase: true)
                i += bad + 1
            } else {
                out += String(decoding: bytes[i...], as: UTF8.self)
                break
            }
        }
        return out
    }
}

/// What a slug or id may be: it becomes a file name and a URL segment.
enum SlugRules {
    static let maximumBytes = 200

    static func problem(with slug: String) -> String? {
        if isPlainASCII(slug) { return nil }
        if slug.isEmpty { return "it is empty" }
        if slug.utf8.count > maximumBytes { return "it is longer than \(maximumBytes) bytes" }
        if slug.hasPrefix(".") { return "it starts with '.'" }
        if slug.contains("/") || slug.contains("\\") { return "it contains a path separator" }
        if slug.contains("..") { return "it contains '..'" }
        for scalar in slug.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                return "it contains a control character (U+\(String(scalar.value, radix: 16, uppercase: true)))"
            }
            if scalar.properties.isWhitespace { return "it contains white space" }
            if "?#%\"'<>&|*:".unicodeScalars.contains(scalar) { return "it contains '\(scalar)'" }
        }
        return nil
    }
}

extension SlugRules {
    /// The common case, decided on bytes: printable ASCII with none of the characters the rules
    /// refuse. Anything else goes through the full check, which also words the problem.
    static func isPlainASCII(_ slug: String) -> Bool {
        let utf8 = slug.utf8
        guard !utf8.isEmpty, utf8.count <= maximumBytes, utf8.first != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x21...0x7E:
                switch byte {
                case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"),
                     UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
                     UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: ":"):
                    return false
                case UInt8(ascii: ".") where previous == UInt8(ascii: "."):
                    return false
                default: break
                }
            default: return false   // space, control characters, DEL, non-ASCII
            }
            previous = byte
        }
        return true
    }
}
