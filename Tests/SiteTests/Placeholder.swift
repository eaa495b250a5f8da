import XCTest
final class SitePlaceholderTests: XCTestCase { func testNothingYet() {} }
