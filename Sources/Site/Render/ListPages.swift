import Foundation
import Markdown
import Mustache

/// Template data for the pages that gather many others: home, lists, radar, themes, referrals, handbook.
extension PageContext {
    func companyRow(_ company: Company) -> MustacheValue {
        .object([
            "title": .string(company.name), "href": .string(href(company.page.outputPath)),
            "kana": company.kana.map { .string($0) } ?? .null,
            "industry": company.industry.map { .string($0) } ?? .null,
            "status": .string(label("company_\(company.status.rawValue)")),
            "owner": owner(of: company),
            "lastVisit": index.lastVisit(of: company).map { .string(day($0.date)) } ?? .null,
            "daysSince": index.daysSinceLastVisit(of: company).map { .int($0) } ?? .null,
            "ago": ago(index.daysSinceLastVisit(of: company)),
            "overdue": .bool((index.daysOverdue(company) ?? 0) > 0),
        ])
    }

    func radarData(_ radar: Radar, limit: Int? = nil) -> Context {
        func cut<T>(_ items: [T]) -> [T] { limit.map { Array(items.prefix($0)) } ?? items }
        /// How many a cut list leaves out ("他1件"), null when it shows them all.
        func more(_ total: Int, shown: Int?) -> MustacheValue {
            guard let shown, total > shown else { return .null }
            return .int(total - shown)
        }
        let reflectionCap = limit ?? PageContext.listCap
        return [
            "overdueMore": more(radar.overdue.count, shown: limit),
            "neverVisitedMore": more(radar.neverVisited.count, shown: limit),
            "missingReflectionMore": more(radar.missingReflection.count, shown: reflectionCap),
            "orphanedMore": more(radar.orphaned.count, shown: limit),
            "overdue": .array(cut(radar.overdue).map { o in
                .object(["company": link(o.company.page.id), "daysSince": .int(o.daysSince), "ago": ago(o.daysSince), "daysOverdue": .int(o.daysOverdue),
                         "cadence": .int(index.cadence(of: o.company)),
                         "owner": owner(of: o.company)])
            }),
            "overdueCount": .int(radar.overdue.count),
            "neverVisited": .array(cut(radar.neverVisited).map { c in
                .object(["company": link(c.page.id), "owner": owner(of: c)])
            }),
            "neverVisitedCount": .int(radar.neverVisited.count),
            "missingReflection": .array(radar.missingReflection.prefix(reflectionCap).map(visitSummary)),
            "missingReflectionCount": .int(radar.missingReflection.count),
            "orphaned": .array(cut(radar.orphaned).map { o in
                .object(["company": link(o.company.page.id), "owner": link(o.owner.page.id)])
            }),
            "orphanedCount": .int(radar.orphaned.count),
        ]
    }

    func home(_ radar: Radar) -> MustacheValue {
        let m = index.model
        var data: Context = [
            "counts": .array([
                ("nav_companies", m.companies.count, SiteMap.companyList), ("nav_visits", m.visits.count, SiteMap.visitList),
                ("nav_handbook", m.playbooks.count, SiteMap.handbook), ("nav_people", m.people.count, SiteMap.peopleList),
                ("nav_partners", m.partners.count, SiteMap.partnerList),
            ].filter { $0.1 > 0 }.map { .object(["label": .string(label($0.0)), "count": .int($0.1), "href": .string(href($0.2))]) }),
            "recentVisits": .array(m.visits.suffix(8).reversed().map(visitSummary)),
            "hasVisits": .bool(!m.visits.isEmpty),
            "chapters": .array(m.playbooks.map { link($0.page.id) }),
            "showRadar": .bool(shows(SiteMap.radar)),
            "showVisitList": .bool(shows(SiteMap.visitList)),
            // The team's own site always shows recent visits (an empty list says "none yet");
            // a public handbook with no public visit has no such section at all.
            "showRecentVisits": .bool(shows(SiteMap.radar) || !m.visits.isEmpty),
            "showHandbook": .bool(shows(SiteMap.handbook)),
        ]
        if shows(SiteMap.radar) { data.merge(radarData(radar, limit: 5)) { _, new in new } }
        return frame(title: m.config.title, kind: "home", data)
    }

