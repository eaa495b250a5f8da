import Seeded
import Foundation
import XCTest
@testable import Search

/// `SearchIndexSession.update` must leave exactly the files a full `SearchIndexWriter.write`
/// gives for the updated documents, and hand out only the files that changed.
final class IndexSessionTests: XCTestCase {
    /// Files as the caller holds them: what the sink handed out, limited to `fileNames`.
    final class Folder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var files: [String: Data] = [:]
        private(set) var received = 0
        func put(_ name: String, _ data: Data) { lock.lock(); files[name] = data; received += 1; lock.unlock() }
        func keep(only names: Set<String>) { files = files.filter { names.contains($0.key) } }
    }

    static func fullBuild(_ docs: [SearchDocument], labels: SearchFacetLabels = SearchFacetLabels()) throws -> [String: Data] {
        let folder = Folder()
        _ = try SearchIndexWriter.write(docs, labels: labels) { folder.put($0, $1) }
        return folder.files
    }

    /// Long bodies, so that the families get several shards.
    static func corpus(seed: UInt64, count: Int) -> [SearchDocument] {
        var generator = CorpusGenerator(seed: seed)
        var docs = generator.documents(count)
        for i in docs.indices where i % 3 == 0 { docs[i].body += generator.text(pieces: 400) }
        return docs
    }

    private func assertSameAsFullBuild(_ folder: Folder, _ update: SearchIndexUpdate, _ docs: [SearchDocument],
                                       labels: SearchFacetLabels = SearchFacetLabels(), _ context: String,
                                       file: StaticString = #filePath, line: UInt = #line) throws {
        folder.keep(only: update.fileNames)
        let expected = try Self.fullBuild(docs, labels: labels)
        XCTAssertEqual(Set(folder.files.keys), Set(expected.keys), "file names, \(context)", file: file, line: line)
        let differing = expected.keys.filter { folder.files[$0] != expected[$0] }.sorted()
        XCTAssertEqual(differing, [], "files differing from a full build, \(context)", file: file, line: line)
        XCTAssertEqual(update.stats.files, expected.count, context, file: file, line: line)
        XCTAssertEqual(update.stats.bytes, expected.values.reduce(0) { $0 + $1.count }, context, file: file, line: line)
        XCTAssertEqual(update.stats.documents, docs.count, context, file: file, line: line)
    }

    func testBuildHandsOutEveryFileOfTheWriter() throws {
        let docs = Self.corpus(seed: 3, count: 80)
        let folder = Folder()
        let result = try SearchIndexSession().build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertEqual(result.emitted, folder.received)
        XCTAssertEqual(folder.received, result.fileNames.count)
        try assertSameAsFullBuild(folder, result, docs, "build")
    }

    /// Seeded random edits of bodies, titles, headings and meta (Japanese, full-/half-width,
    /// Latin words), one or several documents at a time: exact after every step.
    func testRandomContentEditsArePatchedExactly() throws {
        var docs = Self.corpus(seed: 11, count: 150)
        var random = SeededRandom(seed: 42)
        var generator = CorpusGenerator(seed: 7)
        let session = SearchIndexSession()
        let folder = Folder()
        _ = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertGreaterThan(folder.files.keys.filter { $0.hasPrefix("g-") }.count, 1)

        var patched = 0
        for step in 0..<40 {
            var changed: [SearchDocument] = []
            for _ in 0..<(random.chance(0.25) ? random.int(2...4) : 1) {
                var doc = docs[random.next(docs.count)]
                if changed.contains(where: { $0.url == doc.url }) { continue }
                edit(&doc, random: &random, generator: &generator)
                changed.append(doc)
            }
            for doc in changed { docs[docs.firstIndex { $0.url == doc.url }!] = doc }
            let result = try session.update(replacing: changed, labels: SearchFacetLabels()) { folder.put($0, $1) }
            if result.patched { patched += 1 }
            try assertSameAsFullBuild(folder, result, docs, "step \(step) (\(result.patched ? "patched" : "built again"))")
        }
        // None of these edits moves an id; only an edit that moves a shard count builds again.
        XCTAssertGreaterThanOrEqual(patched, 30, "of 40 content edits, \(patched) were patched")
    }

    private func edit(_ doc: inout SearchDocument, random: inout SeededRandom, generator: inout CorpusGenerator) {
        switch random.next(9) {
        case 0: doc.body += generator.text(pieces: random.int(1...5))
        case 1:
            var scalars = Array(doc.body.unicodeScalars)
            let at = random.next(scalars.count + 1)
            scalars.insert(contentsOf: generator.text(pieces: random.int(1...8)).unicodeScalars, at: at)
            doc.body = String(String.UnicodeScalarView(scalars))
        case 2:
            var scalars = Array(doc.body.unicodeScalars)
            guard !scalars.isEmpty else { doc.body = "ＡＢＣ１２３ ﾊﾟｿｺﾝ"; return }
            let from = random.next(scalars.count)
            scalars.removeSubrange(from..<min(scalars.count, from + random.int(1...40)))
            doc.body = String(String.UnicodeScalarView(scalars))
        case 3: doc.title = generator.text(pieces: random.int(1...4))
        case 4: doc.headings = (0..<random.int(0...3)).map { _ in generator.text(pieces: 2) }
        case 5: doc.meta = generator.text(pieces: random.int(0...3)) + " Zephyr\(random.next(5)) naïve"
        case 6: doc.body += " Quixotic\(random.next(1000)) ｑｕｉｒｋ 𠮷 İstanbul"
        case 7: doc.body = ""
        default:
            // One scalar changed in place: positions stay, most lists stay.
            var scalars = Array(doc.body.unicodeScalars)
            guard !scalars.isEmpty else { doc.body = "特許"; return }
            scalars[random.next(scalars.count)] = random.pick(Array("特許ﾊカナaＺ。".unicodeScalars))
            doc.body = String(String.UnicodeScalarView(scalars))
        }
    }

    func testOneBodyEditEmitsFarFewerFilesThanAFullBuild() throws {
        var docs = Self.corpus(seed: 5, count: 300)
        let session = SearchIndexSession()
        let folder = Folder()
        let full = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        var doc = docs[123]
        doc.body = doc.body.replacingOccurrences(of: "特", with: "持")
        if doc.body == docs[123].body { doc.body += "持" }
        docs[123] = doc
        let result = try session.update(replacing: [doc], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertTrue(result.patched)
        XCTAssertGreaterThan(result.emitted, 1, "the document's d shard and some postings must change")
        // A document's first occurrences move with the edit, and files are compressed whole.
        XCTAssertLessThan(result.emitted * 2, full.emitted, "\(result.emitted) of \(full.emitted) files emitted")
        try assertSameAsFullBuild(folder, result, docs, "body edit")

        // The same documents again: nothing to hand out.
        let again = try session.update(replacing: [doc], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertEqual(again.emitted, 0)
        XCTAssertTrue(again.patched)
        try assertSameAsFullBuild(folder, again, docs, "no-op update")
    }

    /// A Latin word with a new two-scalar prefix changes the manifest's `wordKeys`; removing
    /// it again restores the manifest.
    func testNewWordPrefixPatchesTheManifest() throws {
        var docs = Self.corpus(seed: 13, count: 60)
        let session = SearchIndexSession()
        let folder = Folder()
        let full = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        let manifest = try XCTUnwrap(folder.files["index.js"])
        let original = docs[30]
        docs[30].body += " Qxylophone ｑｘｙ"
        let added = try session.update(replacing: [docs[30]], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertTrue(added.patched)
        XCTAssertNotEqual(folder.files["index.js"], manifest)
        XCTAssertTrue(String(decoding: folder.files["index.js"] ?? Data(), as: UTF8.self).contains("\"qx\""))
        try assertSameAsFullBuild(folder, added, docs, "new word prefix")

        docs[30] = original
        let removed = try session.update(replacing: [original], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertEqual(folder.files["index.js"], manifest)
        try assertSameAsFullBuild(folder, removed, docs, "word prefix removed")
        XCTAssertEqual(removed.fileNames, full.fileNames)
    }

    func testChangesThatMoveIdsOrFacetsRebuildExactly() throws {
        var docs = Self.corpus(seed: 9, count: 120)
        let session = SearchIndexSession()
        let folder = Folder()
        let full = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }

        func step(_ context: String, patched: Bool, labels: SearchFacetLabels = SearchFacetLabels(),
                  _ change: (inout SearchDocument) -> Void) throws {
            var doc = docs[context.count % docs.count]
            change(&doc)
            docs[context.count % docs.count] = doc
            let result = try session.update(replacing: [doc], labels: labels) { folder.put($0, $1) }
            XCTAssertLessThanOrEqual(result.emitted, result.stats.files, context)
            XCTAssertEqual(result.patched, patched, context)
            try assertSameAsFullBuild(folder, result, docs, labels: labels, context)
        }
        // These move the document's id: the index is built again.
        try step("date moves the document", patched: false) { $0.date = "1999-01-01" }
        try step("date removed, so undated last", patched: false) { $0.date = nil }
        // These keep every id: patched, facet lists and facet files included.
        try step("type changes", patched: true) { $0.type = "partner" }
        try step("a new company facet value", patched: true) { $0.facets["company"] = ["株式会社ﾃｽﾄ"] }
        try step("labels change", patched: true, labels: SearchFacetLabels(["company": ["marumaru-seiki": "〇〇精機"]])) { $0.body += "。" }

        // A url not present is added: ids move.
        let added = SearchDocument(url: "visits/new.html", title: "新規 ＩＰ相談", type: "visit", date: "2026-11-01",
                                   body: "開放特許 matching の相談", facets: ["theme": ["知財活用"]])
        docs.append(added)
        let grown = try session.update(replacing: [added], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertFalse(grown.patched)
        try assertSameAsFullBuild(folder, grown, docs, "new url")
        XCTAssertGreaterThan(full.emitted, 0)
    }

    /// Which trigrams have lists depends on which bigrams reach `IndexLayout.trigramMinimum`: an
    /// edit that moves a bigram across it builds the index again; one that does not is patched,
    /// trigram lists included. Exact either way.
    func testABigramCrossingTheTrigramMinimumRebuildsExactly() throws {
        // 64 notes: the minimum is 4. 「後継」 is in all of them, 「継者」 in three (中継者). Numbers in
        // the meta make the index large enough that these edits move no shard count.
        var docs = (0..<64).map { i in
            SearchDocument(url: "visits/\(i).html", title: "訪問 \(i)", type: "visit", date: "2025-01-\(String(format: "%02d", 1 + i % 28))",
                           body: "後継ぎの相談。" + (i < 3 ? "中継者の話。" : "面談した。"),
                           meta: (0..<150).map { String($0 * 7 + i) }.joined(separator: " "))
        }
        XCTAssertEqual(IndexLayout.trigramMinimum(documents: docs.count), 4)
        let session = SearchIndexSession()
        let folder = Folder()
        _ = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        func step(_ context: String, _ at: Int, body: String, patched: Bool) throws {
            docs[at].body = body
            let result = try session.update(replacing: [docs[at]], labels: SearchFacetLabels()) { folder.put($0, $1) }
            XCTAssertEqual(result.patched, patched, context)
            try assertSameAsFullBuild(folder, result, docs, context)
        }
        // 「継者」 reaches four documents: 「後継者」 gets a list.
        try step("bigram reaches the minimum", 10, body: "後継者と面談した。", patched: false)
        // A fifth: no crossing, the trigram's list is patched.
        try step("trigram list patched", 11, body: "後継者と面談した。", patched: true)
        try step("trigram moves within the body", 11, body: "面談した。後継者と。", patched: true)
        // Back to four, then three: built again, the trigram list goes.
        try step("still at the minimum", 11, body: "面談した。", patched: true)
        try step("bigram leaves the minimum", 10, body: "面談した。", patched: false)
    }

    func testGrowthThatChangesShardCountsRebuildsExactly() throws {
        var docs = Self.corpus(seed: 21, count: 40)
        let session = SearchIndexSession()
        let folder = Folder()
        let before = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        // One document grows by far more than a shard's worth of postings.
        var generator = CorpusGenerator(seed: 99)
        var doc = docs[7]
        doc.body += (0..<60).map { k in generator.text(pieces: 100) + " Lorem\(k) ipsum\(k * 7)" }.joined()
        docs[7] = doc
        let result = try session.update(replacing: [doc], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertNotEqual(before.fileNames, result.fileNames, "shard counts should have moved")
        try assertSameAsFullBuild(folder, result, docs, "growth")

        // And shrinking back drops files again.
        docs[7].body = "短い"
        let shrunk = try session.update(replacing: [docs[7]], labels: SearchFacetLabels()) { folder.put($0, $1) }
        try assertSameAsFullBuild(folder, shrunk, docs, "shrink")
    }

    /// Front-matter edits keep every id and are patched: a theme added (a new facet value, so
    /// the facet list files after it are numbered again) and removed again, the title, the
    /// person list, a year facet; every step byte-identical to a full build, and the facet
    /// files handed out only when a facet changed, and then only that facet's (`f-<i>` and its
    /// lists `f-<i>-<j>`: values are numbered within their facet).
    func testFrontMatterEditsArePatchedExactly() throws {
        var docs = Self.corpus(seed: 17, count: 120)
        let session = SearchIndexSession()
        let folder = Folder()
        _ = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        let labels = SearchFacetLabels(["company": ["marumaru-seiki": "株式会社まるまる精機", "sankaku-kogyo": "㈱三角工業"],
                                        "person": ["tanaka": "田中 一郎", "sato": "佐藤"]])

        func step(_ context: String, _ at: Int, labels: SearchFacetLabels = SearchFacetLabels(),
                  facetsChange changedFacets: [String], _ change: (inout SearchDocument) -> Void) throws {
            let manifestData = try XCTUnwrap(folder.files["index.js"], context)
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(try IndexFile.parse(manifestData, file: "index.js").1))
            let allowed = Set(try changedFacets.map { name in try XCTUnwrap(manifest.facets.firstIndex(of: name), name) })
            change(&docs[at])
            let received = Recorder()
            let result = try session.update(replacing: [docs[at]], labels: labels) { name, data in
                received.put(name)
                folder.put(name, data)
            }
            XCTAssertTrue(result.patched, context)
            let facetFiles = received.names.filter { $0.hasPrefix("f-") }
            XCTAssertEqual(!facetFiles.isEmpty, !allowed.isEmpty, "\(context): \(facetFiles.sorted())")
            // f-<i>.js or f-<i>-<j>.js: the facet is the first number.
            let touched = Set(facetFiles.compactMap { Int($0.dropFirst(2).prefix { $0 != "-" && $0 != "." }) })
            XCTAssertEqual(touched, allowed, "\(context): \(facetFiles.sorted())")
            try assertSameAsFullBuild(folder, result, docs, labels: labels, context)
        }
        try step("a new theme, first in value order", 5, facetsChange: ["theme"]) { $0.facets["theme", default: []].append("ＡＩ導入") }
        try step("the theme removed again", 5, facetsChange: ["theme"]) { $0.facets["theme"] = ["知財活用"] }
        try step("a theme only this document has", 40, facetsChange: ["theme"]) { $0.facets["theme"] = ["事業承継（後継者）"] }
        try step("the last document of a value leaves it", 40, facetsChange: ["theme"]) { $0.facets["theme"] = [] }
        try step("title in half-width kana and full-width Latin", 9, facetsChange: []) { $0.title = "ﾊﾟｿｺﾝ導入のＤＸ相談 ㍿テスト" }
        try step("headings", 9, facetsChange: []) { $0.headings = ["聞いたこと", "見立て（再）", "次の一手"] }
        try step("staff added", 60, facetsChange: ["person"]) { $0.facets["person"] = ["suzuki", "tanaka", "yamada-hanako"] }
        try step("meta names a new company", 61, facetsChange: []) { $0.meta = "株式会社〇〇精機\n担当: 山田 花子" }
        try step("labels only", 61, labels: labels, facetsChange: ["company", "person"]) { $0.body += "" }
        try step("labels kept, a company changed", 62, labels: labels, facetsChange: ["company"]) { $0.facets["company"] = ["sankaku-kogyo"] }
    }

    /// An edit moves the first occurrences of the grams after it (in the middle of a long
    /// Japanese body: many, in many g shards): patched, exact, and the g files handed out are
    /// exactly the shards of the grams whose first occurrence moved (or that came or went) —
    /// each of those lists changed, no other did. No d shard but the document's, no facet file,
    /// no manifest.
    func testBodyEditsHandOutOnlyTheShardsOfMovedGrams() throws {
        var docs = Self.corpus(seed: 23, count: 200)
        docs[49].meta = ""
        docs[49].body = "見立て：後継者は長男、事業承継の相談。"
        let session = SearchIndexSession()
        let folder = Folder()
        _ = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        let g = folder.files.keys.filter { $0.hasPrefix("g-") }.count

        func edit(_ at: Int, _ context: String, _ change: (inout [Unicode.Scalar]) -> Void) throws -> Set<String> {
            let before = docs[at]
            var scalars = Array(docs[at].body.unicodeScalars)
            change(&scalars)
            docs[at].body = String(String.UnicodeScalarView(scalars))
            let received = Recorder()
            let result = try session.update(replacing: [docs[at]], labels: SearchFacetLabels()) { name, data in
                received.put(name)
                folder.put(name, data)
            }
            XCTAssertTrue(result.patched, context)
            try assertSameAsFullBuild(folder, result, docs, context)
            // A patch means no bigram crossed the trigram minimum: the same trigrams have lists.
            let frequent = Self.frequentBigrams(docs)
            let old = FirstOccurrences(before, frequent: frequent).grams, new = FirstOccurrences(docs[at], frequent: frequent).grams
            let moved = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
            let expected = Set(moved.map { "g-\(ShardHash.shard(of: $0, count: g)).js" })
            XCTAssertEqual(received.names.filter { $0.hasPrefix("g-") }, expected, context)
            XCTAssertEqual(received.names.filter { $0.hasPrefix("d-") }.count, 1, context)
            XCTAssertFalse(received.names.contains { $0.hasPrefix("f-") || $0 == "index.js" },
                           "\(context): \(received.names.sorted())")
            return expected
        }
        // The last scalar of a short body: a few grams, a few of the shards.
        let few = try edit(49, "end of a short body") { $0[$0.count - 1] = "！" }
        XCTAssertLessThan(few.count, g, "the edit should leave some g shards alone")
        // Inserted mid-body (half-width kana, punctuation): everything after it moves.
        _ = try edit(48, "middle of a long body") { $0.insert(contentsOf: "（第二稿：ｶﾀｶﾅの追記、「。」）".unicodeScalars, at: $0.count / 2) }
    }

    /// Several documents at once, in different d shards, one of them also in its front matter.
    func testSeveralDocumentsAtOnceArePatchedExactly() throws {
        var docs = Self.corpus(seed: 29, count: 90)
        let session = SearchIndexSession()
        let folder = Folder()
        _ = try session.build(docs, labels: SearchFacetLabels()) { folder.put($0, $1) }
        docs[3].body += "\n追記：ＩＰ matching の件、ﾊﾟｿｺﾝ更新。"
        docs[44].body = docs[44].body.replacingOccurrences(of: "特許", with: "実用新案")
        docs[87].facets["theme"] = ["海外展開", "資金繰り"]
        docs[87].title += "（再訪）"
        let result = try session.update(replacing: [docs[87], docs[3], docs[44]], labels: SearchFacetLabels()) { folder.put($0, $1) }
        XCTAssertTrue(result.patched)
        try assertSameAsFullBuild(folder, result, docs, "three documents")
    }

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var names: Set<String> = []
        func put(_ name: String) { lock.lock(); names.insert(name); lock.unlock() }
    }

    /// The bigrams in at least `IndexLayout.trigramMinimum` documents, counted the obvious way.
    static func frequentBigrams(_ docs: [SearchDocument]) -> Set<UInt64> {
        var counts: [UInt64: Int] = [:]
        for doc in docs {
            for key in Set(DocumentAnalysis(DocumentText(doc), partitions: 1).bigramKeys) { counts[key, default: 0] += 1 }
        }
        let minimum = IndexLayout.trigramMinimum(documents: docs.count)
        return Set(counts.filter { $0.value >= minimum }.keys)
    }
}
