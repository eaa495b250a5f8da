import Foundation
import Messages

/// A CSV file as Excel writes it (RFC 4180): fields split on commas, quoted fields may hold
/// commas, doubled quotes and line breaks, records end with CRLF or LF. Rows and columns are
/// numbered from 1 as a spreadsheet shows them (the header is row 1).
public struct CSVTable: Sendable {
    public struct Cell: Sendable {
        public let text: String
        public let row: Int
        public let column: Int
    }

    /// The file's encoding, as detected.
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf8BOM = "UTF-8 (BOM)", cp932 = "CP932" }

    public let header: [Cell]
    public let rows: [[Cell]]
    public let encoding: Encoding

    /// A problem with the file itself, located by row and column.
    public struct Problem: Error, Sendable {
        public let row: Int
        public let column: Int
        public let message: String
    }

    /// Decodes (UTF-8 with or without BOM, else CP932, which Excel writes by default in Japan) and
    /// splits the file. Blank records are skipped; a record's row number counts records, not
    /// lines, so a cell holding a line break does not shift the rows after it.
    public static func read(_ data: Data, language: Language = .en) throws -> CSVTable {
        let say = Say(language)
        let (text, encoding) = try decode(data, say)
        let records = try parse(text, say)
        guard let header = records.first else {
            throw Problem(row: 1, column: 1, message: say(.importEmptyFile))
        }
        return CSVTable(header: header, rows: Array(records.dropFirst()), encoding: encoding)
    }

    static func decode(_ data: Data, _ say: Say = Say(.en)) throws -> (String, Encoding) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(data: data.dropFirst(3), encoding: .utf8) else {
                throw Problem(row: 1, column: 1, message: say(.importBadBOM))
            }
            return (text, .utf8BOM)
        }
        if let text = String(data: data, encoding: .utf8) { return (text, .utf8) }
        // Foundation's Shift_JIS on Linux is Microsoft's CP932, with its NEC and IBM extensions
        // (①, ㈱, 髙) and its mapping of ～ and － (checked against Python's cp932 in the tests).
        if let text = String(data: data, encoding: .shiftJIS) { return (text, .cp932) }
        throw Problem(row: 1, column: 1, message: say(.importUnknownEncoding))
    }

    static func parse(_ text: String, _ say: Say = Say(.en)) throws -> [[Cell]] {
        var records: [[Cell]] = []
        var record: [Cell] = []
        var field = ""
        var quoted = false        // inside a quoted field
        var wasQuoted = false     // the current field began with a quote
        var row = 1
        var quoteOpenedAt = (row: 1, column: 1)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            record.append(Cell(text: field, row: row, column: record.count + 1))
            field = ""
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(record.count == 1 && record[0].text.isEmpty) { records.append(record); row += 1 }
            record = []
        }
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }

        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = after }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",": endField()
            case "\r":
                if let after = next(), after != "\n" { pending = after }
                endRecord()
            case "\n": endRecord()
            case "\"":
                if field.isEmpty && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                    quoteOpenedAt = (row, record.count + 1)
                } else {
                    throw Problem(row: row, column: record.count + 1,
                                  message: say(.importStrayQuote))
                }
            default:
                if wasQuoted {
                    throw Problem(row: row, column: record.count + 1, message: say(.importAfterClosingQuote))
                }
                field.unicodeScalars.append(c)
            }
        }
        if quoted {
            throw Problem(row: quoteOpenedAt.row, column: quoteOpenedAt.column, message: say(.importUnclosedQuote))
        }
        if !field.isEmpty || wasQuoted || !record.isEmpty { endRecord() }
        return records
    }
}

/// Picks the words of the reader's language for the import's own messages.
struct Say {
    let language: Language
    init(_ language: Language) { self.language = language }
    func callAsFunction(_ id: MessageID, _ arguments: String...) -> String { Message(id, arguments: arguments).text(language) }
}
