import Foundation
import Markdown

/// What lists show about a visit besides its front matter: the start of its 見立て and whether a
/// 振り返り exists. Each visit appears in several lists (timeline, themes, all visits, radar), so
/// this is read from the Markdown once per build instead of once per list.
public struct VisitDigest: Sendable, Equatable {
    public let diagnosisExcerpt: String?
    public let hasReflection: Bool

    /// `names` gives wiki links their page titles in the excerpt; `unansweredPrompts` are the lines
    /// `densho reflect` writes, which alone do not make a reflection.
    init(_ page: PageInfo, names: (WikiLink) -> String?, unansweredPrompts: ReflectionRules) {
        let document = page.markdown
        let sections = document.sections
        diagnosisExcerpt = NoteSection.indices(.diagnosis, unansweredPrompts.sections, in: sections).first
            .flatMap { NoteSection.excerpt(document.plainText(section: $0, names)) }
        hasReflection = ReflectionStatus.isReflected(sections, unansweredPrompts: unansweredPrompts)
    }

    /// Digests of all visits, in model order, computed on all cores. With a cache (a long-running
    /// session), a visit whose text and link names are unchanged keeps its previous digest.
    static func all(_ visits: [Visit], names: @escaping @Sendable (PageInfo) -> (WikiLink) -> String?,
                    unansweredPrompts: ReflectionRules, cache: VisitDigestCache? = nil) -> [PageID: VisitDigest] {
        let results = ConcurrentResults<VisitDigest>(count: visits.count)
        DispatchQueue.concurrentPerform(iterations: visits.count) { i in
            let page = visits[i].page
            let resolve = names(page)
            guard let cache else {
                return results.set(i, VisitDigest(page, names: resolve, unansweredPrompts: unansweredPrompts))
            }
            var key = Fingerprint()
            key.add(page.markdown.plainText)
            for heading in page.markdown.headings { key.add(heading.level); key.add(heading.text) }
            for link in page.markdown.wikiLinks { key.add(resolve(link) ?? "\u{0}") }
            for prompt in unansweredPrompts.prompts.sorted() { key.add(prompt) }
            for role in NoteSectionRole.allCases { key.add(unansweredPrompts.sections.title(role)) }
            if let cached = cache.digest(page.id, key: key.value) { return results.set(i, cached) }
            let digest = VisitDigest(page, names: resolve, unansweredPrompts: unansweredPrompts)
            cache.store(page.id, key: key.value, digest)
            results.set(i, digest)
        }
        var byID: [PageID: VisitDigest] = [:]
        byID.reserveCapacity(visits.count)
        for (visit, digest) in zip(visits, results.values) { byID[visit.page.id] = digest }
        return byID
    }
}

/// Digests kept between builds of one session (`densho serve`, `build --watch`), keyed by a
/// fingerprint of everything a digest reads: the note's text and headings, its link names, the prompts.
final class VisitDigestCache: @unchecked Sendable {
    private var entries: [PageID: (key: UInt64, digest: VisitDigest)] = [:]
    private let lock = NSLock()

    func digest(_ id: PageID, key: UInt64) -> VisitDigest? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[id], entry.key == key else { return nil }
        return entry.digest
    }

    func store(_ id: PageID, key: UInt64, _ digest: VisitDigest) {
        lock.lock(); entries[id] = (key, digest); lock.unlock()
    }
}
