import Foundation

/// A problem with what the user asked `init`, `new` or `reflect` to do (an unknown company, a file
/// that already exists): said plainly, never a crash. The command line prints it and exits 1.
public struct AuthoringError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
