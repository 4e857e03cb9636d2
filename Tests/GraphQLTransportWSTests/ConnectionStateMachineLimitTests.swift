import GraphQL
import XCTest

@testable import GraphQLTransportWS

/// What the server reads from the machine to enforce and count its limits.
final class ConnectionStateMachineLimitTests: XCTestCase {
    /// Each `subscribe` refused with TOO_MANY_SUBSCRIPTIONS is counted (the server's metric).
    func testRefusalsOverMaxSubscriptionsAreCounted() {
        var m = acknowledgedMachine(maxSubscriptions: 1)
        let a = start(&m, "a")
        XCTAssertEqual(m.refusedOverLimit, 0)
        _ = m.receive(subscribe("b"))
        _ = m.receive(subscribe("c"))
        XCTAssertEqual(m.refusedOverLimit, 2)
        _ = m.operationEnded(a)
        _ = start(&m, "b")
        XCTAssertEqual(m.refusedOverLimit, 2)
    }

    /// `hasLiveOperation(id:)` is true from `subscribe` (while preparing too) until the
    /// operation ends, whichever side ends it.
    func testHasLiveOperation() {
        var m = acknowledgedMachine(maxSubscriptions: 5)
        XCTAssertFalse(m.hasLiveOperation(id: "a"))
        let a = start(&m, "a")
        XCTAssertTrue(m.hasLiveOperation(id: "a"))
        m.operationActivated(a)
        XCTAssertTrue(m.hasLiveOperation(id: "a"))
        _ = m.receive(text(#"{"type":"complete","id":"a"}"#))
        XCTAssertFalse(m.hasLiveOperation(id: "a"))
        let b = start(&m, "b")
        _ = m.operationFailed(b, errors: [GraphQLError("no")])
        XCTAssertFalse(m.hasLiveOperation(id: "b"))
    }

    /// 1008 `Too many messages` closes like any server-decided close: every live operation
    /// stops first.
    func testTooManyMessagesClose() {
        var m = acknowledgedMachine(maxSubscriptions: 5)
        let a = start(&m, "a")
        XCTAssertEqual(m.close(.policyViolation, reason: "Too many messages"), [.stopOperation(a), .close(.policyViolation, reason: "Too many messages")])
        XCTAssertEqual(CloseCode.policyViolation.rawValue, 1008)
        XCTAssertTrue(m.isClosed)
    }
}
