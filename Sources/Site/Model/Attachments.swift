import Foundation
import Markdown
import Messages

/// A file that travels with a note — a photo of the factory, a business card scan, a PDF proposal —
/// found in the folder named like the note (`companies/minato-seiki/`), or beside the note and
/// linked from it. It is copied to the same place in the site as in content/, which is where the
/// note's relative links already point, since pages mirror their notes' paths.
public struct Attachment: Sendable, Hashable {
    /// Absolute path of the file.
    public let sourcePath: String
    /// Where it goes in the site, relative to the site's root (the same as in content/).
    public let sitePath: String
    public let bytes: Int

    public var name: String { String(sitePath.split(separator: "/").last ?? "") }
}

/// Where a note's local link leads in the site: an attachment's site path, plus the link's own
/// `?query` or `#fragment`.
public struct AttachmentLink: Sendable, Hashable {
    public let sitePath: String
    public let suffix: String
}

/// Every page's attachments and where its links to them lead.
public struct AttachmentIndex: Sendable, Equatable {
    /// By page output path (`companies/minato-seiki.html`).
    public private(set) var byPage: [String: [Attachment]] = [:]
    /// By page output path, then by the link's URL as written. `photo.jpg` written in a note whose
    /// folder holds it leads to `companies/minato-seiki/photo.jpg`: the same note is rendered on
    /// other pages too (handover packets), so links are made relative to the page shown.
    public private(set) var links: [String: [String: AttachmentLink]] = [:]
    /// The folders `find` looked in as they were just before it looked (`Folders.take`); nil when
    /// not taken. Not part of what the index is (`==`).
    var folders: Folders?

    public init() {}

    public static func == (a: AttachmentIndex, b: AttachmentIndex) -> Bool { a.byPage == b.byPage && a.links == b.links }

    /// Whether `find` would give this index again for the same pages and the same links, known
    /// without looking for every note's files: no folder was added to, removed from or renamed in
    /// a notes folder (`visits/2026`), nothing changed in the folders below them (notes' own
    /// folders), and every attachment is still there at its size. False when that is not known
    /// (the caller then looks again with `find`).
    func stillFound() -> Bool {
        guard let folders else { return false }
        // An editor that saves by writing a new file and renaming it changes its notes folder's
        // stamp: then the folder's subfolders are compared by name.
        for (path, notes) in folders.notes where FileStamp.of(path) != notes.stamp {
            guard Folders.subfolders(of: path) == notes.subfolders else { return false }
        }
        for (path, stamp) in folders.below where FileStamp.of(path) != stamp { return false }
        for attachments in byPage.values {
            for file in attachments where FileStamp.of(file.sourcePath)?.size != Int64(file.bytes) { return false }
        }
        return true
    }

    /// Each notes folder (its stamp and subfolders) and every folder below it, as deep as a note's
    /// own folder is read. Taken before `find` runs: a change after that shows as a changed
    /// stamp, never as a stamp that already includes what `find` did not see.
    struct Folders: Sendable {
        var notes: [String: (stamp: FileStamp, subfolders: Set<String>)] = [:]
        var below: [String: FileStamp] = [:]

        static func take(_ pages: [PageInfo], contentRoot: URL) -> Folders {
            let root = contentRoot.standardizedFileURL.resolvingSymlinksInPath().path
            var notesFolders = Set<String>()
            for page in pages {
                notesFolders.insert(String(page.outputPath.dropLast(".html".count)).split(separator: "/").dropLast().joined(separator: "/"))
            }
            var folders = Folders()
            var pending: [(String, Int)] = []
            for folder in notesFolders {
                let path = root + "/" + folder
                guard let stamp = FileStamp.of(path) else { continue }
                let subfolders = Folders.subfolders(of: path)
                folders.notes[path] = (stamp, subfolders)
                pending += subfolders.map { (path + "/" + $0, 1) }
            }
            while let (path, depth) = pending.popLast() {
                guard let stamp = FileStamp.of(path) else { continue }
                folders.below[path] = stamp
                guard depth < maximumDepth else { continue }
                pending += subfolders(of: path).map { (path + "/" + $0, depth + 1) }
            }
            return folders
        }

        /// The names of the folders in a folder (following symbolic links, as `find` does).
        static func subfolders(of path: String) -> Set<String> {
            Set((DirectoryListing(path)?.entries ?? []).filter { $0.isDirectory(at: path + "/" + $0.name) }.map(\.name))
        }
    }

    public func attachments(of page: PageInfo) -> [Attachment] { byPage[page.outputPath] ?? [] }

    public func target(of link: LocalLink, on page: PageInfo) -> AttachmentLink? { links[page.outputPath]?[link.url] }

    /// Only the published pages' attachments, and of those none that an unpublished note also
    /// has: a public note that links into an internal note's folder must not publish its files.
    func published(_ pages: [PageInfo], leaving unpublished: [PageInfo]) -> AttachmentIndex {
        let withheld = Set(unpublished.flatMap { attachments(of: $0).map(\.sitePath) })
        var result = AttachmentIndex()
        for page in pages {
            let kept = attachments(of: page).filter { !withheld.contains($0.sitePath) }
            if !kept.isEmpty { result.byPage[page.outputPath] = kept }
            let targets = (links[page.outputPath] ?? [:]).filter { !withheld.contains($0.value.sitePath) }
            if !targets.isEmpty { result.links[page.outputPath] = targets }
        }
        return result
    }

