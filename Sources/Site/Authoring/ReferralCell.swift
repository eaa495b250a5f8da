import Foundation

/// A spreadsheet cell of referrals as a Japanese Excel user types it:
/// `よろず支援拠点（紹介済）、信用保証協会` — partners by id or name, separated like any list
/// (、 , ; and their full-width forms), each with an optional status in brackets after it: （）, (),
/// 【】, ［］ or [], the status as its id (`in_progress`) or a label the site shows (紹介済み, 進行中,
/// In progress…). A partner without a status was proposed. Separators inside brackets do not split.
enum ReferralCell {
    struct Item: Equatable {
        let partner: String
        /// As written inside the brackets; nil without brackets.
        let status: String?
    }

    /// An item whose brackets do not close (or close without opening).
    struct Unclosed: Error, Equatable {
        let item: String
    }

    static let opening: Set<Character> = ["(", "（", "【", "［", "["]
    static let closing: Set<Character> = [")", "）", "】", "］", "]"]

    static func items(_ cell: String) -> Result<[Item], Unclosed> {
        var items: [Item] = []
        for piece in split(cell) {
            let text = piece.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            guard let open = text.firstIndex(where: opening.contains) else {
                if text.contains(where: closing.contains) { return .failure(Unclosed(item: text)) }
                items.append(Item(partner: text, status: nil))
                continue
            }
            guard let last = text.last, closing.contains(last) else { return .failure(Unclosed(item: text)) }
            let partner = text[..<open].trimmingCharacters(in: .whitespaces)
            let status = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
            if partner.isEmpty || status.contains(where: { opening.contains($0) || closing.contains($0) }) {
                return .failure(Unclosed(item: text))
            }
            items.append(Item(partner: partner, status: status.isEmpty ? nil : status))
        }
        return .success(items)
    }

    /// The cell cut at separators outside brackets.
    private static func split(_ cell: String) -> [String] {
        var pieces: [String] = [], current = "", depth = 0
        for character in cell {
            if opening.contains(character) { depth += 1 }
            if closing.contains(character) { depth = max(0, depth - 1) }
            if depth == 0, ImportValues.separators.contains(character) {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        return pieces + [current]
    }
}