    func companyList() -> MustacheValue {
        frame(title: label("nav_companies"), kind: "list", ["companies": .array(index.model.companies.map(companyRow))])
    }

    /// How many visits a list that would otherwise grow with the whole history shows (the visit
    /// index, a theme, the radar's missing reflections): beyond that a reader browses by year or searches.
    static let listCap = 100

    /// The visit index: every year with its count, and the most recent visits. `year`: one year's page,
    /// all its visits. Listing every visit on one page would grow without bound (9 MB at 10,000 visits).
    func visitList(year: Int? = nil) -> MustacheValue {
        // Positions in the model, not copies of visits: every year page walks all of them.
        let visits = index.model.visits
        var counts: [(Int, Int)] = []
        for position in visits.indices.reversed() {
            let visitYear = visits[position].date.year
            if counts.last?.0 == visitYear { counts[counts.count - 1].1 += 1 } else { counts.append((visitYear, 1)) }
        }
        let shown: [Int] = year.map { y in visits.indices.reversed().filter { visits[$0].date.year == y } }
            ?? Array(visits.indices.suffix(PageContext.listCap).reversed())
        var groups: [(Int, [Int])] = []
        for position in shown {
            let visitYear = visits[position].date.year
            if groups.last?.0 == visitYear { groups[groups.count - 1].1.append(position) } else { groups.append((visitYear, [position])) }
        }
        let title = year.map { "\(label("nav_visits")) \($0)" } ?? label("nav_visits")
        return frame(title: title, kind: "list", [
            "hasVisits": .bool(!shown.isEmpty),
            "years": .array(counts.map { .object(["year": .int($0.0), "count": .int($0.1), "href": .string(href(VisitYearPages.path(for: $0.0))),
                                                  "current": .bool($0.0 == year)]) }),
            "groups": .array(groups.map { .object(["year": .int($0.0), "visits": .array($0.1.map { visitSummary(visits[$0]) })]) }),
        ])
    }

    func peopleList() -> MustacheValue {
        frame(title: label("nav_people"), kind: "list", ["people": .array(index.model.people.map { p in
            .object(["title": .string(p.name), "href": .string(href(p.page.outputPath)),
                     "role": p.role.map { .string($0) } ?? .null, "org": p.org.map { .string($0) } ?? .null,
                     "left": date(p.left), "companyCount": .int(index.companiesHeld(by: p).count)])
        })])
    }

    func partnerList(_ funnel: Funnel) -> MustacheValue {
        func stages(_ row: Funnel.Row) -> [(label: String, count: Int)] {
            Funnel.stages.map { (label("status_\($0.rawValue)"), row.reached[$0] ?? 0) }
        }
        let rows = zip(index.model.partners, funnel.rows).map { partner, row in
            MustacheValue.object([
                "title": .string(partner.name), "href": .string(href(partner.page.outputPath)),
                "partnerKind": partnerKind(partner.kind),
                "total": .int(row.total), "stopped": .int(row.declinedOrClosed),
                "stages": .array(stages(row).map { .object(["label": .string($0.label), "count": .int($0.count)]) }),
                "chart": .string(row.total > 0 ? Charts.funnel(stages: stages(row), title: partner.name) : ""),
            ])
        }
        return frame(title: label("nav_partners"), kind: "list", [
            "partners": .array(rows),
            "totalChart": .string(Charts.funnel(stages: stages(funnel.totals), title: label("funnel_all"))),
            "totalStages": .array(stages(funnel.totals).map { .object(["label": .string($0.label), "count": .int($0.count)]) }),
            "total": .int(funnel.totals.total), "stopped": .int(funnel.totals.declinedOrClosed),
        ])
    }

    func radarPage(_ radar: Radar) -> MustacheValue {
        frame(title: label("nav_radar"), kind: "radar", radarData(radar).merging(continuityRadar()) { _, new in new })
    }

    func topicIndex(_ themes: [(name: String, count: Int)]) -> MustacheValue {
        frame(title: label("nav_themes"), kind: "list", ["themes": .array(themes.map {
            .object(["title": .string($0.name), "href": .string(href(TopicPages.path(for: $0.name))), "count": .int($0.count)])
        })])
    }

