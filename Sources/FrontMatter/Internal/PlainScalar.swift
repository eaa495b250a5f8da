import Messages

/// Gives a plain (unquoted) scalar its type. Kept deliberately small: no floats, no octal or hex,
/// no `yes`/`no`, so that a value only becomes a non-string when the reader would expect it to.
enum PlainScalar {
    static func resolve(_ text: ArraySlice<UInt8>, at location: SourceLocation) throws -> YAMLValue {
        if let keyword = keywordValue(text) { return keyword }
        if isInteger(text) {
            let string = String(decoding: text, as: UTF8.self)
            guard let number = Int(string) else {
                throw YAMLError(Message(.yamlIntegerRange, string), location: location)
            }
            return .int(number)
        }
        if looksLikeDate(text) {
            return .date(try date(text, at: location))
        }
        return .string(String(decoding: text, as: UTF8.self))
    }

    private static let keywords: [String: YAMLValue] = [
        "~": .null, "null": .null, "Null": .null, "NULL": .null,
        "true": .bool(true), "True": .bool(true), "TRUE": .bool(true),
        "false": .bool(false), "False": .bool(false), "FALSE": .bool(false),
    ]

    private static func keywordValue(_ text: ArraySlice<UInt8>) -> YAMLValue? {
        // Cheap length filter first: every keyword is 1 to 5 ASCII bytes.
        guard text.count <= 5, let first = text.first,
              first == UInt8(ascii: "~") || first == UInt8(ascii: "n") || first == UInt8(ascii: "N")
                || first == UInt8(ascii: "t") || first == UInt8(ascii: "T")
                || first == UInt8(ascii: "f") || first == UInt8(ascii: "F") else { return nil }
        return keywords[String(decoding: text, as: UTF8.self)]
    }

    private static func isInteger(_ text: ArraySlice<UInt8>) -> Bool {
        var digits = text[...]
        if let first = digits.first, first == Byte.minus || first == Byte.plus { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(Byte.isDigit)
    }

    private static func looksLikeDate(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.count == 10 else { return false }
        for (index, byte) in text.enumerated() {
            let ok = index == 4 || index == 7 ? byte == Byte.minus : Byte.isDigit(byte)
            if !ok { return false }
        }
        return true
    }

    /// `YYYY-MM-DD` shaped text must be a real day; a typo like 2026-02-30 is an error, not a string.
    private static func date(_ text: ArraySlice<UInt8>, at location: SourceLocation) throws -> CalendarDate {
        let bytes = Array(text)
        let year = CalendarDate.digits(bytes[0..<4]) ?? 0
        let month = CalendarDate.digits(bytes[5..<7]) ?? 0
        let day = CalendarDate.digits(bytes[8..<10]) ?? 0
        let written = String(decoding: bytes, as: UTF8.self)
        guard (1...12).contains(month) else {
            throw YAMLError(Message(.yamlMonthRange, written), location: location)
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            let last = CalendarDate.daysIn(month: month, year: year)
            throw YAMLError(Message(.yamlDayRange, written, String(last)), location: location)
        }
        return date
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
