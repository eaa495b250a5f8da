import Foundation
import XCTest

/// The CommonMark 0.30 examples the repository carries in `Conformance/` (see its README and LICENSE).
enum Conformance {
    struct Example: Decodable {
        let markdown: String
        let html: String
        let example: Int
        let section: String
    }

    /// Beside this file, so a plain clone runs the suite; a missing file fails the test, never skips it.
    static let specFile = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("Conformance/spec.json")

    static func commonMarkExamples(file: StaticString = #filePath, line: UInt = #line) throws -> [Example] {
        guard FileManager.default.fileExists(atPath: specFile.path) else {
            XCTFail("\(specFile.path) is missing: the CommonMark examples travel with the repository", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode([Example].self, from: Data(contentsOf: specFile))
    }

    /// The light normalisation the suite's README asks for: white space between tags does not count.
    static func normalize(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var pendingSpace = ""
        var afterTag = false
        for character in html {
            if character.isWhitespace {
                pendingSpace.append(character)
                continue
            }
            if !(afterTag && character == "<") { output += pendingSpace }
            pendingSpace = ""
            output.append(character)
            afterTag = character == ">"
        }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
