import Foundation

enum SearchCommand {
    static func run(_ args: [String]) throws -> Int32 {
        throw UsageError(message: "'search' is not implemented yet")
    }
}
