import GraphQL
import XCTest

@testable import GraphQLTransportWS

/// One test (or a small table) per rule of protocol.md.
final class ConnectionStateMachineTests: XCTestCase {
    // MARK: connection_init and connection_ack

    func testConnectionInitAsksForAuthenticationThenAcks() {
        var m = ConnectionStateMachine()
        XCTAssertEqual(m.phase, .awaitingInit)
        XCTAssertEqual(
            m.receive(text(#"{"type":"connection_init","payload":{"token":"t"}}"#)),
            [.authenticate(payload: ["token": .string("t")])])
        XCTAssertEqual(m.phase, .authenticating)
        XCTAssertEqual(m.authenticated(.accepted()), [.send(.connectionAck(payload: nil))])
        XCTAssertTrue(m.isAcknowledged)
        XCTAssertEqual(ServerMessage.connectionAck(payload: nil).encodedString(), #"{"type":"connection_ack"}"#)
    }

    func testAckPayloadOnlyWhenThereIsSomethingToSay() {
        var m = ConnectionStateMachine()
        _ = m.receive(text(#"{"type":"connection_init","payload":null}"#))
        XCTAssertEqual(m.authenticated(.accepted(ackPayload: [:])), [.send(.connectionAck(payload: nil))])
        var n = ConnectionStateMachine()
        _ = n.receive(text(#"{"type":"connection_init"}"#))
        XCTAssertEqual(
            n.authenticated(.accepted(ackPayload: ["name": .string("Ann")])),
            [.send(.connectionAck(payload: ["name": .string("Ann")]))])
    }

    /// The connection is acknowledged before the ack is queued: a `subscribe` right behind
    /// the ack (before the server has even written it) is accepted.
    func testSubscribeRightBehindTheAckIsAccepted() {
        var m = ConnectionStateMachine()
        _ = m.receive(text(#"{"type":"connection_init"}"#))
        _ = m.authenticated(.accepted())
        let actions = m.receive(subscribe("1"))
        XCTAssertEqual(actions, [.startOperation(OperationHandle(id: "1", serial: 1), SubscribePayload(query: "{ me { id } }"))])
    }

    func testRejectedAuthenticationCloses4403WithoutAck() {
        var m = ConnectionStateMachine()
        _ = m.receive(text(#"{"type":"connection_init","payload":{"token":"bad"}}"#))
        XCTAssertEqual(m.authenticated(.rejected), [.close(.forbidden, reason: "Forbidden")])
        XCTAssertTrue(m.isClosed)
    }

    /// Exactly one `connection_init` per socket: a second is 4429, while the first is being
    /// authenticated and after the ack alike.
    func testSecondInitWhileAuthenticatingIs4429() {
        var m = ConnectionStateMachine()
        _ = m.receive(text(#"{"type":"connection_init"}"#))
        XCTAssertEqual(
            m.receive(text(#"{"type":"connection_init"}"#)),
            [.close(.tooManyInitialisationRequests, reason: "Too many initialisation requests")])
        // The late verdict on the first one changes nothing.
        XCTAssertEqual(m.authenticated(.accepted()), [])
        XCTAssertTrue(m.isClosed)
    }

    func testSecondInitAfterAckIs4429AndStopsOperations() {
        var m = acknowledgedMachine()
        let h = start(&m, "1")
        XCTAssertEqual(
            m.receive(text(#"{"type":"connection_init","payload":{}}"#)),
            [.stopOperation(h), .close(.tooManyInitialisationRequests, reason: "Too many initialisation requests")])
    }

    // MARK: ping and pong

    /// `ping` is answered with `pong` at any time, also before `connection_init`, echoing
    /// its payload.
    func testPingIsAnsweredInEveryPhase() {
        var m = ConnectionStateMachine()
        XCTAssertEqual(m.receive(text(#"{"type":"ping"}"#)), [.send(.pong(payload: nil))])
        XCTAssertEqual(
            m.receive(text(#"{"type":"ping","payload":{"k":"v"}}"#)),
            [.send(.pong(payload: .object(["k": .string("v")])))])
        _ = m.receive(text(#"{"type":"connection_init"}"#))
        XCTAssertEqual(m.receive(text(#"{"type":"ping"}"#)), [.send(.pong(payload: nil))])
        _ = m.authenticated(.accepted())
        XCTAssertEqual(m.receive(text(#"{"type":"ping","payload":null}"#)), [.send(.pong(payload: nil))])
        XCTAssertEqual(
            ServerMessage.pong(payload: .object(["k": .string("v")])).encodedString(),
            #"{"type":"pong","payload":{"k":"v"}}"#)
        XCTAssertEqual(m.phase, .acknowledged)
    }

    /// `pong` is never answered and never an error.
    func testPongIsNeverAnswered() {
        var m = ConnectionStateMachine()
        XCTAssertEqual(m.receive(text(#"{"type":"pong"}"#)), [])
        XCTAssertEqual(m.receive(text(#"{"type":"pong","payload":{"x":1}}"#)), [])
        _ = m.receive(text(#"{"type":"connection_init"}"#))
        _ = m.authenticated(.accepted())
        XCTAssertEqual(m.receive(text(#"{"type":"pong"}"#)), [])
        XCTAssertEqual(m.phase, .acknowledged)
    }

    // MARK: subscribe

    func testSubscribeBeforeInitIs4401() {
        var m = ConnectionStateMachine()
        XCTAssertEqual(m.receive(subscribe("1")), [.close(.unauthorized, reason: "Unauthorized")])
        XCTAssertTrue(m.isClosed)
    }

    func testSubscribeWhileAuthenticatingIs4401() {
        var m = ConnectionStateMachine()
        _ = m.receive(text(#"{"type":"connection_init"}"#))
        XCTAssertEqual(m.receive(subscribe("1")), [.close(.unauthorized, reason: "Unauthorized")])
        XCTAssertEqual(m.authenticated(.accepted()), [])
    }

    /// A malformed message is 4400 even before the ack (not 4401).
    func testMalformedSubscribeBeforeAckIs4400() {
        var m = ConnectionStateMachine()
        XCTAssertEqual(
            m.receive(text(#"{"type":"subscribe","id":"1","payload":{"query":5}}"#)),
            [.close(.badRequest, reason: "'payload.query' must be a string")])
    }

    func testSubscribePassesThePayloadOn() {
        var m = acknowledgedMachine()
        let actions = m.receive(
            text(
                #"{"id":"op","type":"subscribe","payload":{"query":"subscription S($c: ID!) { newMessage(chatId: $c) { id } }","operationName":"S","variables":{"c":"1"},"extensions":{"x":1}}}"#
            ))
        XCTAssertEqual(
            actions,
            [
                .startOperation(
                    OperationHandle(id: "op", serial: 1),
                    SubscribePayload(
                        query: "subscription S($c: ID!) { newMessage(chatId: $c) { id } }", operationName: "S",
                        variables: ["c": .string("1")], extensions: ["x": .int(1)]))
            ])
        XCTAssertEqual(m.phase(of: OperationHandle(id: "op", serial: 1)), .preparing)
    }

    /// An id still being prepared is taken: 4409.
    func testDuplicateIDWhilePreparingIs4409() {
        var m = acknowledgedMachine()
        let h = start(&m, "1")
        XCTAssertEqual(m.phase(of: h), .preparing)
        XCTAssertEqual(
            m.receive(subscribe("1")),
            [.stopOperation(h), .close(.subscriberAlreadyExists, reason: "Subscriber for 1 already exists")])
    }

    /// An active id is taken: 4409.
    func testDuplicateIDWhileActiveIs4409() {
        var m = acknowledgedMachine()
        let h = start(&m, "abc")
        m.operationActivated(h)
        XCTAssertEqual(m.phase(of: h), .active)
        XCTAssertEqual(
            m.receive(subscribe("abc")),
            [.stopOperation(h), .close(.subscriberAlreadyExists, reason: "Subscriber for abc already exists")])
    }

    /// A long id in the 4409 reason is cut so the reason fits a close frame.
    func testDuplicateLongIDReasonIsCut() {
        var m = acknowledgedMachine()
        let id = String(repeating: "é", count: 80)
        let h = start(&m, id)
        let actions = m.receive(subscribe(id))
        XCTAssertEqual(actions.first, .stopOperation(h))
        guard case .close(let code, let reason)? = actions.last else { return XCTFail("\(actions)") }
        XCTAssertEqual(code, .subscriberAlreadyExists)
        XCTAssertLessThanOrEqual(reason.utf8.count, 123)
        XCTAssertEqual(reason, "Subscriber for " + String(repeating: "é", count: 46) + " already exists")
    }

    /// An id is free as soon as its operation ended, whichever side ended it.
    func testIDIsReusableAfterClientComplete() {
        var m = acknowledgedMachine()
        let first = start(&m, "1")
        m.operationActivated(first)
        XCTAssertEqual(m.receive(text(#"{"type":"complete","id":"1"}"#)), [.stopOperation(first)])
        XCTAssertFalse(m.isLive(first))
        let second = start(&m, "1")
        XCTAssertNotEqual(first, second)
    }

    func testIDIsReusableAfterError() {
        var m = acknowledgedMachine()
        let first = start(&m, "1")
        let errors = [GraphQLError("Syntax Error: Unexpected <EOF>.", extensions: [("code", .string("GRAPHQL_PARSE_FAILED"))])]
        XCTAssertEqual(m.operationFailed(first, errors: errors), [.send(.error(id: "1", errors: errors))])
        XCTAssertFalse(m.isClosed)  // the socket stays open
        _ = start(&m, "1")
    }

    func testIDIsReusableAfterServerCompletion() {
        var m = acknowledgedMachine()
        let first = start(&m, "1")
        m.operationActivated(first)
        XCTAssertEqual(m.operationEnded(first), [.send(.complete(id: "1"))])
        _ = start(&m, "1")
    }

    /// A report about an operation that already ended is ignored, also when its id has been
    /// reused by a newer operation: no `complete` or `error` for the old one, and the new one
    /// keeps running.
    func testLateReportsAboutEndedOperationsAreIgnored() {
        var m = acknowledgedMachine()
        let first = start(&m, "1")
        _ = m.receive(text(#"{"type":"complete","id":"1"}"#))
        XCTAssertEqual(m.operationEnded(first), [])
        XCTAssertEqual(m.operationFailed(first, errors: [GraphQLError("late")]), [])
        let second = start(&m, "1")
        XCTAssertEqual(m.operationEnded(first), [])
        m.operationActivated(first)
        XCTAssertEqual(m.phase(of: second), .preparing)
        XCTAssertEqual(m.operationEnded(second), [.send(.complete(id: "1"))])
        XCTAssertEqual(m.operationEnded(second), [])  // exactly once
    }

    // MARK: complete from the client

    func testClientCompleteSendsNothingBack() {
        var m = acknowledgedMachine()
        let h = start(&m, "1")
        m.operationActivated(h)
        XCTAssertEqual(m.receive(text(#"{"type":"complete","id":"1"}"#)), [.stopOperation(h)])
        XCTAssertEqual(m.liveOperationCount, 0)
    }

    /// An unknown or finished id is ignored, also before the ack.
    func testClientCompleteOfUnknownOrFinishedIDIsIgnored() {
        var fresh = ConnectionStateMachine()
        XCTAssertEqual(fresh.receive(text(#"{"type":"complete","id":"1"}"#)), [])
        XCTAssertEqual(fresh.phase, .awaitingInit)

        var authenticating = ConnectionStateMachine()
        _ = authenticating.receive(text(#"{"type":"connection_init"}"#))
        XCTAssertEqual(authenticating.receive(text(#"{"type":"complete","id":"1"}"#)), [])
        XCTAssertEqual(authenticating.phase, .authenticating)

        var m = acknowledgedMachine()
        XCTAssertEqual(m.receive(text(#"{"type":"complete","id":"nope"}"#)), [])
        let h = start(&m, "1")
        XCTAssertEqual(m.operationEnded(h), [.send(.complete(id: "1"))])
        XCTAssertEqual(m.receive(text(#"{"type":"complete","id":"1"}"#)), [])  // finished
        let g = start(&m, "2")
        _ = m.operationFailed(g, errors: [GraphQLError("x")])
        XCTAssertEqual(m.receive(text(#"{"type":"complete","id":"2"}"#)), [])  // failed
        XCTAssertEqual(m.phase, .acknowledged)
    }

    // MARK: --max-subscriptions

    /// Every active operation counts (queries and ones still being prepared too); one more
    /// gets an `error` with TOO_MANY_SUBSCRIPTIONS for that id and the socket stays open.
    func testMaxSubscriptions() {
        var m = acknowledgedMachine(maxSubscriptions: 2)
        let a = start(&m, "a")
        m.operationActivated(a)
        _ = start(&m, "query-in-preparation")
        let actions = m.receive(subscribe("c"))
        let error = ConnectionStateMachine.tooManySubscriptionsError(limit: 2)
        XCTAssertEqual(actions, [.send(.error(id: "c", errors: [error]))])
        XCTAssertEqual(
            ServerMessage.error(id: "c", errors: [error]).encodedString(),
            #"{"id":"c","type":"error","payload":[{"message":"Too many subscriptions: at most 2 operations may run at once on one connection","extensions":{"code":"TOO_MANY_SUBSCRIPTIONS"}}]}"#
        )
        XCTAssertFalse(m.isClosed)
        XCTAssertEqual(m.liveOperationCount, 2)
        // The refused id was never taken: it is not a duplicate, and completing it does nothing.
        XCTAssertEqual(m.receive(text(#"{"type":"complete","id":"c"}"#)), [])
        // Once one ends, there is room again.
        _ = m.operationEnded(a)
        _ = start(&m, "c")
    }

    /// The duplicate check comes before the limit: a taken id is 4409 even when full.
    func testDuplicateIDAtTheLimitIsStill4409() {
        var m = acknowledgedMachine(maxSubscriptions: 1)
        let h = start(&m, "1")
        XCTAssertEqual(
            m.receive(subscribe("1")),
            [.stopOperation(h), .close(.subscriberAlreadyExists, reason: "Subscriber for 1 already exists")])
    }

    // MARK: messages a client may not send

    /// `next`, `error` and `connection_ack` from a client: 4400 (we differ: the reference
    /// uses 4500), before and after the ack.
    func testClientSentServerMessagesAre4400() {
        let frames = [
            (#"{"type":"next","id":"1","payload":{"data":{}}}"#, "next"),
            (#"{"type":"error","id":"1","payload":[{"message":"x"}]}"#, "error"),
            (#"{"type":"connection_ack"}"#, "connection_ack"),
        ]
        for (frame, type) in frames {
            var before = ConnectionStateMachine()
            XCTAssertEqual(
                before.receive(text(frame)),
                [.close(.badRequest, reason: "Unexpected message type '\(type)' from a client")])
            var after = acknowledgedMachine()
            let h = start(&after, "1")
            XCTAssertEqual(
                after.receive(text(frame)),
                [.stopOperation(h), .close(.badRequest, reason: "Unexpected message type '\(type)' from a client")])
        }
    }

    /// Malformed messages close 4400 in every phase, with the decoder's reason.
    func testMalformedMessagesAre4400InEveryPhase() {
        let bad = [
            ("nope", "Invalid JSON"),
            ("[1]", "Message is not an object"),
            (#"{"id":"1"}"#, "Missing or invalid 'type'"),
            (#"{"type":"subscribe","id":"","payload":{"query":"{a}"}}"#, "'id' must be a non-empty string"),
        ]
        for (frame, reason) in bad {
            var fresh = ConnectionStateMachine()
            XCTAssertEqual(fresh.receive(text(frame)), [.close(.badRequest, reason: reason)], frame)
            var acked = acknowledgedMachine()
            XCTAssertEqual(acked.receive(text(frame)), [.close(.badRequest, reason: reason)], frame)
        }
    }

    /// A long client-chosen type in the reason is cut to fit the close frame.
    func testLongReasonIsCut() {
        var m = ConnectionStateMachine()
        let type = String(repeating: "x", count: 300)
        let actions = m.receive(text(#"{"type":""# + type + #""}"#))
        guard case .close(.badRequest, let reason)? = actions.first else { return XCTFail("\(actions)") }
        XCTAssertEqual(reason.utf8.count, 123)
        XCTAssertTrue(reason.hasPrefix("Unknown message type 'xxx"))
    }

    func testBinaryFrameIs4400() {
        var m = ConnectionStateMachine()
        XCTAssertEqual(m.receive(.binary), [.close(.badRequest, reason: "Binary frames are not supported")])
        var acked = acknowledgedMachine()
        let h = start(&acked, "1")
        XCTAssertEqual(
            acked.receive(.binary), [.stopOperation(h), .close(.badRequest, reason: "Binary frames are not supported")])
    }

    // MARK: time

    func testInitTimeoutBeforeInitIs4408() {
        var m = ConnectionStateMachine()
        XCTAssertEqual(
            m.receive(.initTimeoutFired),
            [.close(.connectionInitialisationTimeout, reason: "Connection initialisation timeout")])
    }

    /// Only the arrival of `connection_init` counts; slow authentication does not.
    func testInitTimeoutAfterInitIsIgnored() {
        var m = ConnectionStateMachine()
        _ = m.receive(text(#"{"type":"connection_init"}"#))
        XCTAssertEqual(m.receive(.initTimeoutFired), [])
        XCTAssertEqual(m.authenticated(.accepted()), [.send(.connectionAck(payload: nil))])
        XCTAssertEqual(m.receive(.initTimeoutFired), [])
        XCTAssertTrue(m.isAcknowledged)
    }

    /// Pings before `connection_init` do not stop the init timeout.
    func testPingDoesNotCountAsInit() {
        var m = ConnectionStateMachine()
        _ = m.receive(text(#"{"type":"ping"}"#))
        XCTAssertEqual(m.receive(.initTimeoutFired).last, .close(.connectionInitialisationTimeout, reason: "Connection initialisation timeout"))
    }

    func testTokenExpiryIs4403() {
        var m = acknowledgedMachine()
        let h = start(&m, "n")
        XCTAssertEqual(m.receive(.tokenExpired), [.stopOperation(h), .close(.forbidden, reason: "Forbidden")])
    }

    // MARK: closing

    /// Whatever closes the socket stops every live operation exactly once, oldest first.
    func testServerCloseStopsEveryLiveOperation() {
        var m = acknowledgedMachine()
        let a = start(&m, "a")
        let b = start(&m, "b")
        let c = start(&m, "c")
        m.operationActivated(a)
        _ = m.receive(text(#"{"type":"complete","id":"b"}"#))
        XCTAssertEqual(m.close(.goingAway), [.stopOperation(a), .stopOperation(c), .close(.goingAway, reason: "Going away")])
        XCTAssertEqual(m.close(.goingAway), [])
        XCTAssertEqual(m.transportClosed(), [])
        XCTAssertFalse(m.isLive(b))
    }

    func testCloseCodesTheServerDecides() {
        let table: [(CloseCode, String?, String)] = [
            (.goingAway, nil, "Going away"),
            (.tryAgainLater, nil, "Try again later"),
            (.messageTooBig, nil, "Message too big"),
            (.internalServerError, nil, "Internal server error"),
            (.internalServerError, String(repeating: "ß", count: 100), String(repeating: "ß", count: 61)),
        ]
        for (code, reason, expected) in table {
            var m = acknowledgedMachine()
            XCTAssertEqual(m.close(code, reason: reason), [.close(code, reason: expected)])
        }
    }

    /// A socket that is gone (peer closed, keepalive lost) gets no close frame; its
    /// operations are stopped.
    func testTransportClosedStopsOperationsWithoutClosing() {
        var m = acknowledgedMachine()
        let a = start(&m, "a")
        XCTAssertEqual(m.transportClosed(), [.stopOperation(a)])
        XCTAssertTrue(m.isClosed)
    }

    /// Nothing happens after a close.
    func testNothingAfterClose() {
        var m = acknowledgedMachine()
        let h = start(&m, "1")
        _ = m.receive(.binary)
        XCTAssertEqual(m.receive(text(#"{"type":"ping"}"#)), [])
        XCTAssertEqual(m.receive(text(#"{"type":"connection_init"}"#)), [])
        XCTAssertEqual(m.receive(subscribe("2")), [])
        XCTAssertEqual(m.receive(text("garbage")), [])
        XCTAssertEqual(m.receive(.initTimeoutFired), [])
        XCTAssertEqual(m.receive(.tokenExpired), [])
        XCTAssertEqual(m.authenticated(.accepted()), [])
        XCTAssertEqual(m.operationEnded(h), [])
        XCTAssertEqual(m.operationFailed(h, errors: []), [])
        XCTAssertEqual(m.liveOperations, [])
        XCTAssertFalse(m.isAcknowledged)
    }
}
