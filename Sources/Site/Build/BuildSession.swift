import Foundation
import Search

/// Builds the same project again and again (`densho serve`, `densho build --watch`), keeping what
/// the previous build learned: parsed sources (re-parsed only when their bytes change), visit
/// digests, the search index's postings, and the previous build's model, views and page
/// fingerprints. An edit to the text of visit notes takes the quick way (`QuickRebuild`): only
/// the pages and index files that can show that text are looked at again. Any other rebuild
/// re-renders only the pages whose data changed and writes only files whose bytes changed, each
/// atomically, straight into the live site (no staging copy: at 10,000 visits re-linking 20,000
/// unchanged files alone takes longer than the whole rebuild may). The result is byte-identical
/// to a full build.
///
/// The first build, and any build after the theme changed or someone else replaced the output
/// folder, is a full one with the whole-site atomic swap. A failed build writes nothing and keeps
/// what the session knows, so the next one compares against the site that is really there.
public final class BuildSession {
    public let options: BuildOptions
    private let sources = SourceCache()
    private let digests = VisitDigestCache()
    private let search = SearchIndexSession()
    private var last: LastBuild?
    private var themeStamp: UInt64?
    private var outputInode: UInt64?

    public init(options: BuildOptions) { self.options = options }

    /// Content files parsed (not reused) by the last build.
    public var filesParsed: Int { sources.parsedCount }
    /// Whether the last build took the quick way for edits of visit text (`QuickRebuild`).
    public private(set) var lastBuildWasQuick = false

    /// `changed`: every path that changed since the last build read the content, as the `serve`
    /// watcher lists them (absolute paths); nil when that is not known. Told, the build looks only
    /// at those files, and walks the folders only when one of them is not a note it knows (a note
    /// added, removed or renamed, site.yml, an attachment, the theme). A list that leaves out a
    /// change leaves that change out of the site: give nil unless every change is in it.
    public func build(changed: [String]? = nil) throws -> BuildReport {
        let steps = StepTimer()
        sources.expect(changed)
        let theme = BuildSession.stamp(of: options.themeDirectory)
        steps.mark("  theme stamp")
        let inPlace = last != nil && theme == themeStamp && outputInode != nil
            && BuildSession.inode(of: options.outputDirectory.path) == outputInode
        let input = SiteBuilder.SessionInput(sources: sources, digests: digests, search: search,
                                             previous: inPlace ? last : nil)
        let result: SiteBuilder.SessionOutput
        do {
            result = try SiteBuilder.build(options, session: input)
        } catch {
            // An in-place commit may have written part of the changes, and the search session may
            // hold an index that never landed: compare everything next time.
            if inPlace { last?.exact = false }
            throw error
        }
        steps.mark("  built")
        last = result.last
        lastBuildWasQuick = result.quick
        themeStamp = theme
        outputInode = BuildSession.inode(of: options.outputDirectory.path)
        steps.mark("  session kept")
        return result.report
    }

    /// The output folder's inode: a one-shot `densho build` into the same folder swaps in a new one.
    private static func inode(of path: String) -> UInt64? { FileStamp.of(path)?.inode }

    /// Every file of the theme by path, size and modification time.
    private static func stamp(of directory: URL) -> UInt64 {
        var fingerprint = Fingerprint()
        let root = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return 0 }
        var paths: [String] = []
        for case let path as String in walker { paths.append(path) }
        for path in paths.sorted() {
            guard let stamp = FileStamp.of(root + "/" + path) else { continue }
            fingerprint.add(path)
            fingerprint.add(Int(stamp.size))
            fingerprint.add(Int(stamp.modified))
            fingerprint.add(Int(truncatingIfNeeded: stamp.inode))
        }
        return fingerprint.value
    }
}
