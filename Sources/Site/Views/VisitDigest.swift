import Foundation
import Markdown

/// What lists show about a visit besides its front matter: the start of its 見立て and whether a
/// 振り返り exists. Each visit appears in several lists (timeline, themes, all visits, radar), so
/// this is read from the Markdown once per build instead of once per list.
public struct VisitDigest: Sendable {
    public let diagnosisExcerpt: String?
    public let hasReflection: Bool

    init(_ document: MarkdownDocument) {
        let sections = document.sections
        diagnosisExcerpt = NoteSection.excerpt(NoteSection.diagnosis, in: sections)
        hasReflection = !NoteSection.indices(NoteSection.reflection, in: sections).isEmpty
    }

    /// Digests of all visits, in model order, computed on all cores.
    static func all(_ visits: [Visit]) -> [PageID: VisitDigest] {
        let results = ConcurrentResults<VisitDigest>(count: visits.count)
        DispatchQueue.concurrentPerform(iterations: visits.count) { i in
            results.set(i, VisitDigest(visits[i].page.markdown))
        }
        var byID: [PageID: VisitDigest] = [:]
        byID.reserveCapacity(visits.count)
        for (visit, digest) in zip(visits, results.values) { byID[visit.page.id] = digest }
        return byID
    }
}
