import Foundation
import FrontMatter

/// Dates written the way Japanese forms and Excel show them (`2026/10/3`, `2026年10月3日`,
/// full-width digits): not accepted, since a note's dates must read the same everywhere, but
/// the error says exactly what to write instead.
enum DateSlip {
    static func suggestion(for written: String) -> String? {
        let text = written.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        var numbers: [Int] = []
        var current = ""
        for character in text {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else {
                guard !current.isEmpty, "/.-年月".contains(character) || character == "日" else { return nil }
                numbers.append(Int(current) ?? 0)
                current = ""
            }
        }
        if !current.isEmpty { numbers.append(Int(current) ?? 0) }
        guard numbers.count == 3, numbers[0] >= 1000, numbers[0] <= 9999,
              let date = CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
        return date.description
    }
}
