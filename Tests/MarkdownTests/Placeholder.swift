import XCTest
final class MarkdownPlaceholderTests: XCTestCase { func testNothingYet() {} }
