import Foundation

/// Which gathered pages a build writes and links. An internal build writes them all; a public
/// one writes a list only when its section has public pages, and never the team's working views
/// (the radar, handover packets), which exist to follow up internal work.
struct PublishedViews: Sendable {
    var lists: Set<PageKind> = Set(PageKind.allCases)
    var radar = true
    var handover = true

    static let everything = PublishedViews()

    static func forPublic(_ model: SiteModel) -> PublishedViews {
        var views = PublishedViews(lists: [], radar: false, handover: false)
        for page in model.allPages { views.lists.insert(page.kind) }
        return views
    }

    /// Whether the page at a site path (a list, the radar) is written by this build.
    func includes(_ path: String) -> Bool {
        switch path {
        case "radar.html": return radar
        case "playbooks/print.html": return lists.contains(.playbooks)
        default:
            if path.hasSuffix("/index.html"), let section = PageKind(rawValue: String(path.dropLast("/index.html".count))) {
                return lists.contains(section)
            }
            return true
        }
    }
}
