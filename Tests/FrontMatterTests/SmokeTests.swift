import XCTest
@testable import FrontMatter

final class SmokeTests: XCTestCase {
    func testSimple() {
        assertTree("a: 1\nb: [x, y]\n", .map([("a", .int(1)), ("b", .seq([.string("x"), .string("y")]))]))
    }
}
