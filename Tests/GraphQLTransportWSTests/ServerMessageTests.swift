import GraphQL
import XCTest

@testable import GraphQLTransportWS

final class ServerMessageTests: XCTestCase {
    func testConnectionAck() {
        XCTAssertEqual(ServerMessage.connectionAck(payload: nil).encodedString(), #"{"type":"connection_ack"}"#)
        XCTAssertEqual(ServerMessage.connectionAck(payload: [:]).encodedString(), #"{"type":"connection_ack"}"#)
        XCTAssertEqual(
            ServerMessage.connectionAck(payload: ["user": .string("u1")]).encodedString(),
            #"{"type":"connection_ack","payload":{"user":"u1"}}"#)
    }

    func testPingAndPong() {
        XCTAssertEqual(ServerMessage.ping(payload: nil).encodedString(), #"{"type":"ping"}"#)
        XCTAssertEqual(ServerMessage.pong(payload: nil).encodedString(), #"{"type":"pong"}"#)
        XCTAssertEqual(
            ServerMessage.pong(payload: .object(["t": .int(1), "s": .string("x")])).encodedString(),
            #"{"type":"pong","payload":{"t":1,"s":"x"}}"#)
    }

    func testNextSplicesThePayloadBytes() {
        let payload = Array(#"{"data":{"newMessage":{"id":"1"}}}"#.utf8)
        XCTAssertEqual(
            ServerMessage.next(id: "1", payload: payload).encodedString(),
            #"{"id":"1","type":"next","payload":{"data":{"newMessage":{"id":"1"}}}}"#)
        // Not re-encoded: bytes pass through even if spelled unusually.
        let odd = Array(#"{ "data" : {"x":1.50} }"#.utf8)
        XCTAssertEqual(
            ServerMessage.next(id: "a", payload: odd).encodedString(),
            #"{"id":"a","type":"next","payload":{ "data" : {"x":1.50} }}"#)
    }

    func testNextFromExecutionResult() {
        let ok = ExecutionResult(data: .object(["a": .int(1)]))
        XCTAssertEqual(
            ServerMessage.next(id: "q", result: ok).encodedString(),
            #"{"id":"q","type":"next","payload":{"data":{"a":1}}}"#)
        let partial = ExecutionResult(
            data: .object(["a": .null]),
            errors: [GraphQLError("boom", locations: [SourceLocation(line: 1, column: 3)], path: [.key("a")])])
        XCTAssertEqual(
            ServerMessage.next(id: "q", result: partial).encodedString(),
            #"{"id":"q","type":"next","payload":{"data":{"a":null},"errors":[{"message":"boom","locations":[{"line":1,"column":3}],"path":["a"]}]}}"#
        )
    }

    /// Ids are JSON strings and are escaped like any other.
    func testIDsThatNeedEscaping() {
        let id = "a\"b\\c\nd\u{1}e\u{2028}é"
        let escaped = #""a\"b\\c\nd\u0001e\u2028é""#
        XCTAssertEqual(
            ServerMessage.next(id: id, payload: Array("{}".utf8)).encodedString(),
            #"{"id":"# + escaped + #","type":"next","payload":{}}"#)
        XCTAssertEqual(
            ServerMessage.complete(id: id).encodedString(),
            #"{"id":"# + escaped + #","type":"complete"}"#)
        XCTAssertEqual(
            ServerMessage.error(id: id, errors: [GraphQLError("x")]).encodedString(),
            #"{"id":"# + escaped + #","type":"error","payload":[{"message":"x"}]}"#)
        // And they read back as the same id.
        let frame = ServerMessage.complete(id: id).encoded()
        XCTAssertEqual(try JSON.parse(frame)["id"], .string(id))
    }

    func testComplete() {
        XCTAssertEqual(ServerMessage.complete(id: "1").encodedString(), #"{"id":"1","type":"complete"}"#)
    }

    /// `error`: a bare array of GraphQL errors with message, locations, path, extensions.
    func testError() {
        let errors = [
            GraphQLError(
                "Cannot query field \"x\" on type \"Query\".",
                locations: [SourceLocation(line: 1, column: 3)],
                extensions: [("code", .string("GRAPHQL_VALIDATION_FAILED"))]),
            GraphQLError("second", path: [.key("a"), .index(0)]),
        ]
        XCTAssertEqual(
            ServerMessage.error(id: "7", errors: errors).encodedString(),
            #"{"id":"7","type":"error","payload":[{"message":"Cannot query field \"x\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}},{"message":"second","path":["a",0]}]}"#
        )
    }

    /// The payload must be a non-empty array: an empty list is sent as one generic error.
    func testErrorIsNeverEmpty() {
        XCTAssertEqual(
            ServerMessage.error(id: "7", errors: []).encodedString(),
            #"{"id":"7","type":"error","payload":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}"#
        )
    }

    /// The fan-out's path: one prefix per subscriber, shared payload bytes, appended to a
    /// buffer that may already hold something (the transport's headroom).
    func testNextFramePrefix() {
        let payload = Array(#"{"data":{"n":1}}"#.utf8)
        for id in ["1", "sub-\"9\"", "ключ"] {
            let prefix = NextFramePrefix(id: id)
            var out: [UInt8] = [0, 0, 0, 0]
            prefix.write(payload: payload, into: &out)
            XCTAssertEqual(Array(out.dropFirst(4)), ServerMessage.next(id: id, payload: payload).encoded())
            XCTAssertEqual(out.count - 4, prefix.frameSize(payloadCount: payload.count))
            var viaRaw: [UInt8] = []
            payload.withUnsafeBytes { prefix.write(payload: $0, into: &viaRaw) }
            XCTAssertEqual(viaRaw, Array(out.dropFirst(4)))
            var viaStatic: [UInt8] = []
            ServerMessage.writeNext(id: id, payload: payload, into: &viaStatic)
            XCTAssertEqual(viaStatic, viaRaw)
        }
        XCTAssertEqual(utf8(NextFramePrefix(id: "1").bytes), #"{"id":"1","type":"next","payload":"#)
    }

    /// Every frame is one JSON object that reads back with the expected type.
    func testFramesAreJSON() throws {
        let messages: [(ServerMessage, String)] = [
            (.connectionAck(payload: ["a": .null]), "connection_ack"),
            (.ping(payload: .object([:])), "ping"),
            (.pong(payload: nil), "pong"),
            (.next(id: "1", payload: Array(#"{"data":null}"#.utf8)), "next"),
            (.error(id: "1", errors: [GraphQLError("e")]), "error"),
            (.complete(id: "1"), "complete"),
        ]
        for (message, type) in messages {
            XCTAssertEqual(try JSON.parse(message.encoded())["type"], .string(type))
        }
    }
}
