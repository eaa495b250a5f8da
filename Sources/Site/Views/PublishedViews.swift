import Foundation

/// Who a kind of page is for; with `PublishedViews`, it decides whether a build writes the page
/// (and so whether other pages may link to it).
enum Audience: Sendable {
    /// Every build writes it (content pages: `--public` has already left out the internal ones).
    case everyone
    /// Only the team's own build: the working views that follow up internal work (radar, handover packets).
    case team
    /// A list of one kind of page: an internal build always writes it, a public one only when the
    /// kind has public pages.
    case listOf(PageKind)
}

/// What this build publishes besides the content pages: an internal build everything, a public one
/// the lists of the kinds it has pages of and none of the team's working views.
struct PublishedViews: Sendable {
    private var kinds: Set<PageKind>
    private var team: Bool

    static let everything = PublishedViews(kinds: Set(PageKind.allCases), team: true)

    static func forPublic(_ model: SiteModel) -> PublishedViews {
        var views = PublishedViews(kinds: [], team: false)
        for page in model.allPages { views.kinds.insert(page.kind) }
        return views
    }

    func allows(_ audience: Audience) -> Bool {
        switch audience {
        case .everyone: return true
        case .team: return team
        case .listOf(let kind): return kinds.contains(kind)
        }
    }
}