    /// Images, documents, spreadsheets, archives and media. Never HTML, SVG or scripts: served
    /// from the site's own origin, they could run code in it.
    static let allowedExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "heic", "pdf", "txt", "csv", "tsv", "xlsx", "xls",
        "xlsm", "docx", "doc", "pptx", "ppt", "odt", "ods", "odp", "rtf", "zip", "mp3", "m4a", "wav", "mp4", "mov",
    ]
    /// A folder named like a note is read this deep, and holds at most this many files.
    static let maximumDepth = 4
    static let maximumFilesPerNote = 1_000

    /// Finds the attachments of `pages` under `contentRoot`; `display` turns a content-relative path
    /// into the path shown in messages. A link to a missing file is an error at the link.
    static func find(_ pages: [PageInfo], contentRoot: URL, display: (String) -> String,
                     into diagnostics: inout DiagnosticList) -> AttachmentIndex {
        let root = contentRoot.standardizedFileURL.resolvingSymlinksInPath().path
        var index = AttachmentIndex()
        // Each notes folder is listed once: a site of 100,000 notes has a few hundred folders, and
        // only the folders named like a note are read further.
        var subfolders: [String: Set<String>] = [:]
        for page in pages {
            let notePath = String(page.outputPath.dropLast(".html".count))      // companies/minato-seiki
            let noteDirectory = notePath.split(separator: "/").dropLast().joined(separator: "/")
            if subfolders[noteDirectory] == nil {
                let listing = DirectoryListing(root + "/" + noteDirectory)?.entries ?? []
                subfolders[noteDirectory] = Set(listing.filter { $0.isDirectory(at: root + "/" + noteDirectory + "/" + $0.name) }.map(\.name))
            }
            var found: [String: Attachment] = [:]
            if subfolders[noteDirectory]?.contains(String(notePath.split(separator: "/").last ?? "")) == true {
                for file in folderFiles(root: root, relative: notePath, display: display, into: &diagnostics) {
                    found[file.sitePath] = file
                }
            }
            var targets: [String: AttachmentLink] = [:]
            for link in page.markdown.localLinks where looksLikeFile(link.path) {
                let suffix = String(link.url[(link.url.firstIndex { $0 == "?" || $0 == "#" } ?? link.url.endIndex)...])
                let line = page.bodyFirstLine + link.line - 1
                guard let beside = normalized(noteDirectory, link.path) else {
                    diagnostics.error(page.displayPath, line, link.column, Message(.attachmentOutside, link.url))
                    continue
                }
                let inFolder = normalized(notePath, link.path)
                if found[beside] != nil {
                    targets[link.url] = AttachmentLink(sitePath: beside, suffix: suffix)
                    continue
                }
                if let inFolder, found[inFolder] != nil {
                    targets[link.url] = AttachmentLink(sitePath: inFolder, suffix: suffix)
                    continue
                }
                guard let file = regularFile(root: root, relative: beside) else {
                    diagnostics.error(page.displayPath, line, link.column,
                                      Message(.attachmentMissing, link.path, display(beside), display(inFolder ?? notePath)))
                    continue
                }
                guard isAllowed(beside) else {
                    diagnostics.error(page.displayPath, line, link.column, Message(.attachmentType, link.path, fileExtension(beside)))
                    continue
                }
                found[beside] = Attachment(sourcePath: file.path, sitePath: beside, bytes: file.bytes)
                targets[link.url] = AttachmentLink(sitePath: beside, suffix: suffix)
            }
            if !found.isEmpty { index.byPage[page.outputPath] = found.values.sorted { $0.sitePath < $1.sitePath } }
            if !targets.isEmpty { index.links[page.outputPath] = targets }
        }
        return index
    }

    // MARK: Files

    /// The files of the folder named like the note, if there is one.
    private static func folderFiles(root: String, relative: String, display: (String) -> String,
                                    into diagnostics: inout DiagnosticList) -> [Attachment] {
        var files: [Attachment] = []
        var pending = [(relative, 0)]
        while let (folder, depth) = pending.popLast(), files.count < maximumFilesPerNote {
            let path = root + "/" + folder
            guard let listing = DirectoryListing(path) else { continue }
            for entry in listing.entries {
                let relative = folder + "/" + entry.name
                let full = root + "/" + relative
                if entry.isSymbolicLink(at: full) {
                    let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().standardizedFileURL.path
                    guard target.hasPrefix(root + "/") else {
                        diagnostics.error(display(relative), 1, 1, Message(.symlinkOutside))
                        continue
                    }
                }
                if entry.isDirectory(at: full) {
                    if depth + 1 < maximumDepth { pending.append((relative, depth + 1)) }
                    continue
                }
                guard isAllowed(relative) else {
                    diagnostics.warning(display(relative), 1, 1, Message(.attachmentTypeSkipped, fileExtension(relative)))
                    continue
                }
                guard let file = regularFile(root: root, relative: relative) else { continue }
                files.append(Attachment(sourcePath: file.path, sitePath: relative, bytes: file.bytes))
            }
        }
        return files
    }

    private static func regularFile(root: String, relative: String) -> (path: String, bytes: Int)? {
        let path = root + "/" + relative
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root + "/"),
              let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return (resolved, (attributes[.size] as? NSNumber)?.intValue ?? 0)
    }

    /// `base/link` with `.` and `..` resolved; nil when it climbs out of content/.
    private static func normalized(_ base: String, _ link: String) -> String? {
        var parts = base.split(separator: "/").map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// A link names a file when its last segment has an extension; pages (`.html`, `.md`) are not attachments.
    private static func looksLikeFile(_ path: String) -> Bool {
        guard !path.hasSuffix("/"), let last = path.split(separator: "/").last,
              let dot = last.lastIndex(of: "."), dot != last.startIndex, last.index(after: dot) != last.endIndex else { return false }
        return !["html", "htm", "md"].contains(fileExtension(path))
    }

    private static func isAllowed(_ path: String) -> Bool { allowedExtensions.contains(fileExtension(path)) }

    private static func fileExtension(_ path: String) -> String {
        guard let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".") else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }
}
