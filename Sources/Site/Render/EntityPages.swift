import Foundation
import Markdown
import Mustache

/// Template data for the five kinds of content page.
extension PageContext {
    func visitSummary(_ visit: Visit) -> MustacheValue {
        let digest = index.digest(of: visit)
        return .object([
            "title": .string(title(of: visit.page)),
            "href": .string(href(visit.page.outputPath)),
            "date": .string(day(visit.date)),
            "dateISO": .string(visit.date.description),
            "kind": .string(label("kind_\(visit.kind.rawValue)")),
            "company": link(.companies, slug: visit.company.value),
            "staff": links(.people, visit.staff),
            "themes": topicLinks(visit.page.topicNames),
            "diagnosis": digest.diagnosisExcerpt.map { .string($0) } ?? .null,
            "hasReflection": .bool(digest.hasReflection),
        ])
    }

    func promise(_ promise: OpenPromise) -> MustacheValue { self.promise(promise, showCompany: false) }

    /// One open promise with who owes it and by when; `showCompany` for ledgers that mix companies.
    func promise(_ promise: OpenPromise, showCompany: Bool) -> MustacheValue {
        let late = PromiseLedger.daysOverdue(promise, today: index.today)
        return .object(["text": .string(promise.text), "visit": .object([
            "title": .string(title(of: promise.visit.page)), "href": .string(href(promise.visit.page.outputPath)),
            "date": .string(day(promise.visit.date))]),
            "owner": promise.owner.map { link(.people, slug: $0) } ?? .null,
            "due": date(promise.due),
            "overdue": .bool(late != nil), "daysOverdue": late.map { .int($0) } ?? .null,
            "company": showCompany ? link(.companies, slug: promise.visit.company.value) : .null])
    }

    func referralThread(_ thread: ReferralThread) -> MustacheValue {
        .object([
            "partner": link(.partners, slug: thread.partner),
            "company": link(.companies, slug: thread.company),
            "status": .string(label("status_\(thread.latest.status.rawValue)")),
            "statusKey": .string(thread.latest.status.rawValue),
            "inFlight": .bool(thread.latest.status.isInFlight),
            "stalled": .bool(index.state(thread).stalled),
            "daysSinceUpdate": .int(index.state(thread).daysSinceUpdate),
            "steps": .array(thread.steps.map { step in
                .object(["date": .string(day(step.visit.date)), "href": .string(href(step.visit.page.outputPath)),
                         "status": .string(label("status_\(step.referral.status.rawValue)")),
                         "note": step.referral.note.map { .string($0) } ?? .null])
            }),
        ])
    }

    /// A company's faces: current contacts first, then former ones (kept for the history, marked).
    func contacts(of company: Company) -> MustacheValue {
        let current = company.contacts.filter { !$0.isFormer(on: index.today) }
        let former = company.contacts.filter { $0.isFormer(on: index.today) }
        return .array((current + former).map { c in
            let period: String? = switch (c.since, c.until) {
            case let (since?, until?): day(since) + label("range_dash") + day(until)
            case let (since?, nil): label("since_before") + day(since) + label("since_after")
            case let (nil, until?): label("until_before") + day(until) + label("until_after")
            case (nil, nil): nil
            }
            // tel: takes digits and + only, whatever width or punctuation the number was typed in.
            let dial = c.phone.map { $0.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? $0 }?
                .filter { $0.isASCII && ($0.isNumber || $0 == "+") }
            return .object([
                "name": .string(c.name), "role": c.role.map { .string($0) } ?? .null, "note": c.note.map { .string($0) } ?? .null,
                "phone": c.phone.map { .string($0) } ?? .null,
                "tel": dial.map { .string($0) } ?? .null,
                "email": c.email.map { .string($0) } ?? .null,
                "mailto": c.email.flatMap { Contact.looksLikeEmail($0) ? .string("mailto:" + $0) : nil } ?? .null,
                "period": period.map { .string($0) } ?? .null,
                "former": .bool(c.isFormer(on: index.today)),
                "reach": .bool(c.phone != nil || c.email != nil || period != nil),
            ])
        })
    }

