import Messages
import Foundation

/// Two pages of one kind may not share an address. Beyond identical slugs (the same visit name in
/// two year folders), slugs that differ only in letter case or Unicode form count as the same:
/// their HTML files would overwrite each other on a case-insensitive or normalising drive (macOS,
/// the Windows shares the site is often opened from), and readers cannot tell the links apart.
enum DuplicateSlugs {
    static func check(_ model: SiteModel, into diagnostics: inout DiagnosticList) {
        // One pass over every page; only the rare clashing groups are sorted, so the first file
        // named in the message does not depend on the order pages were read in.
        var firstByKey: [String: PageInfo] = [:]
        var clashes: [String: [PageInfo]] = [:]
        model.forEachPage { page in
            let key = page.section.rawValue + "/" + NoteNaming.folded(page.slug)
            if let first = firstByKey[key] {
                clashes[key, default: [first]].append(page)
            } else {
                firstByKey[key] = page
            }
        }
        for group in clashes.values {
            let sorted = group.sorted { $0.displayPath < $1.displayPath }
            let first = sorted[0]
            for page in sorted.dropFirst() {
                // Swift compares strings by canonical equivalence; "the same" here means the same bytes.
                let same = first.slug.utf8.elementsEqual(page.slug.utf8)
                diagnostics.error(page.displayPath, 1, 1,
                                  Message(same ? .duplicateSlug : .duplicateSlugFolded, page.section.kind, page.slug,
                                          first.displayPath, first.outputPath))
            }
        }
    }
}
