import Foundation

enum ServeCommand {
    static func run(_ args: [String]) throws -> Int32 {
        throw UsageError(message: "'serve' is not implemented yet")
    }
}
