import Foundation

/// One visit note edited in a session (`QuickRebuild`): the visit as the last build had it and as
/// it is now. Its file, and so its date and place in the model, are the same.
struct VisitEdit: Sendable {
    let before: Visit
    let after: Visit

    /// Whether its referrals (partner, status, note) changed.
    var referralsChanged: Bool {
        let fields = { (visit: Visit) in visit.referrals.map { [$0.to.value, $0.status.rawValue, $0.note ?? "\u{0}"] } }
        return fields(before) != fields(after)
    }
}

extension PublishedSite {
    /// This index after some visits were edited — their text, their front matter or both — while
    /// every other page stayed the same (a session's quick rebuild): the same as building it anew
    /// from `model` and `links`, but only the lists the edited visits are in (their companies',
    /// their people's and partners' before and after), those companies' open promises and referral
    /// threads, and the
    /// edited visits' digests are made again. `model` already holds the visits as they are now.
    func replacing(_ edits: [VisitEdit], model: SiteModel, links: LinkGraph) -> PublishedSite {
        var index = self
        index.model = model
        index.links = links
        var redo = Lists(companies: [], people: [], partners: [])
        for edit in edits {
            let visit = edit.after
            index.pagesByID[visit.page.id] = visit.page
            for name in visit.page.topicNames where index.topicPaths[name] == nil { index.topicPaths[name] = TopicPages.path(for: name) }
            for side in [edit.before, visit] {
                redo.companies?.insert(side.company.value)
                redo.people?.formUnion(side.staff.map(\.value))
                redo.partners?.formUnion(side.referrals.map(\.to.value))
            }
        }
        // Those lists made again the way `init` makes them: one pass over the visits, newest first.
        for company in redo.companies ?? [] { index.visitsByCompany[company] = nil }
        for person in redo.people ?? [] { index.visitsByPerson[person] = nil }
        for partner in redo.partners ?? [] { index.referralsByPartner[partner] = nil }
        for visit in model.visits.reversed() {
            PublishedSite.file(visit, &index.visitsByCompany, &index.visitsByPerson, &index.referralsByPartner, only: redo)
        }
        // A promise's owner defaults to the visit's first staff member, so staff edits move promises too.
        for company in redo.companies ?? [] {
            index.promisesByCompany[company] = PublishedSite.openPromises(visitsNewestFirst: index.visitsByCompany[company] ?? [])
        }
        if !edits.isEmpty { index.promisesByOwner = PublishedSite.promisesByOwner(index.promisesByCompany) }
        for company in redo.companies ?? [] { index.referralThreadsByCompany[company] = nil }
        index.referralThreadsByCompany.merge(PublishedSite.referralThreadsByCompany(index.visitsByCompany, only: redo.companies)) { _, new in new }
        let prompts = ReflectionStatus.unansweredPrompts(model.config)
        for edit in edits {
            let visit = edit.after
            index.visitDigests[visit.page.id] = VisitDigest(visit.page, names: index.linkNames(for: visit.page), unansweredPrompts: prompts)
        }
        return index
    }
}
