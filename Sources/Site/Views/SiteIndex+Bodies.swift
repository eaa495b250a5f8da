import Foundation

extension SiteIndex {
    /// This index after the bodies of some visits changed while all front matter stayed the same
    /// (a session's quick rebuild): the same as building it anew from `model` and `links`, but
    /// only the changed visits' entries, their digests and their companies' open promises are
    /// recomputed. `changed` are the visits as they are in `model` now.
    func replacingBodies(of changed: [Visit], model: SiteModel, links: LinkGraph) -> SiteIndex {
        var index = self
        index.model = model
        index.links = links
        func replace(_ list: inout [Visit]?, _ visit: Visit) {
            guard let at = list?.firstIndex(where: { $0.page.id == visit.page.id }) else { return }
            list?[at] = visit
        }
        var companies: Set<String> = []
        for visit in changed {
            index.pagesByID[visit.page.id] = visit.page
            replace(&index.visitsByCompany[visit.company.value], visit)
            for person in Set(visit.staff.map(\.value)) { replace(&index.visitsByPerson[person], visit) }
            for partner in Set(visit.referrals.map(\.to.value)) {
                guard var received = index.referralsByPartner[partner] else { continue }
                for at in received.indices where received[at].visit.page.id == visit.page.id {
                    received[at] = (visit, received[at].referral)
                }
                index.referralsByPartner[partner] = received
            }
            companies.insert(visit.company.value)
        }
        for company in companies {
            index.promisesByCompany[company] = SiteIndex.openPromises(visitsNewestFirst: index.visitsByCompany[company] ?? [])
        }
        if !companies.isEmpty { index.promisesByOwner = SiteIndex.promisesByOwner(index.promisesByCompany) }
        let prompts = ReflectionStatus.unansweredPrompts(model.config)
        for visit in changed {
            index.visitDigests[visit.page.id] = VisitDigest(visit.page, names: index.linkNames(for: visit.page), unansweredPrompts: prompts)
        }
        return index
    }
}
