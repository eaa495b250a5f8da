import Foundation

enum ReflectCommand {
    static func run(_ args: [String]) throws -> Int32 {
        throw UsageError(message: "'reflect' is not implemented yet")
    }
}
