import Foundation

enum NewCommand {
    static func run(_ args: [String]) throws -> Int32 {
        throw UsageError(message: "'new' is not implemented yet")
    }
}
