import Foundation

/// Two pages of one kind may not share an address. Beyond identical slugs (the same visit name in
/// two year folders), slugs that differ only in letter case or Unicode form count as the same:
/// their HTML files would overwrite each other on a case-insensitive or normalising drive (macOS,
/// the Windows shares the site is often opened from), and readers cannot tell the links apart.
enum DuplicateSlugs {
    static func check(_ model: SiteModel, into diagnostics: inout DiagnosticList) {
        var firstByKey: [String: PageInfo] = [:]
        for page in model.allPages.sorted(by: { $0.displayPath < $1.displayPath }) {
            let key = page.section.rawValue + "/" + NoteNaming.folded(page.slug)
            guard let first = firstByKey[key] else {
                firstByKey[key] = page
                continue
            }
            // Swift compares strings by canonical equivalence; "the same" here means the same bytes.
            let how = first.slug.utf8.elementsEqual(page.slug.utf8) ? "the same slug" : "a slug that differs only in letter case or Unicode form"
            diagnostics.error(page.displayPath, 1, 1,
                              "duplicate \(page.section.kind) '\(page.slug)': \(first.displayPath) has \(how), and both would become \(first.outputPath); rename one")
        }
    }
}
