import Foundation
import FrontMatter
import Markdown
import Mustache

typealias Context = [String: MustacheValue]

/// Builds template data for one page: the shared frame (root, navigation, UI strings) and the
/// small pieces every page uses (links to pages, dates, rendered Markdown).
struct PageContext {
    let index: PublishedSite
    let theme: Theme
    let outputPath: String
    let root: String
    /// Which gathered pages exist in this build, so nothing links a page that was not written.
    let views: PublishedViews
    /// For a session's rebuild: bodies stand as a token of everything their HTML is made from
    /// (the parsed document and how each wiki link resolves), and the UI strings as one fingerprint,
    /// so deciding that a page is unchanged costs no rendering. A token changes exactly when what it
    /// stands for would.
    let bodiesAsTokens: Bool

    init(index: PublishedSite, theme: Theme, outputPath: String, views: PublishedViews = .everything,
         bodiesAsTokens: Bool = false) {
        self.index = index
        self.theme = theme
        self.outputPath = outputPath
        self.root = RelativeURL.root(from: outputPath)
        self.views = views
        self.bodiesAsTokens = bodiesAsTokens
    }

    func href(_ path: String, fragment: String? = nil) -> String {
        RelativeURL.href(path, root: root, fragment: fragment)
    }

    /// The address of a one-file route (`SiteMap`), relative to this page.
    func href(_ route: Route) -> String { href(route.path ?? "") }

    /// Whether this build writes the route's files, so a page may link to them.
    func shows(_ route: Route) -> Bool { views.allows(route.audience) }

    /// A link to a page if it is published; a neutral word otherwise: a public build must not
    /// reveal an internal page's title, nor its slug (the file name says who it is about).
    func link(_ id: PageID) -> MustacheValue {
        // `href` is always present (null when unpublished) so a template never picks up an outer `href`.
        guard let page = index.page(id) else { return .object(["title": .string(label("unpublished_page")), "href": .null]) }
        return .object(["title": .string(title(of: page)), "href": .string(href(page.outputPath))])
    }

    /// A link to the page of that kind (content folder) and slug: `link(.people, slug: "tanaka")`.
    func link(_ kind: PageKind, slug: String) -> MustacheValue { link(PageID(kind: kind, slug: slug)) }

    func links(_ kind: PageKind, _ slugs: [Located<String>]) -> MustacheValue {
        .array(slugs.map { link(kind, slug: $0.value) })
    }

    func topicLinks(_ names: [String]) -> MustacheValue {
        .array(names.map { .object(["title": .string($0), "href": .string(href(index.topicPath($0)))]) })
    }

    /// A day as the site writes it (`date_style`); null when there is none.
    func date(_ date: CalendarDate?) -> MustacheValue { date.map { .string(day($0)) } ?? .null }

    func day(_ date: CalendarDate) -> String { index.model.config.dateStyle.format(date) }

    /// A page's title as the site writes days: a visit's title starts with its (ISO) date, which the
    /// search index keeps; pages show it in the site's `date_style`.
    func title(of page: PageInfo) -> String {
        guard page.kind == .visits, index.model.config.dateStyle != .iso,
              let date = CalendarDate(String(page.title.prefix(10))) else { return page.title }
        return day(date) + page.title.dropFirst(10)
    }

    /// Whether the body opens with `# <the page's title>`: the page prints its title already, so
    /// that heading is left out of the body, the table of contents and excerpts (no title twice).
    func opensWithTitle(_ page: PageInfo) -> Bool {
        guard let first = page.markdown.headings.first, first.level == 1,
              first.text.trimmingCharacters(in: .whitespaces) == page.title.trimmingCharacters(in: .whitespaces) else { return false }
        // First heading is not enough: it must be the first block, which is the plain text's first line.
        let text = page.markdown.plainText
        let firstLine = text.prefix { $0 != "\n" }
        return firstLine.trimmingCharacters(in: .whitespaces) == first.text.trimmingCharacters(in: .whitespaces)
    }

    /// `text` without its first line when the page opens with its own title (see `opensWithTitle`).
    func withoutTitleLine(_ text: String, of page: PageInfo) -> String {
        guard opensWithTitle(page), let newline = text.firstIndex(of: "\n") else { return opensWithTitle(page) ? "" : text }
        return String(text[text.index(after: newline)...])
    }

    /// Body HTML with wiki links resolved against what this build publishes; a leading heading
    /// that repeats the page's title is left out (see `opensWithTitle`).
    func html(_ page: PageInfo) -> String {
        let body = html(page, section: nil)
        guard opensWithTitle(page) else { return body }
        if bodiesAsTokens { return body + "\u{0}without-title" }
        guard body.hasPrefix("<h1"), let end = body.range(of: "</h1>") else { return body }
        return String(body[end.upperBound...].drop { $0.isNewline })
    }

