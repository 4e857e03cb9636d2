import GraphQL
import XCTest

@testable import Switchboard

/// Where a connection's token is found (contract.md, "Identity"): every source, the order
/// between them, and what counts as absent.
final class TokenSourcesTests: XCTestCase {
    func upgrade(authorization: String? = nil, query: String? = nil) -> UpgradeRequest {
        var headers: [String: String] = [:]
        if let authorization { headers["authorization"] = authorization }
        return UpgradeRequest(
            path: "/graphql", queryItems: query.map { [(name: "token", value: $0)] } ?? [], headers: headers,
            offeredSubprotocols: ["graphql-transport-ws"], subprotocol: "graphql-transport-ws", remoteAddress: "127.0.0.1")
    }

    func testEverySourceAndWhichWins() throws {
        let table: [(String, JSONObject?, UpgradeRequest, PresentedToken?)] = [
            ("nothing", nil, upgrade(), nil),
            ("empty payload", [:], upgrade(), nil),
            ("payload.authorization with Bearer", ["authorization": .string("Bearer T1")], upgrade(),
             PresentedToken(token: "T1", source: "connection_init payload.authorization")),
            ("payload.authorization without Bearer", ["authorization": .string("T1")], upgrade(),
             PresentedToken(token: "T1", source: "connection_init payload.authorization")),
            ("payload.Authorization, bearer in lower case", ["Authorization": .string("bearer  T2 ")], upgrade(),
             PresentedToken(token: "T2", source: "connection_init payload.Authorization")),
            ("payload.token", ["token": .string("T3")], upgrade(),
             PresentedToken(token: "T3", source: "connection_init payload.token")),
            ("payload.authToken", ["authToken": .string("Bearer T4")], upgrade(),
             PresentedToken(token: "T4", source: "connection_init payload.authToken")),
            ("payload.headers.Authorization", ["headers": .object(["Authorization": .string("Bearer T5")])], upgrade(),
             PresentedToken(token: "T5", source: "connection_init payload.headers.Authorization")),
            ("upgrade Authorization header", nil, upgrade(authorization: "Bearer U1"),
             PresentedToken(token: "U1", source: "the upgrade request's Authorization header")),
            ("?token=", [:], upgrade(query: "Q1"),
             PresentedToken(token: "Q1", source: "the upgrade request's ?token= parameter")),
            ("the payload wins over the upgrade", ["token": .string("P")], upgrade(authorization: "Bearer U", query: "Q"),
             PresentedToken(token: "P", source: "connection_init payload.token")),
            ("the header wins over ?token=", nil, upgrade(authorization: "Bearer U", query: "Q"),
             PresentedToken(token: "U", source: "the upgrade request's Authorization header")),
            ("authorization before token", ["token": .string("B"), "authorization": .string("A")], upgrade(),
             PresentedToken(token: "A", source: "connection_init payload.authorization")),
            ("empty and null values are absent",
             ["authorization": .string(""), "Authorization": .null, "token": .string("Bearer "), "authToken": .string("  ")],
             upgrade(query: "Q"), PresentedToken(token: "Q", source: "the upgrade request's ?token= parameter")),
            ("other payload keys are not tokens", ["client": .string("x"), "headers": .object(["X-Other": .string("y")])],
             upgrade(), nil),
        ]
        for (name, payload, request, expected) in table {
            XCTAssertEqual(try TokenSources.find(connectionInit: payload, upgrade: request), expected, name)
        }
    }

    func testValuesThatCannotBeTokens() {
        let table: [(String, JSONObject, AuthenticationFailure)] = [
            ("a number", ["token": .int(5)],
             AuthenticationFailure(source: "connection_init payload.token", error: .malformed("the value is not a string"))),
            ("an object", ["authorization": .object([:])],
             AuthenticationFailure(source: "connection_init payload.authorization", error: .malformed("the value is not a string"))),
            ("Basic credentials", ["Authorization": .string("Basic dXNlcjpwYXNz")],
             AuthenticationFailure(source: "connection_init payload.Authorization", error: .unsupportedScheme(#""Basic""#))),
        ]
        for (name, payload, expected) in table {
            XCTAssertThrowsError(try TokenSources.find(connectionInit: payload, upgrade: upgrade()), name) { error in
                XCTAssertEqual(error as? AuthenticationFailure, expected, name)
            }
        }
    }

    func testHTTPAuthorizationHeader() throws {
        XCTAssertNil(try TokenSources.find(authorization: nil))
        XCTAssertNil(try TokenSources.find(authorization: "Bearer"))
        XCTAssertEqual(try TokenSources.find(authorization: "Bearer abc.def.ghi"),
                       PresentedToken(token: "abc.def.ghi", source: "the Authorization header"))
        XCTAssertThrowsError(try TokenSources.find(authorization: "Digest x=1"))
    }

    /// The authenticator turns what the sources find into an identity.
    func testAuthenticatorIdentities() throws {
        let secret = "authenticator-test-secret-0123456789"
        let authenticator = Authenticator(secret: secret)
        let token = TokenSigner(secret: secret).sign(TokenClaims(subject: "ada", name: "Ada", role: .publisher, expiresAt: 2_000_000_000))
        XCTAssertEqual(try authenticator.identity(connectionInit: nil, upgrade: upgrade(), now: 1_000_000_000).get(), .anonymous)
        XCTAssertEqual(
            try authenticator.identity(connectionInit: ["authorization": .string("Bearer " + token)], upgrade: upgrade(), now: 1_000_000_000).get(),
            Identity(role: .publisher, userID: "ada", name: "Ada", expiresAt: 2_000_000_000))
        XCTAssertEqual(
            authenticator.identity(authorization: "Bearer " + token, now: 2_000_000_001),
            .failure(AuthenticationFailure(source: "the Authorization header", error: .expired(at: 2_000_000_000, now: 2_000_000_001))))
    }
}
