import Messages

/// A place in the input, as an editor shows it: 1-based line and column.
///
/// Columns count Unicode scalars (not bytes, not grapheme clusters) so that a full-width
/// character such as `株` advances the column by one, the way editors report positions.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A front-matter problem, located at the character that caused it.
public struct YAMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in any language (`localized.text(.ja)`).
    public let localized: Message
    public let location: SourceLocation

    /// In English.
    public var message: String { localized.text(.en) }

    /// Two errors are the same when they say the same at the same place, however they were made.
    public static func == (lhs: YAMLError, rhs: YAMLError) -> Bool {
        lhs.location == rhs.location && lhs.message == rhs.message
    }

    public init(_ message: Message, location: SourceLocation) {
        self.localized = message
        self.location = location
    }

    public init(message: String, location: SourceLocation) {
        self.init(.verbatim(message), location: location)
    }

    /// `line:column: message`; callers prefix the file path to get `path:line:column: error: message`.
    public var description: String { "\(location.line):\(location.column): \(message)" }
}