    /// Body HTML with wiki links resolved against what this build publishes: the whole body
    /// as written (`section` nil) or one `##` section.
    func html(_ page: PageInfo, section: Int?) -> String {
        let targets = index.links.targets[page.id] ?? []
        let document = page.markdown
        let resolve: (WikiLink) -> WikiLinkRendering = { link in
            let label = link.label
            // By position in the document: no dictionary keyed by (hashing) the links' text.
            guard let position = document.wikiLinkIndex(of: link), position < targets.count,
                  let target = targets[position] else { return .broken(label: label ?? link.target) }
            guard let targetPage = index.page(target.page) else { return .text(label: label ?? link.target) }
            return .link(href: href(targetPage.outputPath, fragment: target.fragment), label: label ?? targetPage.title)
        }
        let attachments = index.model.attachments
        let localURL: (LocalLink) -> String? = { link in
            attachments.target(of: link, on: page).map { href($0.sitePath) + $0.suffix }
        }
        if bodiesAsTokens {
            var token = "\u{0}body:\(page.markdown.contentHash):\(section ?? -1)"
            for link in page.markdown.localLinks { token += "\u{0}a\u{1}" + (localURL(link) ?? "") }
            for link in page.markdown.wikiLinks {
                switch resolve(link) {   // spelled out: interpolating the enum would go through reflection
                case let .link(href, label): token += "\u{0}l\u{1}" + href + "\u{1}" + label
                case let .text(label): token += "\u{0}t\u{1}" + label
                case let .broken(label): token += "\u{0}b\u{1}" + label
                }
            }
            return token
        }
        if let section { return page.markdown.html(section: section, resolve, localURL: localURL) }
        return page.markdown.html(resolve, localURL: localURL)
    }

    /// Who holds a company by the holder rule (`HolderRule`), with the owner it was taken over
    /// from, so a reader never follows a relationship to someone who is no longer there.
    func owner(of company: Company) -> MustacheValue {
        guard let chain = index.holders.chains[company.page.slug] else { return .null }
        let holder = chain[chain.count - 1]
        guard case .object(var owner) = link(.people, slug: holder) else { return .null }
        // Present, so a template never reads an outer `left` or `inheritedFrom`.
        owner["left"] = .bool(false)
        owner["inheritedFrom"] = chain.count > 1 ? link(.people, slug: chain[0]) : .null
        owner["leaving"] = .null
        if let person = index.peopleByID[holder], let left = person.left {
            owner["successor"] = person.successor.map { link(.people, slug: $0.value) } ?? .null
            if left <= index.today { owner["left"] = .bool(true) } else { owner["leaving"] = .string(left.description) }
        }
        return .object(owner)
    }

    func backlinks(_ id: PageID) -> MustacheValue {
        .array((index.links.backlinks[id] ?? []).filter { index.page($0) != nil }.map { link($0) })
    }

    func label(_ key: String) -> String { theme.string(key) }

    /// A UI string that may be missing from the theme: nil instead of the key itself.
    func optionalLabel(_ key: String) -> String? { theme.strings[key] }

    /// "今日" / "3日前" ("today" / "1 day ago" / "3 days ago"): how long ago a day was, in words.
    func ago(_ days: Int?) -> MustacheValue {
        guard let days else { return .null }
        if days == 0 { return .string(label("ago_today")) }
        return .string("\(days)\(label(days == 1 ? "day_ago" : "days_ago"))")
    }

    /// A count a template shows only when there is any (`{{#n}}…{{n}}…{{/n}}`): null at zero, since
    /// Mustache takes every number, 0 too, as true.
    func countIfAny(_ count: Int) -> MustacheValue { count > 0 ? .int(count) : .null }

    /// A partner's kind as the UI strings name it (`partner_kind_ip`), or as written when they do not.
    func partnerKind(_ kind: String?) -> MustacheValue {
        guard let kind, !kind.isEmpty else { return .null }
        return .string(optionalLabel("partner_kind_\(kind)") ?? kind)
    }

    /// The frame every template shares, merged with the page's own data (the page's wins).
    func frame(title: String, kind: String, _ page: Context) -> MustacheValue {
        // The page's own dictionary, usually the larger, is kept and only the frame's keys it
        // lacks are added: merging it into the frame rehashed every one of its keys.
        var context = page
        context.reserveCapacity(page.count + 9)
        func add(_ key: String, _ value: @autoclosure () -> MustacheValue) {
            if context[key] == nil { context[key] = value() }
        }
        add("root", .string(root))
        add("lang", .string(index.model.config.language.rawValue))
        add("siteTitle", .string(index.model.config.title))
        add("pageTitle", .string(title))
        // The home page's title is the site's own: "X | X" would read as a slip.
        add("documentTitle", .string(title == index.model.config.title ? title : "\(title) | \(index.model.config.title)"))
        add("pageKind", .string(kind))
        add("today", .string(day(index.today)))
        add("t", bodiesAsTokens ? theme.stringsToken : theme.stringValues)
        add("nav", navigation())
        return .object(context)
    }

    /// The site-wide navigation as this page shows it. Every page at one folder depth that is not
    /// itself in the navigation shows the same list, made once per theme and kept (`NavigationCache`).
    private func navigation() -> MustacheValue {
        let routes = SiteMap.navigation.filter(shows)
        func make() -> MustacheValue {
            .array(routes.compactMap { route in
                guard let key = route.nav, let path = route.path else { return nil }
                return .object(["label": .string(label(key)), "href": .string(href(path)), "current": .bool(path == outputPath)])
            })
        }
        if routes.contains(where: { $0.path == outputPath }) { return make() }
        let key = root + "\n" + routes.compactMap(\.path).joined(separator: "\n")
        return theme.navigation.list(key, make)
    }
}

/// The navigation lists of a theme's pages, by root and shown routes (see `PageContext.navigation`).
final class NavigationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [String: MustacheValue] = [:]

    func list(_ key: String, _ make: () -> MustacheValue) -> MustacheValue {
        lock.lock()
        let kept = lists[key]
        lock.unlock()
        if let kept { return kept }
        let made = make()
        lock.lock()
        lists[key] = made
        lock.unlock()
        return made
    }
}
