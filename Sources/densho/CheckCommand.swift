import Foundation

enum CheckCommand {
    static func run(_ args: [String]) throws -> Int32 {
        throw UsageError(message: "'check' is not implemented yet")
    }
}
