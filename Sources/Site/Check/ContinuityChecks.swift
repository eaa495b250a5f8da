import Foundation
import FrontMatter
import Messages

/// `densho check`'s warnings about the continuity rules, each pointing at the line to fix:
/// staff named on a visit after they left, a `next_visit` before the visit itself, two companies
/// with one name, and promise notation (`@owner`, due date) that does not read.
enum ContinuityChecks {
    static func run(_ model: SiteModel, files: FileLocator, into found: inout DiagnosticList) {
        let people = Dictionary(model.people.map { ($0.page.slug, $0) }, uniquingKeysWith: { a, _ in a })
        staffAfterLeaving(model, people: people, into: &found)
        nextVisitBeforeVisit(model, files: files, into: &found)
        companiesSharingAName(model, files: files, into: &found)
        promiseNotation(model, people: people, into: &found)
    }

    private static func staffAfterLeaving(_ model: SiteModel, people: [String: Person], into found: inout DiagnosticList) {
        for visit in model.visits {
            for staff in visit.staff {
                guard let person = people[staff.value], let left = person.left, visit.date > left else { continue }
                let message = person.successor.map { Message(.checkStaffAfterLeftSuccessor, staff.value, left.description, visit.date.description, $0.value) }
                    ?? Message(.checkStaffAfterLeft, staff.value, left.description, visit.date.description)
                found.warning(visit.page.displayPath, staff.line, staff.column, message)
            }
        }
    }

    private static func nextVisitBeforeVisit(_ model: SiteModel, files: FileLocator, into found: inout DiagnosticList) {
        for visit in model.visits {
            guard let next = visit.nextVisit, next < visit.date else { continue }
            let at = files.location(of: "next_visit", in: visit.page.displayPath) ?? SourceLocation(line: 1, column: 1)
            found.warning(visit.page.displayPath, at.line, at.column,
                          Message(.checkNextVisitBeforeVisit, next.description, visit.date.description))
        }
    }

    private static func companiesSharingAName(_ model: SiteModel, files: FileLocator, into found: inout DiagnosticList) {
        var first: [String: Company] = [:]
        for company in model.companies {
            // The same name in full- or half-width, or with different spacing, is the same name to a reader.
            let key = String(company.name.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace })
            guard let earlier = first[key] else { first[key] = company; continue }
            let at = files.location(of: "name", in: company.page.displayPath) ?? SourceLocation(line: 1, column: 1)
            found.warning(company.page.displayPath, at.line, at.column,
                          Message(.checkCompanyNameShared, company.name, earlier.page.displayPath))
        }
    }

    private static func promiseNotation(_ model: SiteModel, people: [String: Person], into found: inout DiagnosticList) {
        for visit in model.visits {
            for item in visit.page.markdown.taskItems {
                let line = visit.page.bodyFirstLine + item.line - 1
                let notation = PromiseNotation(item.text)
                for problem in notation.problems { found.warning(visit.page.displayPath, line, 1, problem.message) }
                if let owner = notation.owner, people[owner] == nil {
                    let close = Suggestions.closest(to: owner, among: people.keys.sorted(), limit: 3)
                    let message = close.isEmpty ? Message(.checkPromiseOwnerUnknown, owner)
                        : Message(.checkPromiseOwnerUnknownSuggest, owner, close.map { "'@\($0)'" }.joined(separator: ", "))
                    found.warning(visit.page.displayPath, line, 1, message)
                }
            }
        }
    }
}
