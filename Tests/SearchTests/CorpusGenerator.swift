import Seeded
import Foundation
@testable import Search

/// A seeded corpus of small visit-note-like documents mixing kanji, kana, katakana, half-width
/// katakana, full-width Latin, Latin words with diacritics and astral kanji.
struct CorpusGenerator {
    static let pieces: [String] = [
        "特許", "開放特許", "特許活用", "海外展開", "資金繰り", "知財", "活用", "試作", "精密", "機械加工",
        "の", "を", "に", "は", "して", "いる", "ました", "です。", "、", "「", "」", "・",
        "マッチング", "ライセンス", "パソコン", "ﾊﾟｿｺﾝ", "ｶﾀｶﾅ", "ｶﾞｲﾄﾞ", "ＩＰ", "ＤＸ", "ＡＢＣ１２３",
        "IP", "ip-matching", "chip", "Café", "cafe", "DX", "AI", "iPhone", "zip", "İstanbul", "ΟΔΟΣ",
        "2026", "10月", "１０月", "㍿", "株式会社", "〇〇精機", "𠮷野家", "信金", "補助金", "支援", "伴走",
        "IPを活用", "Matching", "match", "matcher", "co-op", "Straße", "ẞ",
    ]
    static let kanji = Array("特許開放活用海外展開資金繰知財試作精密機械加工信金補助支援伴走".unicodeScalars)
    static let themes = ["知財活用", "海外展開", "資金繰り"]
    static let companies = ["marumaru-seiki", "sankaku-kogyo", "shikaku-denki"]
    static let people = ["tanaka", "suzuki", "sato"]

    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func text(pieces count: Int) -> String {
        var s = ""
        for _ in 0..<count {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: s += " "
            case 1: s += String(String.UnicodeScalarView((0..<Int.random(in: 1...3, using: &random)).map { _ in
                Self.kanji.randomElement(using: &random)! }))
            case 2: s += "\n"
            default: s += Self.pieces.randomElement(using: &random)!
            }
        }
        return s
    }

    mutating func documents(_ count: Int) -> [SearchDocument] {
        (0..<count).map { i in
            let year = 2020 + Int.random(in: 0...6, using: &random)
            let date = Int.random(in: 0..<10, using: &random) == 0 ? nil
                : String(format: "%04d-%02d-%02d", year, Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
            return SearchDocument(
                url: "visits/\(i).html",
                title: text(pieces: Int.random(in: 1...4, using: &random)),
                type: ["visit", "company", "playbook"].randomElement(using: &random)!,
                date: date,
                headings: (0..<Int.random(in: 0...2, using: &random)).map { _ in text(pieces: 2) },
                // every fourth body is long enough for snippet windows to be cut
                body: text(pieces: i % 4 == 0 ? Int.random(in: 60...120, using: &random) : Int.random(in: 5...30, using: &random)),
                meta: text(pieces: Int.random(in: 0...3, using: &random)),
                facets: [
                    "theme": [Self.themes.randomElement(using: &random)!],
                    "company": [Self.companies.randomElement(using: &random)!],
                    "person": Array(Set((0..<Int.random(in: 1...2, using: &random)).map { _ in Self.people.randomElement(using: &random)! })).sorted(),
                ])
        }
    }

    /// A query cut from a document's own (un-normalised) text: 1–6 scalars, sometimes two such
    /// cuts joined by a space.
    mutating func cut(from docs: [SearchDocument]) -> String {
        let doc = docs.randomElement(using: &random)!
        let fields = [doc.title, doc.body, doc.meta] + doc.headings
        let source = Array((fields.randomElement(using: &random) ?? "").unicodeScalars)
        guard !source.isEmpty else { return "特許" }
        let length = Int.random(in: 1...6, using: &random)
        let start = Int.random(in: 0..<source.count, using: &random)
        return String(String.UnicodeScalarView(source[start..<min(source.count, start + length)]))
    }
}
