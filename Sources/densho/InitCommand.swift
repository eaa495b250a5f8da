import Foundation

enum InitCommand {
    static func run(_ args: [String]) throws -> Int32 {
        throw UsageError(message: "'init' is not implemented yet")
    }
}
