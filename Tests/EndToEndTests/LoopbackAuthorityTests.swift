import XCTest
@testable import densho

/// The Host (and Origin) check of a loopback-only `serve`: parsed exactly, loopback names only.
final class LoopbackAuthorityTests: XCTestCase {
    func testLoopbackLiteralsAndLocalhostAreAccepted() {
        for host in ["127.0.0.1", "127.0.0.1:1313", "127.255.3.9:80", "localhost", "LOCALHOST:1313", "localhost.",
                     "app.localhost", "a-b.team.localhost:8080", "[::1]", "[::1]:1313", "[0:0:0:0:0:0:0:1]:1",
                     " localhost:1313 "] {
            XCTAssertTrue(LoopbackAuthority.isLoopbackHost(host), host)
        }
    }

    func testNamesThatMerelyStartLikeLoopbackAreRefused() {
        for host in ["[::1].evil.invalid", "[::1]evil", "[::1]:1313.evil", "127.0.0.1.evil", "127.0.0.1.evil:1313",
                     "localhost.evil", "localhost.evil:1313", "evillocalhost", "evil.example", "127.1", "0127.0.0.1",
                     "127.0.0.256", "128.0.0.1", "10.0.0.1", "[::2]", "[::ffff:8.8.8.8]", "[fe80::1%eth0]", "localhost:",
                     "localhost:99999", "localhost:+80", "localhost:1313:1", "user@localhost", "localhost/x",
                     "localhost\u{0}.evil", "ｌｏｃａｌｈｏｓｔ", "", " ", "[::1", "::1", "-localhost", "localhost..",
                     "a..localhost", "127.0.0.1 .evil"] {
            XCTAssertFalse(LoopbackAuthority.isLoopbackHost(host), host)
        }
    }

    func testParsedHostAndPort() {
        XCTAssertEqual(LoopbackAuthority.parse("[::1]:1313"),
                       .init(host: .ipv6([UInt8](repeating: 0, count: 15) + [1]), port: 1313))
        XCTAssertEqual(LoopbackAuthority.parse("127.0.0.1"), .init(host: .ipv4([127, 0, 0, 1]), port: nil))
        XCTAssertEqual(LoopbackAuthority.parse("Team.LocalHost:80"), .init(host: .name("team.localhost"), port: 80))
        XCTAssertNil(LoopbackAuthority.parse("[::1].evil.invalid"))
    }

    func testOriginsOnlyHTTPOnThisMachine() {
        for origin in ["http://127.0.0.1:1313", "http://localhost:1313", "https://[::1]:8443", "http://x.localhost"] {
            XCTAssertTrue(LoopbackAuthority.isLoopbackOrigin(origin), origin)
        }
        for origin in ["null", "http://evil.example", "http://[::1].evil.invalid", "http://127.0.0.1.evil:1313",
                       "file://", "http://localhost:1313/path", "ftp://localhost", "http://user@localhost", "localhost:1313"] {
            XCTAssertFalse(LoopbackAuthority.isLoopbackOrigin(origin), origin)
        }
    }
}
