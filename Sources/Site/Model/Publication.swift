import Foundation
import Messages

/// What `--public` keeps: only pages marked public, and nothing derived from the others.
enum Publication {
    /// The model without the notes marked `draft: true`: no page, list entry, count, backlink or
    /// search entry of theirs, as for internal pages in a public build.
    static func withoutDrafts(_ model: SiteModel) -> SiteModel {
        var result = model
        let kept: (PageInfo) -> Bool = { !$0.isDraft }
        result.companies = model.companies.filter { kept($0.page) }
        result.visits = model.visits.filter { kept($0.page) }
        result.playbooks = model.playbooks.filter { kept($0.page) }
        result.people = model.people.filter { kept($0.page) }
        result.partners = model.partners.filter { kept($0.page) }
        return result
    }

    static func publicOnly(_ model: SiteModel) -> SiteModel {
        var result = model
        let isPublic: (PageInfo) -> Bool = { $0.visibility == .public }
        result.companies = model.companies.filter { isPublic($0.page) }
        result.visits = model.visits.filter { isPublic($0.page) }
        result.playbooks = model.playbooks.filter { isPublic($0.page) }
        result.people = model.people.filter { isPublic($0.page) }
        result.partners = model.partners.filter { isPublic($0.page) }
        result.attachments = model.attachments.published(result.allPages, leaving: model.allPages.filter { !isPublic($0) })
        // A public visit of an internal company is named by its date alone: the usual name carries
        // the company's name, and without it the company's slug — both internal.
        let published = Set(result.companies.map(\.page.slug))
        ModelBuilder.nameVisits(&result)
        for index in result.visits.indices where !published.contains(result.visits[index].company.value) {
            result.visits[index].page.title = result.visits[index].date.description
        }
        return result
    }

    /// What a public build cannot hide by leaving pages out: a public page's own file name is its
    /// address, and a visit is usually named after its company. Publishing it would reveal the
    /// internal company's slug, so the build stops and says which file to rename.
    static func problems(_ model: SiteModel) -> [Diagnostic] {
        let internalCompanies = Set(model.companies.filter { $0.page.visibility != .public }.map(\.page.slug))
        var diagnostics = DiagnosticList()
        for visit in model.visits where visit.page.visibility == .public && internalCompanies.contains(visit.company.value) {
            let name = visit.company.value
            if visit.page.slug.contains(name) {
                diagnostics.error(visit.page.displayPath, 1, 1, Message(.publicVisitNamesInternalCompany, name, visit.date.description))
            }
        }
        return diagnostics.items
    }
}
