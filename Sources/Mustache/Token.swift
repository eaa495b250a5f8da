/// One lexical piece of a template source, located by UTF-8 byte offsets.
///
/// Text is split after every line feed, so a text token never spans two lines; `row` numbers the logical lines
/// that the standalone rules reason about (a multi-line comment tag stays on the row where it starts).
struct Token {
    enum Kind: Equatable {
        case text
        case variable(escaped: Bool)
        case sectionOpen
        case invertedOpen
        case parentOpen
        case blockOpen
        case close
        case partial
        /// `{{>*name}}`: the partial's name is looked up in the data (optional spec module "dynamic names").
        case dynamicPartial
        case comment
        case delimiters

        var opensElement: Bool {
            switch self {
            case .sectionOpen, .invertedOpen, .parentOpen, .blockOpen: return true
            default: return false
            }
        }

        /// Interpolations are never standalone: they produce output, so their line must stay.
        var canStandAlone: Bool {
            switch self {
            case .text, .variable: return false
            default: return true
            }
        }
    }

    var kind: Kind
    /// First byte of the token. For text, the whitespace rules may move it forward (block re-indentation).
    var start: Int
    /// One past the last byte of the token.
    var end: Int
    /// The tag's name, trimmed; empty for text, comments and delimiter changes.
    var name: String
    var row: Int
    /// Text removed by the standalone rules.
    var dropped = false
    /// Indentation this tag adds to what it expands (standalone partials, parents, blocks); empty if none.
    var indent: [UInt8] = []

    var isText: Bool { kind == .text }
}

enum ASCII {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }
}
