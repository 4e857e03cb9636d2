import GraphQL
import XCTest

@testable import GraphQLTransportWS

final class MessageDecoderTests: XCTestCase {
    func decode(_ json: String) throws(MessageDecodingError) -> ClientMessage {
        try MessageDecoder.decode(Array(json.utf8))
    }

    /// Every malformed shape, with the 4400 reason it gets.
    func testMalformedMessages() {
        let table: [(String, String)] = [
            // Not JSON
            ("", "Invalid JSON"),
            ("{", "Invalid JSON"),
            ("hello", "Invalid JSON"),
            (#"{"type":"ping",}"#, "Invalid JSON"),
            (#"{"type":"ping"} x"#, "Invalid JSON"),
            // Not an object
            ("null", "Message is not an object"),
            ("[]", "Message is not an object"),
            (#"[{"type":"ping"}]"#, "Message is not an object"),
            (#""ping""#, "Message is not an object"),
            ("42", "Message is not an object"),
            // type
            ("{}", "Missing or invalid 'type'"),
            (#"{"payload":{}}"#, "Missing or invalid 'type'"),
            (#"{"type":null}"#, "Missing or invalid 'type'"),
            (#"{"type":1}"#, "Missing or invalid 'type'"),
            (#"{"type":["ping"]}"#, "Missing or invalid 'type'"),
            (#"{"type":"foo"}"#, "Unknown message type 'foo'"),
            (#"{"type":""}"#, "Unknown message type ''"),
            (#"{"type":"PING"}"#, "Unknown message type 'PING'"),
            (#"{"type":"start","id":"1"}"#, "Unknown message type 'start'"),  // subscriptions-transport-ws
            // Server-only types sent by a client (we differ: the reference uses 4500)
            (#"{"type":"next","id":"1","payload":{"data":null}}"#, "Unexpected message type 'next' from a client"),
            (#"{"type":"error","id":"1","payload":[]}"#, "Unexpected message type 'error' from a client"),
            (#"{"type":"connection_ack"}"#, "Unexpected message type 'connection_ack' from a client"),
            // connection_init payload
            (#"{"type":"connection_init","payload":1}"#, "'payload' must be an object or null"),
            (#"{"type":"connection_init","payload":"token"}"#, "'payload' must be an object or null"),
            (#"{"type":"connection_init","payload":[]}"#, "'payload' must be an object or null"),
            (#"{"type":"connection_init","payload":false}"#, "'payload' must be an object or null"),
            // ping / pong payload
            (#"{"type":"ping","payload":"x"}"#, "'payload' must be an object or null"),
            (#"{"type":"pong","payload":[1]}"#, "'payload' must be an object or null"),
            // subscribe id
            (#"{"type":"subscribe","payload":{"query":"{a}"}}"#, "'id' must be a non-empty string"),
            (#"{"type":"subscribe","id":"","payload":{"query":"{a}"}}"#, "'id' must be a non-empty string"),
            (#"{"type":"subscribe","id":1,"payload":{"query":"{a}"}}"#, "'id' must be a non-empty string"),
            (#"{"type":"subscribe","id":null,"payload":{"query":"{a}"}}"#, "'id' must be a non-empty string"),
            // subscribe payload
            (#"{"type":"subscribe","id":"1"}"#, "'payload' must be an object"),
            (#"{"type":"subscribe","id":"1","payload":null}"#, "'payload' must be an object"),
            (#"{"type":"subscribe","id":"1","payload":"{a}"}"#, "'payload' must be an object"),
            (#"{"type":"subscribe","id":"1","payload":{}}"#, "'payload.query' must be a string"),
            (#"{"type":"subscribe","id":"1","payload":{"query":null}}"#, "'payload.query' must be a string"),
            (#"{"type":"subscribe","id":"1","payload":{"query":1}}"#, "'payload.query' must be a string"),
            (#"{"type":"subscribe","id":"1","payload":{"query":{"a":1}}}"#, "'payload.query' must be a string"),
            (
                #"{"type":"subscribe","id":"1","payload":{"query":"{a}","operationName":1}}"#,
                "'payload.operationName' must be a string or null"
            ),
            (
                #"{"type":"subscribe","id":"1","payload":{"query":"{a}","operationName":{}}}"#,
                "'payload.operationName' must be a string or null"
            ),
            (
                #"{"type":"subscribe","id":"1","payload":{"query":"{a}","variables":[]}}"#,
                "'payload.variables' must be an object or null"
            ),
            (
                #"{"type":"subscribe","id":"1","payload":{"query":"{a}","variables":"{}"}}"#,
                "'payload.variables' must be an object or null"
            ),
            (
                #"{"type":"subscribe","id":"1","payload":{"query":"{a}","extensions":1}}"#,
                "'payload.extensions' must be an object or null"
            ),
            // complete id
            (#"{"type":"complete"}"#, "'id' must be a non-empty string"),
            (#"{"type":"complete","id":""}"#, "'id' must be a non-empty string"),
            (#"{"type":"complete","id":7}"#, "'id' must be a non-empty string"),
        ]
        for (input, reason) in table {
            do {
                let message = try decode(input)
                XCTFail("\(input): decoded as \(message), expected 4400 \(reason)")
            } catch {
                XCTAssertEqual(error.closeCode, .badRequest, input)
                XCTAssertEqual(error.reason, reason, input)
            }
        }
    }

    /// Bytes that are not UTF-8 are not JSON text.
    func testInvalidUTF8IsInvalidJSON() {
        for bytes: [UInt8] in [[0xFF], Array(#"{"type":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)] {
            XCTAssertThrowsError(try MessageDecoder.decode(bytes)) { error in
                XCTAssertEqual((error as? MessageDecodingError)?.reason, "Invalid JSON")
            }
        }
    }

    func testConnectionInit() throws {
        XCTAssertEqual(try decode(#"{"type":"connection_init"}"#), .connectionInit(payload: nil))
        XCTAssertEqual(try decode(#"{"type":"connection_init","payload":null}"#), .connectionInit(payload: nil))
        XCTAssertEqual(
            try decode(#"{"type":"connection_init","payload":{"token":"t","n":1}}"#),
            .connectionInit(payload: ["token": .string("t"), "n": .int(1)]))
    }

    func testPingAndPong() throws {
        XCTAssertEqual(try decode(#"{"type":"ping"}"#), .ping(payload: nil))
        XCTAssertEqual(try decode(#"{"type":"ping","payload":null}"#), .ping(payload: nil))
        XCTAssertEqual(try decode(#"{"type":"ping","payload":{"t":1}}"#), .ping(payload: .object(["t": .int(1)])))
        XCTAssertEqual(try decode(#"{"type":"pong"}"#), .pong(payload: nil))
        XCTAssertEqual(try decode(#"{"type":"pong","payload":{}}"#), .pong(payload: .object([:])))
    }

    func testSubscribe() throws {
        XCTAssertEqual(
            try decode(#"{"id":"1","type":"subscribe","payload":{"query":"{ a }"}}"#),
            .subscribe(id: "1", payload: SubscribePayload(query: "{ a }")))
        XCTAssertEqual(
            try decode(
                #"{"id":"x","type":"subscribe","payload":{"query":"q","operationName":null,"variables":null,"extensions":null}}"#
            ),
            .subscribe(id: "x", payload: SubscribePayload(query: "q")))
        XCTAssertEqual(
            try decode(
                #"{"type":"subscribe","id":"a\"b","payload":{"query":"","operationName":"Op","variables":{"v":[1]},"extensions":{"e":true}}}"#
            ),
            .subscribe(
                id: "a\"b",
                payload: SubscribePayload(
                    query: "", operationName: "Op", variables: ["v": .array([.int(1)])],
                    extensions: ["e": .bool(true)])))
    }

    func testComplete() throws {
        XCTAssertEqual(try decode(#"{"type":"complete","id":"1"}"#), .complete(id: "1"))
    }

    /// Keys a message does not use are ignored, as graphql-ws ignores them.
    func testUnknownKeysAreIgnored() throws {
        XCTAssertEqual(try decode(#"{"type":"ping","id":5,"extra":[1,2]}"#), .ping(payload: nil))
        XCTAssertEqual(try decode(#"{"type":"complete","id":"1","payload":42}"#), .complete(id: "1"))
    }

    /// The parser's details stay in the description (for the log), out of the reason.
    func testInvalidJSONKeepsDetailsForTheLog() {
        do {
            _ = try decode("{x")
            XCTFail("decoded")
        } catch {
            XCTAssertEqual(error.reason, "Invalid JSON")
            XCTAssertTrue(error.description.hasPrefix("Invalid JSON: "), error.description)
        }
    }
}
