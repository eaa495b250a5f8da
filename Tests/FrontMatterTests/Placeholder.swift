import XCTest
final class FrontMatterPlaceholderTests: XCTestCase { func testNothingYet() {} }