    func company(_ company: Company) -> MustacheValue {
        let visits = index.visitsByCompany[company.page.slug] ?? []
        let overdue = index.daysOverdue(company)
        let attachments = companyAttachments(company, visits: visits)
        return frame(title: company.name, kind: "company", adding: companyContinuity(company), [
            "slug": .string(company.page.slug),
            "name": .string(company.name),
            "kana": company.kana.map { .string($0) } ?? .null,
            "industry": company.industry.map { .string($0) } ?? .null,
            "location": company.location.map { .string($0) } ?? .null,
            "employees": company.employees.map { .int($0) } ?? .null,
            "founded": company.founded.map { .int($0) } ?? .null,
            "owner": owner(of: company),
            "since": date(company.since),
            "status": .string(label("company_\(company.status.rawValue)")),
            "themes": topicLinks(company.page.topicNames),
            "hasThemes": .bool(!company.page.topicNames.isEmpty),
            "contacts": contacts(of: company),
            "body": .string(html(company.page)),
            "visitCount": .int(visits.count),
            "timeline": .array(visits.map(visitSummary)),
            "lastVisit": index.lastVisit(of: company).map { .string(day($0.date)) } ?? .null,
            "daysSince": index.daysSinceLastVisit(of: company).map { .int($0) } ?? .null,
            "ago": ago(index.daysSinceLastVisit(of: company)),
            "cadence": .int(index.cadence(of: company)),
            "overdue": .bool((overdue ?? 0) > 0),
            "daysOverdue": overdue.map { .int($0) } ?? .null,
            "promises": .array(index.openPromises(of: company).map(promise)),
            "referrals": .array(index.referralThreads(of: company).map(referralThread)),
            "backlinks": backlinks(company.page.id),
            "chart": .string(Charts.visitsPerYear(visits, label: label("chart_visits_per_year"))),
            "attachments": attachments,
            "hasAttachments": .bool(attachments != .array([])),
        ])
    }

    /// The company's own attachments, then those of its visits (newest first), each with its note.
    private func companyAttachments(_ company: Company, visits: [Visit]) -> MustacheValue {
        let attachments = index.model.attachments
        var items: [MustacheValue] = []
        for page in [company.page] + visits.map(\.page) {
            for file in attachments.attachments(of: page) {
                items.append(.object(["name": .string(file.name), "href": .string(href(file.sitePath)),
                                      "size": .string(Self.size(file.bytes)),
                                      "note": page.id == company.page.id ? .null : link(page.id)]))
            }
        }
        return .array(items)
    }

    private static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    func visit(_ visit: Visit) -> MustacheValue {
        let siblings = index.visitsByCompany[visit.company.value] ?? []   // newest first
        let position = siblings.firstIndex { $0.page.id == visit.page.id }
        let newer = position.flatMap { $0 > 0 ? siblings[$0 - 1] : nil }
        let older = position.flatMap { $0 + 1 < siblings.count ? siblings[$0 + 1] : nil }
        return frame(title: title(of: visit.page), kind: "visit", [
            // The note's path inside content/, for the forms `serve` adds (visits/<yyyy>/<slug>.md).
            "source": .string("visits/\(visit.date.year)/\(visit.page.slug).md"),
            "date": .string(day(visit.date)),
            "dateISO": .string(visit.date.description),
            "kind": .string(label("kind_\(visit.kind.rawValue)")),
            "company": link(.companies, slug: visit.company.value),
            "staff": links(.people, visit.staff),
            "themes": topicLinks(visit.page.topicNames),
            "hasThemes": .bool(!visit.page.topicNames.isEmpty),
            "referrals": .array(visit.referrals.map { r in
                .object(["partner": link(.partners, slug: r.to.value),
                         "status": .string(label("status_\(r.status.rawValue)")), "statusKey": .string(r.status.rawValue),
                         "note": r.note.map { .string($0) } ?? .null])
            }),
            "nextVisit": date(visit.nextVisit),
            "body": .string(html(visit.page)),
            "previous": older.map { .object(["title": .string(title(of: $0.page)), "href": .string(href($0.page.outputPath))]) } ?? .null,
            "next": newer.map { .object(["title": .string(title(of: $0.page)), "href": .string(href($0.page.outputPath))]) } ?? .null,
            "backlinks": backlinks(visit.page.id),
        ])
    }

