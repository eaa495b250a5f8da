import Foundation
import FrontMatter
import Messages

/// What a task item's text says about its promise: who owes it (`@person-id`) and by when
/// (`期限 2026-12-15`, `期限:…`, `期限：…`, `📅 2026-12-15`). Plain text in, values out; which
/// person ids exist is for the caller to judge.
public struct PromiseNotation: Sendable, Equatable {
    public var owner: String?
    public var due: CalendarDate?
    /// Notation that was meant but does not read (a due marker with no valid date, an empty `@`),
    /// with its offset in characters, for `check`.
    public var problems: [Problem] = []

    public struct Problem: Sendable, Equatable {
        public let message: Message
        /// Offset in characters from the start of the text.
        public let offset: Int
    }

    static let dueMarkers = ["期限", "📅"]

    public init(_ text: String) {
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "@" || c == "＠", i == 0 || !Self.isWordCharacter(characters[i - 1]) {
                var j = i + 1
                while j < characters.count, !Self.endsOwner(characters[j]) { j += 1 }
                let id = String(characters[(i + 1)..<j])
                if id.isEmpty {
                    problems.append(Problem(message: Message(.promiseOwnerEmpty, String(c)), offset: i))
                } else if owner == nil {
                    owner = id
                } else if owner != id {
                    problems.append(Problem(message: Message(.promiseTwoOwners, owner!, id), offset: i))
                }
                i = max(j, i + 1)
                continue
            }
            if let marker = Self.dueMarkers.first(where: { Self.starts(characters, at: i, with: $0) }) {
                let markerEnd = i + marker.count
                var j = markerEnd
                var sawColon = false
                while j < characters.count, characters[j] == " " || characters[j] == "\u{3000}" || characters[j] == ":" || characters[j] == "：" {
                    if characters[j] == ":" || characters[j] == "：" { sawColon = true }
                    j += 1
                }
                var k = j
                while k < characters.count, Self.isDateCharacter(characters[k]) { k += 1 }
                let written = String(characters[j..<k])
                // 期限 in running text (期限を確認) is not notation; 📅, a colon or a digit after it is.
                let meant = marker == "📅" || sawColon || !written.isEmpty
                if meant {
                    let normalized = written.precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "/", with: "-")
                    if let date = CalendarDate(normalized), normalized.count == 10 {
                        if due == nil { due = date }
                        else if due != date { problems.append(Problem(message: Message(.promiseTwoDueDates, due!.description, date.description), offset: i)) }
                    } else {
                        let message = written.isEmpty ? Message(.promiseDueMissing, marker) : Message(.promiseDueUnreadable, marker, written)
                        problems.append(Problem(message: message, offset: i))
                    }
                }
                i = max(k, markerEnd)
                continue
            }
            i += 1
        }
    }

    private static func starts(_ characters: [Character], at i: Int, with marker: String) -> Bool {
        let m = Array(marker)
        guard i + m.count <= characters.count else { return false }
        return Array(characters[i..<(i + m.count)]) == m
    }

    /// Letters and digits before an `@` make it part of a word (an e-mail address), not an owner.
    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-")
    }

    /// An id ends at white space or punctuation that cannot be in a slug or reads as prose.
    private static func endsOwner(_ c: Character) -> Bool {
        c.isWhitespace || "、。，．,()（）「」『』[]【】:：;；!！?？\"'<>&|*#%".contains(c)
    }

    private static func isDateCharacter(_ c: Character) -> Bool {
        ("0"..."9").contains(c) || ("０"..."９").contains(c) || "-/－／".contains(c)
    }
}
