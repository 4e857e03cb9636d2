import XCTest

@testable import GraphQLTransportWS

final class CloseCodeTests: XCTestCase {
    /// Every code protocol.md names, with its number and reason.
    func testCodesAndReasons() {
        let table: [(CloseCode, UInt16, String)] = [
            (.normalClosure, 1000, "Normal closure"),
            (.goingAway, 1001, "Going away"),
            (.policyViolation, 1008, "Policy violation"),
            (.messageTooBig, 1009, "Message too big"),
            (.internalError, 1011, "Internal error"),
            (.tryAgainLater, 1013, "Try again later"),
            (.badRequest, 4400, "Invalid message received"),
            (.unauthorized, 4401, "Unauthorized"),
            (.forbidden, 4403, "Forbidden"),
            (.subprotocolNotAcceptable, 4406, "Subprotocol not acceptable"),
            (.connectionInitialisationTimeout, 4408, "Connection initialisation timeout"),
            (.subscriberAlreadyExists, 4409, "Subscriber already exists"),
            (.tooManyInitialisationRequests, 4429, "Too many initialisation requests"),
            (.internalServerError, 4500, "Internal server error"),
        ]
        XCTAssertEqual(table.count, CloseCode.allCases.count)
        for (code, raw, reason) in table {
            XCTAssertEqual(code.rawValue, raw)
            XCTAssertEqual(code.defaultReason, reason)
            XCTAssertLessThanOrEqual(reason.utf8.count, CloseCode.maxReasonBytes)
        }
    }

    func testShortReasonIsKept() {
        XCTAssertEqual(CloseCode.truncatedReason("Going away"), "Going away")
        let exactly123 = String(repeating: "a", count: 123)
        XCTAssertEqual(CloseCode.truncatedReason(exactly123), exactly123)
    }

    /// A two-byte character straddling byte 123 is dropped whole.
    func testTruncationAtTwoByteCharacter() {
        let reason = String(repeating: "a", count: 122) + "é" + "tail"
        let cut = CloseCode.truncatedReason(reason)
        XCTAssertEqual(cut, String(repeating: "a", count: 122))
        XCTAssertEqual(cut.utf8.count, 122)
    }

    /// Three- and four-byte characters: the cut keeps as many whole characters as fit.
    func testTruncationAtThreeAndFourByteCharacters() {
        let euros = String(repeating: "€", count: 50)  // 150 bytes
        XCTAssertEqual(CloseCode.truncatedReason(euros), String(repeating: "€", count: 41))  // 123 bytes
        let emoji = "ab" + String(repeating: "😀", count: 40)  // 162 bytes
        let cut = CloseCode.truncatedReason(emoji)
        XCTAssertEqual(cut, "ab" + String(repeating: "😀", count: 30))  // 122 bytes
        XCTAssertEqual(cut.utf8.count, 122)
    }

    /// A character made of several scalars (e + combining acute) is not split.
    func testTruncationKeepsGraphemeClustersWhole() {
        let reason = String(repeating: "a", count: 121) + "e\u{301}"  // 121 + 3 bytes
        XCTAssertEqual(CloseCode.truncatedReason(reason), String(repeating: "a", count: 121))
    }

    /// A long id in `Subscriber for <id> already exists` is cut, not the sentence dropped.
    func testSubscriberAlreadyExistsReasonCutsTheID() {
        XCTAssertEqual(CloseCode.subscriberAlreadyExistsReason(id: "1"), "Subscriber for 1 already exists")
        let id = String(repeating: "ü", count: 100)  // 200 bytes
        let reason = CloseCode.subscriberAlreadyExistsReason(id: id)
        XCTAssertLessThanOrEqual(reason.utf8.count, 123)
        XCTAssertTrue(reason.hasPrefix("Subscriber for üü"))
        XCTAssertTrue(reason.hasSuffix("ü already exists"))
        // 123 - 15 - 15 = 93 bytes of room: 46 two-byte characters.
        XCTAssertEqual(reason, "Subscriber for " + String(repeating: "ü", count: 46) + " already exists")
    }
}
