import Foundation
import Markdown

/// What lists show about a visit besides its front matter: the start of its 見立て and whether a
/// 振り返り exists. Each visit appears in several lists (timeline, themes, all visits, radar), so
/// this is read from the Markdown once per build instead of once per list.
public struct VisitDigest: Sendable {
    public let diagnosisExcerpt: String?
    public let hasReflection: Bool

    /// `names` gives wiki links their page titles in the excerpt; `unansweredPrompts` are the lines
    /// `densho reflect` writes, which alone do not make a reflection.
    init(_ page: PageInfo, names: (WikiLink) -> String?, unansweredPrompts: Set<String>) {
        let document = page.markdown
        let sections = document.sections
        diagnosisExcerpt = NoteSection.indices(NoteSection.diagnosis, in: sections).first
            .flatMap { NoteSection.excerpt(document.plainText(section: $0, names)) }
        hasReflection = ReflectionStatus.isReflected(sections, unansweredPrompts: unansweredPrompts)
    }

    /// Digests of all visits, in model order, computed on all cores.
    static func all(_ visits: [Visit], names: @escaping @Sendable (PageInfo) -> (WikiLink) -> String?,
                    unansweredPrompts: Set<String>) -> [PageID: VisitDigest] {
        let results = ConcurrentResults<VisitDigest>(count: visits.count)
        DispatchQueue.concurrentPerform(iterations: visits.count) { i in
            let page = visits[i].page
            results.set(i, VisitDigest(page, names: names(page), unansweredPrompts: unansweredPrompts))
        }
        var byID: [PageID: VisitDigest] = [:]
        byID.reserveCapacity(visits.count)
        for (visit, digest) in zip(visits, results.values) { byID[visit.page.id] = digest }
        return byID
    }
}
