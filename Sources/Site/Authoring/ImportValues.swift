import Foundation
import FrontMatter
import Messages

/// How a spreadsheet cell is read into a note's value.
enum ImportValues {
    /// `2026-10-14`, `2026/10/14` (also `2026/1/4`), `令和8年10月14日` (also 令和元年, 平成), with
    /// full-width digits too. Nil when it names no real day.
    static func date(_ cell: String) -> CalendarDate? {
        let text = cell.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(text) { return iso }
        let slashed = text.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 3, slashed[0].count == 4, let y = Int(slashed[0]), let m = Int(slashed[1]), let d = Int(slashed[2]) {
            return CalendarDate(year: y, month: m, day: d)
        }
        for (era, firstYear) in [("令和", 2019), ("平成", 1989)] where text.hasPrefix(era) {
            let rest = text.dropFirst(era.count).replacingOccurrences(of: "元年", with: "1年")
            let parts = rest.split(whereSeparator: { "年月日".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard rest.hasSuffix("日"), parts.count == 3, let n = Int(parts[0]), n >= 1, let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            return CalendarDate(year: firstYear + n - 1, month: m, day: d)
        }
        return nil
    }

    /// What separates several values in one cell: 、 , ; and their full-width forms.
    static let separators: Set<Character> = ["、", ",", ";", "，", "；"]

    /// Several values in one cell, blanks dropped.
    static func list(_ cell: String) -> [String] {
        cell.split(whereSeparator: separators.contains)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// A name compared loosely: NFKC, spaces (half- and full-width) removed, lower case; so
    /// 「田中　花子」 finds 田中 花子 and ｶﾌﾞｼｷｶﾞｲｼｬ its full-width form.
    static func nameKey(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
            .filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}

/// Ids of one kind of page, found by id or by name (the way a spreadsheet names them).
struct NameIndex {
    let kind: String
    let folder: String
    let say: Say
    private let ids: Set<String>
    private let byName: [String: [String]]
    private let all: [String]
    private let names: [String: String]   // id → name key

    init(_ choices: [FormSettings.Choice], kind: String, folder: String, say: Say = Say(.en)) {
        self.kind = kind
        self.folder = folder
        self.say = say
        ids = Set(choices.map(\.id))
        all = choices.map(\.id)
        names = Dictionary(choices.map { ($0.id, ImportValues.nameKey($0.name)) }, uniquingKeysWith: { a, _ in a })
        var names: [String: [String]] = [:]
        for choice in choices { names[ImportValues.nameKey(choice.name), default: []].append(choice.id) }
        byName = names
    }

    /// The id a cell means, or an error message naming the closest ids.
    func resolve(_ cell: String) -> Result<String, ImportProblem> {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if ids.contains(text) { return .success(text) }
        let found = byName[ImportValues.nameKey(text)] ?? []
        if found.count == 1 { return .success(found[0]) }
        let word = AuthoringError.japaneseKind(kind)
        let separator = say.language == .ja ? "、" : ", "
        if found.count > 1 {
            return .failure(ImportProblem(say(.importSeveralNamed, text, kind, found.joined(separator: ", "), found.joined(separator: "、"), word)))
        }
        let closest = self.closest(to: text)
        return .failure(ImportProblem(closest.isEmpty ? say(.importUnknownNamedNone, text, kind, folder, "", word)
                                                      : say(.importUnknownNamed, text, kind, folder, closest.joined(separator: separator), word)))
    }
}

extension NameIndex {
    /// The three ids nearest to what the cell says, quoted: a spreadsheet names pages by name as
    /// often as by id, so each id counts by whichever of the two is closer.
    func closest(to cell: String) -> [String] {
        let byID = Array(cell.lowercased()), byName = Array(ImportValues.nameKey(cell))
        return all.map { id in
            (id, min(Suggestions.distance(byID, Array(id.lowercased())), Suggestions.distance(byName, Array(names[id] ?? id))))
        }
        .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        .prefix(3).map { "'\($0.0)'" }
    }
}

struct ImportProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
