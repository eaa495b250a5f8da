import Foundation
import XCTest

/// Finds `shared/conformance` by walking up from this file (CI: X/<clone> with X/shared beside it).
enum Conformance {
    struct Example: Decodable {
        let markdown: String
        let html: String
        let example: Int
        let section: String
    }

    static func commonMarkExamples(file: StaticString = #filePath, line: UInt = #line) throws -> [Example] {
        var directory = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/conformance/commonmark/spec.json")
            if FileManager.default.fileExists(atPath: candidate.path) {
                return try JSONDecoder().decode([Example].self, from: Data(contentsOf: candidate))
            }
            directory.deleteLastPathComponent()
        }
        XCTFail("shared/conformance/commonmark/spec.json not found above \(#filePath); "
                + "the conformance suite must sit beside the checkout as shared/", file: file, line: line)
        throw CocoaError(.fileNoSuchFile)
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
