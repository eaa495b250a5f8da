import XCTest
final class MustachePlaceholderTests: XCTestCase { func testNothingYet() {} }
