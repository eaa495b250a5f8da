import XCTest
final class SearchPlaceholderTests: XCTestCase { func testNothingYet() {} }
