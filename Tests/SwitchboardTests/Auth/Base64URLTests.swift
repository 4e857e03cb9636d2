import XCTest

@testable import Switchboard

final class Base64URLTests: XCTestCase {
    /// RFC 4648 §10's vectors (base64url without padding), plus the two characters that
    /// differ from plain base64.
    func testKnownEncodings() {
        let table: [(String, [UInt8])] = [
            ("", []),
            ("Zg", Array("f".utf8)),
            ("Zm8", Array("fo".utf8)),
            ("Zm9v", Array("foo".utf8)),
            ("Zm9vYg", Array("foob".utf8)),
            ("Zm9vYmE", Array("fooba".utf8)),
            ("Zm9vYmFy", Array("foobar".utf8)),
            ("-_8", [0xFB, 0xFF]),
        ]
        for (text, bytes) in table {
            XCTAssertEqual(Base64URL.encode(bytes), text, "encode \(bytes)")
            XCTAssertEqual(Base64URL.decode(text), bytes, "decode \(text)")
        }
    }

    func testEveryLengthRoundTrips() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...96 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            XCTAssertFalse(text.contains("="), "no padding")
            XCTAssertEqual(Base64URL.decode(text), bytes, "length \(length)")
        }
    }

    /// Everything a strict reader refuses, each for one reason.
    func testRejectsWhatIsNotStrictBase64URL() {
        let table: [(String, String)] = [
            ("Zg==", "padding"),
            ("Zm9v+A", "plain base64's +"),
            ("Zm9v/A", "plain base64's /"),
            ("Zm9v YQ", "a space"),
            ("Zm9v\nYQ", "a newline"),
            ("Z", "a length of 4n + 1"),
            ("Zm9vY", "a length of 4n + 1 after whole groups"),
            ("Zh", "non-zero bits after the last whole byte"),
            ("Zm9", "non-zero bits after the last whole byte (two bytes)"),
            ("Zm9vé", "a non-ASCII character"),
        ]
        for (text, why) in table {
            XCTAssertNil(Base64URL.decode(text), "\(text.debugDescription) has \(why)")
        }
    }
}
