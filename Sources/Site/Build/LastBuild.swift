import Foundation
import FrontMatter

/// What a session keeps of its last successful build: enough to tell what an edit touched and to
/// rebuild only that.
struct LastBuild {
    let today: CalendarDate
    let publicOnly: Bool
    let configBytes: Data?
    /// Every content file, in scan order.
    let paths: [String]
    let index: PublishedSite
    let warnings: [Diagnostic]
    let theme: Theme
    /// Each page's template-data fingerprint (see `PageRenderer.renderAll`).
    let fingerprints: [String: UInt64]
    /// Every file of the site with its size.
    let produced: [String: Int]
    /// The site paths of the search index files (part of `produced`).
    let searchFiles: Set<String>
    /// Whether the live site is exactly what this build made, so files can be carried over unseen.
    /// False after a failed rebuild, which may have written part of its changes.
    var exact = true

    /// The page fingerprints a rebuild may compare with: none after a failed rebuild, when a file
    /// may no longer be what its fingerprint says.
    var trustedFingerprints: [String: UInt64] { exact ? fingerprints : [:] }

    init(options: BuildOptions, configBytes: Data?, paths: [String], index: PublishedSite, warnings: [Diagnostic], theme: Theme,
         fingerprints: [String: UInt64], produced: [String: Int], searchFiles: Set<String>) {
        today = options.today
        publicOnly = options.publicOnly
        self.configBytes = configBytes
        self.paths = paths
        self.index = index
        self.warnings = warnings
        self.theme = theme
        self.fingerprints = fingerprints
        self.produced = produced
        self.searchFiles = searchFiles
    }
}
