import Foundation
import GraphQL
import Switchboard
import XCTest

@testable import Chat

final class NotifyUserTests: XCTestCase {
    func notify(_ harness: ChatHarness, as caller: Identity, userId: String = "u-ann", message: String = "Your export is ready", callback: String? = nil)
        async throws -> String
    {
        var variables: JSONObject = ["u": .string(userId), "m": .string(message)]
        if let callback { variables.append("cb", .string(callback)) }
        return try await harness.run(
            #"mutation Notify($u: ID!, $m: String!, $cb: String) { notifyUser(userId: $u, message: $m, callback: $cb) { id message callback kind createdAt } }"#,
            variables, as: caller)
    }

    func failure(_ message: String, code: String) -> String {
        #"{"data":null,"errors":[\#(errorJSON(message, column: 54, path: ["notifyUser"], code: code))]}"#
    }

    func testAnonymousIsUnauthenticatedAndAUserIsForbidden() async throws {
        let harness = ChatHarness()
        let anonymous = try await notify(harness, as: Callers.anonymous)
        XCTAssertEqual(anonymous, failure("notifyUser needs a publisher's token.", code: "UNAUTHENTICATED"))
        // Not even to themselves.
        for caller in [Callers.ann, Callers.bob] {
            let response = try await notify(harness, as: caller, userId: caller.userID!)
            XCTAssertEqual(response, failure("notifyUser is for publishers only.", code: "FORBIDDEN"))
        }
        let latest = try await harness.store.latestEventID()
        XCTAssertEqual(latest, 0)
        XCTAssertEqual(harness.published.current, [])
    }

    func testWithoutACallbackTheKindIsFeedback() async throws {
        let harness = ChatHarness()
        let response = try await notify(harness, as: Callers.publisher)
        XCTAssertEqual(
            response,
            #"{"data":{"notifyUser":{"id":"1","message":"Your export is ready","callback":null,"kind":"FEEDBACK","createdAt":"\#(fixedCreatedAt)"}}}"#
        )
        let stored = try await harness.stored("user:u-ann")
        XCTAssertEqual(
            stored.map { String(decoding: $0.payload, as: UTF8.self) },
            [#"{"userId":"u-ann","message":"Your export is ready","callback":null,"kind":"FEEDBACK"}"#])
        XCTAssertEqual(harness.steps.current, [.published(ids: [1], committed: true), .returned])
        XCTAssertEqual(harness.published.current, stored)
    }

    func testWithACallbackTheKindIsActionable() async throws {
        let harness = ChatHarness()
        let response = try await notify(harness, as: Callers.publisher, userId: "u-bob", message: "Approve?", callback: "https://example.com/approve/7")
        XCTAssertEqual(
            response,
            #"{"data":{"notifyUser":{"id":"1","message":"Approve?","callback":"https://example.com/approve/7","kind":"ACTIONABLE","createdAt":"\#(fixedCreatedAt)"}}}"#
        )
        let stored = try await harness.stored("user:u-bob")
        XCTAssertEqual(
            stored.map { String(decoding: $0.payload, as: UTF8.self) },
            [#"{"userId":"u-bob","message":"Approve?","callback":"https://example.com/approve/7","kind":"ACTIONABLE"}"#])
        XCTAssertEqual(harness.steps.current, [.published(ids: [1], committed: true), .returned])
    }

    func testBadInputIsBadUserInput() async throws {
        let cases: [(userId: String, message: String, callback: String?, expected: String)] = [
            ("", "m", nil, "userId must not be empty"),
            ("u-ann", "", nil, "message must not be empty"),
            ("u-ann", String(repeating: "é", count: 4_001), nil, "message is 4,001 Unicode code points long; at most 4,000 are allowed"),
            ("u-ann", "m", "", "callback must not be empty"),
        ]
        for c in cases {
            let harness = ChatHarness()
            let response = try await notify(harness, as: Callers.publisher, userId: c.userId, message: c.message, callback: c.callback)
            XCTAssertEqual(response, failure(c.expected, code: "BAD_USER_INPUT"), c.expected)
            let latest = try await harness.store.latestEventID()
            XCTAssertEqual(latest, 0)
            XCTAssertEqual(harness.published.current, [])
        }
    }

    func testAStoreFailureIsAGenericInternalError() async throws {
        let store = fixedClockStore()
        store.close()
        let harness = ChatHarness(store: store)
        let response = try await notify(harness, as: Callers.publisher)
        XCTAssertEqual(response, failure("Internal server error.", code: "INTERNAL_SERVER_ERROR"))
        XCTAssertEqual(harness.published.current, [])
        XCTAssertEqual(harness.failures.current, ["Mutation.notifyUser: memory: the store is closed"])
    }
}