    func topicPage(_ theme: String) -> MustacheValue {
        let m = index.model
        let has: (PageInfo) -> Bool = { $0.topicNames.contains(theme) }
        let visits = m.visits.indices.reversed().filter { has(m.visits[$0].page) }   // positions: no copies
        return frame(title: theme, kind: "theme", [
            "theme": .string(theme),
            "companies": .array(m.companies.filter { has($0.page) }.map(companyRow)),
            "visits": .array(visits.prefix(PageContext.listCap).map { visitSummary(m.visits[$0]) }),
            "visitCount": .int(visits.count),
            "moreVisits": .bool(visits.count > PageContext.listCap),
            "searchHref": .string(href(SiteMap.search) + "?theme=" + RelativeURL.encodeSegment(theme)),
            "playbooks": .array(m.playbooks.filter { has($0.page) }.map { link($0.page.id) }),
        ])
    }

    func handbook() -> MustacheValue {
        frame(title: label("nav_handbook"), kind: "list", ["chapters": .array(index.model.playbooks.map { p in
            .object(["title": .string(p.page.title), "href": .string(href(p.page.outputPath)),
                     "excerpt": .string(String(withoutTitleLine(index.plainText(p.page), of: p.page).prefix(90)))])
        }), "printHref": .string(href(SiteMap.handbookPrint))])
    }

    func handbookPrint() -> MustacheValue {
        frame(title: label("handbook_print"), kind: "print", ["chapters": .array(index.model.playbooks.map { p in
            .object(["title": .string(p.page.title), "body": .string(html(p.page)), "anchor": .string("chapter-\(p.page.slug)")])
        })])
    }

    func handover(_ person: Person) -> MustacheValue {
        let notYetVisited = index.notYetVisitedBySuccessor(of: person)
        let notYet = Set(notYetVisited.map(\.page.slug))
        let handedOver = index.handoverCompanies(of: person)
        let companies = handedOver.map { company -> MustacheValue in
            let visits = index.visitsByCompany[company.page.slug] ?? []
            let recent = visits.prefix(3).map { visit -> MustacheValue in
                let md = visit.page.markdown
                // Null when the note has no such section or it is blank: no label over nothing.
                func sections(_ role: NoteSectionRole) -> MustacheValue {
                    let html = NoteFormat.indices(role, index.model.config.sections, in: md).map { self.html(visit.page, section: $0) }.joined()
                    return html.allSatisfy(\.isWhitespace) ? .null : .string(html)
                }
                return .object(["title": .string(title(of: visit.page)), "href": .string(href(visit.page.outputPath)),
                                "date": .string(day(visit.date)),
                                "diagnosis": sections(.diagnosis), "reflection": sections(.reflection)])
            }
            return .object([
                "company": companyRow(company),
                "contacts": contacts(of: company),
                // The whole history as written, headings kept: collapsed on screen when long, printed whole.
                "history": .string(html(company.page)),
                "historyLong": .bool(index.plainText(company.page).count > HandoverPages.collapseHistoryAbove),
                "anchor": .string(RelativeURL.encodeSegment(company.page.slug)),
                "successorNotYetVisited": .bool(notYet.contains(company.page.slug)),
                "recent": .array(recent),
                "promises": .array(index.openPromises(of: company).map(promise)),
                "referrals": .array(index.referralThreads(of: company).filter { $0.latest.status.isInFlight }.map(referralThread)),
            ])
        }
        return frame(title: "\(label("handover_title")): \(person.name)", kind: "handover", [
            "person": link(person.page.id),
            "left": date(person.left),
            "leftPast": .bool(person.left.map { $0 <= index.today } ?? false),
            "printCSS": .string(href(HandoverPrint.path)),
            "successor": person.successor.map { link(.people, slug: $0.value) } ?? .null,
            "companies": .array(companies),
            "companyCount": .int(handedOver.count),
            "notYetVisited": .array(notYetVisited.map { link($0.page.id) }),
            "hasNotYetVisited": .bool(!notYetVisited.isEmpty),
        ])
    }

    func searchPage() -> MustacheValue {
        frame(title: label("nav_search"), kind: "search", [:])
    }

    func notFound() -> MustacheValue {
        frame(title: label("not_found"), kind: "error", [:])
    }
}
