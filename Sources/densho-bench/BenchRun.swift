import Foundation

struct BenchRun {
    let arguments: [String]
    func run() throws -> Int32 { print("not yet"); return 1 }
}
