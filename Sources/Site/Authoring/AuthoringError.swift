import Messages
import Foundation

/// A problem with what the user asked `init`, `new` or `reflect` to do (an unknown company, a file
/// that already exists): said plainly, never a crash. The command line prints it and exits 1.
public struct AuthoringError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in either language.
    public let localized: Message
    public init(_ message: Message) { localized = message }
    public init(_ message: String) { localized = .verbatim(message) }
    /// In English.
    public var message: String { localized.text(.en) }
    public var description: String { message }

    /// The Japanese word for a page kind's English one (`company` → 企業), for messages.
    static func japaneseKind(_ kind: String) -> String {
        ["company": "企業", "visit": "訪問記録", "playbook": "てびき", "person": "担当者", "partner": "支援機関"][kind] ?? kind
    }
}
