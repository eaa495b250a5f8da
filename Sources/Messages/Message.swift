/// The languages densho speaks: the site's UI strings and every message it prints.
public enum Language: String, Sendable, CaseIterable {
    case ja, en

    /// The language of messages: `--lang` when given, else the user's locale when it names Japanese or
    /// English (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX order), else the site's `language`, else ja.
    /// `LANG=C.UTF-8` (a server's default) names neither and leaves the site's language in force.
    public static func resolve(flag: Language?, environment: [String: String], site: Language?) -> Language {
        if let flag { return flag }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first variable that is set decides, as in POSIX; only ja*/en* choose a language.
            if value.hasPrefix("ja") { return .ja }
            if value.hasPrefix("en") { return .en }
            break
        }
        return site ?? .ja
    }
}

/// A message with its arguments, to be shown in whichever language the reader needs: errors are
/// made deep in the parser, long before anyone knows who will read them.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let id: MessageID
    public let arguments: [String]

    public init(_ id: MessageID, _ arguments: String...) {
        self.id = id
        self.arguments = arguments
    }

    public init(_ id: MessageID, arguments: [String]) {
        self.id = id
        self.arguments = arguments
    }

    /// Text from somewhere that has no catalog entry (another library's error, a template engine's
    /// message): the same words in every language.
    public static func verbatim(_ text: String) -> Message { Message(.verbatim, text) }

    public func text(_ language: Language) -> String {
        let template = MessageCatalog.template(id, language)
        return MessageCatalog.fill(template, arguments)
    }

    /// English: what tests and logs compare.
    public var description: String { text(.en) }
}