    func person(_ person: Person) -> MustacheValue {
        let held = index.companiesHeld(by: person)
        let inherited = shows(SiteMap.handover) ? index.inheritedPackets(of: person) : []
        let promises = index.openPromises(of: person)   // a ledger gathers and sorts every promise: once a page
        return frame(title: person.name, kind: "person", adding: personContinuity(person), [
            "name": .string(person.name),
            "role": person.role.map { .string($0) } ?? .null,
            "org": person.org.map { .string($0) } ?? .null,
            "joined": date(person.joined),
            "left": date(person.left),
            "successor": person.successor.map { link(.people, slug: $0.value) } ?? .null,
            "handover": person.left != nil && shows(SiteMap.handover) ? .string(href(HandoverPages.path(for: person))) : .null,
            "inherited": .array(inherited.map { p in
                .object(["name": .string(p.name), "href": .string(href(HandoverPages.path(for: p)))])
            }),
            "companies": .array(held.map { c in
                .object(["title": .string(c.name), "href": .string(href(c.page.outputPath)),
                         "lastVisit": index.lastVisit(of: c).map { .string(day($0.date)) } ?? .null,
                         "overdue": .bool((index.daysOverdue(c) ?? 0) > 0),
                         "inheritedFrom": index.holders.inheritedFrom(c).map { link(.people, slug: $0) } ?? .null,
                         "singlePerson": .bool(index.isSinglePerson(c))])
            }),
            "visits": .array((index.visitsByPerson[person.page.slug] ?? []).prefix(10).map(visitSummary)),
            "promises": .array(promises.map { promise($0, showCompany: true) }),
            "overduePromiseCount": countIfAny(promises.filter { $0.isOverdue(today: index.today) }.count),
            "body": .string(html(person.page)),
            "backlinks": backlinks(person.page.id),
        ])
    }

    func partner(_ partner: Partner) -> MustacheValue {
        let received = index.referralsByPartner[partner.page.slug] ?? []
        let groups = ReferralStatus.allCases.compactMap { status -> MustacheValue? in
            let items = received.filter { $0.referral.status == status }
            guard !items.isEmpty else { return nil }
            return .object([
                "status": .string(label("status_\(status.rawValue)")), "statusKey": .string(status.rawValue),
                "count": .int(items.count),
                "items": .array(items.map { item in
                    .object(["company": link(.companies, slug: item.visit.company.value),
                             "date": .string(day(item.visit.date)), "href": .string(href(item.visit.page.outputPath)),
                             "note": item.referral.note.map { .string($0) } ?? .null])
                }),
            ])
        }
        return frame(title: partner.name, kind: "partner", adding: partnerStalled(partner), [
            "name": .string(partner.name),
            "partnerKind": partnerKind(partner.kind),
            "body": .string(html(partner.page)),
            "referralCount": .int(received.count),
            "groups": .array(groups),
            "backlinks": backlinks(partner.page.id),
        ])
    }

    func playbook(_ playbook: Playbook) -> MustacheValue {
        let chapters = index.model.playbooks
        let position = chapters.firstIndex { $0.page.id == playbook.page.id }
        let previous = position.flatMap { $0 > 0 ? chapters[$0 - 1] : nil }
        let next = position.flatMap { $0 + 1 < chapters.count ? chapters[$0 + 1] : nil }
        return frame(title: playbook.page.title, kind: "playbook", [
            "themes": topicLinks(playbook.page.topicNames),
            "body": .string(html(playbook.page)),
            "toc": .array(playbook.page.markdown.headings.dropFirst(opensWithTitle(playbook.page) ? 1 : 0).filter { $0.level <= 3 }.map { h in
                .object(["text": .string(h.text), "href": .string("#" + RelativeURL.encodeSegment(h.id)), "level": .int(h.level)])
            }),
            "previous": previous.map { link($0.page.id) } ?? .null,
            "next": next.map { link($0.page.id) } ?? .null,
            "backlinks": backlinks(playbook.page.id),
        ])
    }
}
