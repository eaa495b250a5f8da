import XCTest
@testable import FrontMatter

/// Shorthands that keep expected trees readable.
extension YAMLNode {
    /// The text of a string scalar; nil for every other kind (`1968` and `true` are not strings).
    var stringValue: String? {
        if case .string(let text) = value { return text }
        return nil
    }
}

func loc(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(line: line, column: column) }

func parse(_ text: String, firstLine: Int = 1, file: StaticString = #filePath, line: UInt = #line) -> YAMLNode? {
    do {
        return try YAML.parse(text, firstLine: firstLine)
    } catch {
        XCTFail("unexpected error \(error) for:\n\(text)", file: file, line: line)
        return nil
    }
}

/// Asserts that parsing fails at exactly `line:column`, and (optionally) that the message mentions `containing`.
func assertError(_ text: String, at expected: SourceLocation, containing fragment: String? = nil, firstLine: Int = 1,
                 file: StaticString = #filePath, line: UInt = #line) {
    do {
        let node = try YAML.parse(text, firstLine: firstLine)
        XCTFail("expected an error at \(expected), got \(node.value)", file: file, line: line)
    } catch let error as YAMLError {
        XCTAssertEqual(error.location, expected, "message: \(error.message)", file: file, line: line)
        if let fragment = fragment {
            XCTAssertTrue(error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'", file: file, line: line)
        }
    } catch {
        XCTFail("unexpected error type \(error)", file: file, line: line)
    }
}

/// The value tree without locations, for compact comparisons.
indirect enum Plain: Equatable {
    case null, bool(Bool), int(Int), string(String), date(String)
    case seq([Plain])
    case map([(String, Plain)])

    static func == (lhs: Plain, rhs: Plain) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.date(a), .date(b)): return a == b
        case let (.seq(a), .seq(b)): return a == b
        case let (.map(a), .map(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

extension YAMLNode {
    var plain: Plain {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .string(let text): return .string(text)
        case .date(let date): return .date(date.description)
        case .sequence(let items): return .seq(items.map(\.plain))
        case .mapping(let entries): return .map(entries.map { ($0.key, $0.value.plain) })
        }
    }
}

func assertTree(_ text: String, _ expected: Plain, file: StaticString = #filePath, line: UInt = #line) {
    guard let node = parse(text, file: file, line: line) else { return }
    XCTAssertEqual(node.plain, expected, file: file, line: line)
}
