import XCTest

@testable import GraphQLTransportWS

final class SubprotocolTests: XCTestCase {
    func testNegotiation() {
        let table: [(String?, Subprotocol.Negotiation)] = [
            ("graphql-transport-ws", .accept("graphql-transport-ws")),
            ("graphql-ws, graphql-transport-ws", .accept("graphql-transport-ws")),
            ("  foo ,  graphql-transport-ws  , bar", .accept("graphql-transport-ws")),
            ("graphql-transport-ws,graphql-ws", .accept("graphql-transport-ws")),
            ("foo,\tgraphql-transport-ws", .accept("graphql-transport-ws")),
            ("graphql-ws", .reject(legacyOffered: true)),
            (" graphql-ws , foo", .reject(legacyOffered: true)),
            (nil, .reject(legacyOffered: false)),
            ("", .reject(legacyOffered: false)),
            (" , ", .reject(legacyOffered: false)),
            ("foo, bar", .reject(legacyOffered: false)),
            ("graphql-transport-ws2", .reject(legacyOffered: false)),
            ("GRAPHQL-TRANSPORT-WS", .reject(legacyOffered: false)),
            ("graphql transport ws", .reject(legacyOffered: false)),
        ]
        for (header, expected) in table {
            XCTAssertEqual(Subprotocol.negotiate(header), expected, header ?? "nil")
        }
    }

    func testRejectionClosesWith4406() {
        let rejected = Subprotocol.negotiate("graphql-ws")
        XCTAssertNil(rejected.accepted)
        XCTAssertEqual(rejected.close?.code, .subprotocolNotAcceptable)
        XCTAssertEqual(rejected.close?.reason, "Subprotocol not acceptable")
        XCTAssertTrue(Subprotocol.legacyLogMessage.contains("graphql-ws"))
        let accepted = Subprotocol.negotiate("graphql-transport-ws")
        XCTAssertEqual(accepted.accepted, "graphql-transport-ws")
        XCTAssertNil(accepted.close)
    }
}
