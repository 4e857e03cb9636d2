import Foundation
import GraphQL
import Switchboard
import XCTest

@testable import Chat

final class SubscriptionTests: XCTestCase {
    let app = ChatApplication()

    func prepare(_ document: String, _ variables: JSONObject = [:]) throws -> PreparedSubscription {
        let parsed = try parseDocument(Source(document))
        XCTAssertEqual(validate(schema: app.schema, document: parsed).map(\.description), [])
        return try prepareSubscription(schema: app.schema, document: parsed, variables: variables)
    }

    /// The source the server would open for `document` as `identity`.
    func source(_ document: String, _ variables: JSONObject = [:], as identity: Identity) throws -> Result<SubscriptionSource, GraphQLError> {
        let prepared = try prepare(document, variables)
        do throws(GraphQLError) {
            return .success(try app.source(forSubscriptionField: prepared.rootFieldName, arguments: prepared.arguments, identity: identity))
        } catch {
            return .failure(error)
        }
    }

    // MARK: newMessage

    func testNewMessageListensToTheChatForEveryRole() throws {
        for caller in [Callers.anonymous, Callers.ann, Callers.publisher] {
            XCTAssertEqual(
                try source(#"subscription { newMessage(chatId: "room 1") { id } }"#, as: caller).get(),
                SubscriptionSource(topic: "chat:room 1", after: nil))
        }
    }

    func testNewMessageResumesAfterAnID() throws {
        let document = #"subscription S($c: ID!, $after: ID) { m: newMessage(chatId: $c, after: $after) { id } }"#
        XCTAssertEqual(
            try source(document, ["c": .string("c1"), "after": .string("41")], as: Callers.anonymous).get(),
            SubscriptionSource(topic: "chat:c1", after: 41))
        XCTAssertEqual(
            try source(document, ["c": .string("c1"), "after": .int(0)], as: Callers.anonymous).get(),
            SubscriptionSource(topic: "chat:c1", after: 0))
        XCTAssertEqual(
            try source(document, ["c": .string("c1"), "after": .null], as: Callers.anonymous).get(),
            SubscriptionSource(topic: "chat:c1", after: nil))
        XCTAssertEqual(
            try source(#"subscription { newMessage(chatId: 7, after: 9223372036854775807) { id } }"#, as: Callers.ann).get(),
            SubscriptionSource(topic: "chat:7", after: Int64.max))
    }

    func testNewMessageRejectsAnAfterThatIsNotADecimalID() throws {
        for after in ["x", "-1", "1e3", "", "9223372036854775808"] {
            let result = try source(
                #"subscription S($a: ID) { newMessage(chatId: "c1", after: $a) { id } }"#, ["a": .string(after)],
                as: Callers.anonymous)
            guard case .failure(let error) = result else { return XCTFail("after \(after) accepted") }
            XCTAssertEqual(error.code, "BAD_USER_INPUT")
            var out: [UInt8] = []
            error.encode(into: &out)
            XCTAssertEqual(
                String(decoding: out, as: UTF8.self),
                #"{"message":\#(JSON.string("after must be an event id, a decimal integer; got \(JSON.string(after).encodedString()).").encodedString()),"extensions":{"code":"BAD_USER_INPUT"}}"#)
        }
    }

    // MARK: notifications

    func testNotificationsNeedAToken() throws {
        let result = try source("subscription { notifications { id } }", as: Callers.anonymous)
        guard case .failure(let error) = result else { return XCTFail("anonymous notifications accepted") }
        var out: [UInt8] = []
        error.encode(into: &out)
        XCTAssertEqual(
            String(decoding: out, as: UTF8.self),
            #"{"message":"notifications needs a token: its sub is the user whose notifications arrive.","extensions":{"code":"UNAUTHENTICATED"}}"#
        )
        // Even with a well-formed `after`.
        let resumed = try source(#"subscription { notifications(after: "3") { id } }"#, as: Callers.anonymous)
        XCTAssertEqual(resumed.failureCode, "UNAUTHENTICATED")
    }

    func testNotificationsListenToTheTokensSub() throws {
        XCTAssertEqual(
            try source("subscription { notifications { id } }", as: Callers.ann).get(),
            SubscriptionSource(topic: "user:u-ann", after: nil))
        XCTAssertEqual(
            try source(#"subscription { notifications(after: "12") { id } }"#, as: Callers.bob).get(),
            SubscriptionSource(topic: "user:u-bob", after: 12))
        XCTAssertEqual(
            try source("subscription { n: notifications(after: 5) { id } }", as: Callers.publisher).get(),
            SubscriptionSource(topic: "user:backend", after: 5))
        XCTAssertEqual(try source(#"subscription { notifications(after: "five") { id } }"#, as: Callers.ann).failureCode, "BAD_USER_INPUT")
    }

    func testAnUnknownFieldIsAnInternalError() {
        let reported = Locked<[String]>([])
        let app = ChatApplication(reportFailure: { failure in reported.withLock { $0.append(failure.description) } })
        XCTAssertThrowsError(try app.source(forSubscriptionField: "somethingElse", arguments: [:], identity: Callers.publisher)) {
            XCTAssertEqual(($0 as? GraphQLError)?.code, "INTERNAL_SERVER_ERROR")
            XCTAssertEqual(($0 as? GraphQLError)?.message, "Internal server error.")
        }
        XCTAssertEqual(reported.current, ["Subscription.somethingElse: no such subscription field"])
    }

    // MARK: event values

    static let message = StoredEvent(
        id: 17, topic: "chat:c1", payload: Array(#"{"chatId":"c1","content":"hi \"there\" ✓","senderName":"Ann"}"#.utf8),
        createdAt: "2026-11-23T10:00:00.123Z")

    func payload(_ document: String, _ event: StoredEvent, _ variables: JSONObject = [:]) throws -> String {
        let prepared = try prepare(document, variables)
        let value = app.eventValue(event, forSubscriptionField: prepared.rootFieldName)
        return String(decoding: prepared.execute(eventValue: value), as: UTF8.self)
    }

    func testAMessageEventExecutesToExactPayloadBytes() throws {
        XCTAssertEqual(
            try payload(#"subscription { newMessage(chatId: "c1") { id chatId content senderName createdAt } }"#, Self.message),
            #"{"data":{"newMessage":{"id":"17","chatId":"c1","content":"hi \"there\" ✓","senderName":"Ann","createdAt":"2026-11-23T10:00:00.123Z"}}}"#
        )
        XCTAssertEqual(
            try payload(
                #"subscription S($c: ID!) { live: newMessage(chatId: $c) { __typename ...F text: content } } fragment F on Message { senderName id }"#,
                Self.message, ["c": .string("c1")]),
            #"{"data":{"live":{"__typename":"Message","senderName":"Ann","id":"17","text":"hi \"there\" ✓"}}}"#)
    }

    func testNotificationEventsExecuteToExactPayloadBytes() throws {
        let feedback = StoredEvent(
            id: 3, topic: "user:u-ann",
            payload: Array(#"{"userId":"u-ann","message":"Done","callback":null,"kind":"FEEDBACK"}"#.utf8),
            createdAt: "2026-11-23T10:00:01.000Z")
        let actionable = StoredEvent(
            id: 4, topic: "user:u-ann",
            payload: Array(#"{"userId":"u-ann","message":"Approve?","callback":"https://example.com/a","kind":"ACTIONABLE"}"#.utf8),
            createdAt: "2026-11-23T10:00:02.000Z")
        let document = "subscription { notifications { id message callback kind createdAt __typename } }"
        XCTAssertEqual(
            try payload(document, feedback),
            #"{"data":{"notifications":{"id":"3","message":"Done","callback":null,"kind":"FEEDBACK","createdAt":"2026-11-23T10:00:01.000Z","__typename":"Notification"}}}"#
        )
        XCTAssertEqual(
            try payload(document, actionable),
            #"{"data":{"notifications":{"id":"4","message":"Approve?","callback":"https://example.com/a","kind":"ACTIONABLE","createdAt":"2026-11-23T10:00:02.000Z","__typename":"Notification"}}}"#
        )
    }

    /// A stored `kind` that contradicts `callback` does not reach the client: `kind` follows
    /// from `callback`, as contract.md defines it.
    func testTheKindFollowsTheCallback() throws {
        let contradictory = StoredEvent(
            id: 5, topic: "user:u-ann", payload: Array(#"{"userId":"u-ann","message":"m","callback":null,"kind":"ACTIONABLE"}"#.utf8),
            createdAt: "2026-11-23T10:00:00.000Z")
        XCTAssertEqual(
            try payload("subscription { notifications { kind } }", contradictory), #"{"data":{"notifications":{"kind":"FEEDBACK"}}}"#)
    }

    func testAnEventThatDoesNotDecodeIsAFieldErrorAndIsReported() throws {
        let reported = Locked<[String]>([])
        let app = ChatApplication(reportFailure: { failure in reported.withLock { $0.append(failure.description) } })
        let broken = StoredEvent(id: 9, topic: "chat:c1", payload: Array("not json".utf8), createdAt: "2026-11-23T10:00:00.000Z")
        let prepared = try prepare(#"subscription { newMessage(chatId: "c1") { id } }"#)
        let bytes = prepared.execute(eventValue: app.eventValue(broken, forSubscriptionField: "newMessage"))
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            #"{"data":null,"errors":[{"message":"Cannot return null for non-nullable field Subscription.newMessage.","locations":[{"line":1,"column":16}],"path":["newMessage"]}]}"#
        )
        XCTAssertEqual(reported.current, ["Subscription.newMessage: event 9 in chat:c1 has no value for this field"])
        // A message is not a notification either.
        _ = app.eventValue(Self.message, forSubscriptionField: "notifications")
        XCTAssertEqual(reported.current.count, 2)
    }

    /// What a mutation answers and what a subscriber receives for the same event agree.
    func testAPostedMessageReachesSubscribersAsTheMutationAnsweredIt() async throws {
        let harness = ChatHarness()
        let selection = "id chatId content senderName createdAt"
        let answer = try await harness.run(
            #"mutation { postMessage(chatId: "c1", content: "same") { \#(selection) } }"#, as: Callers.ann)
        let event = try XCTUnwrap(harness.published.current.first)
        let delivered = try payload(#"subscription { postMessage: newMessage(chatId: "c1") { \#(selection) } }"#, event)
        XCTAssertEqual(delivered, answer)

        let notified = try await harness.run(
            #"mutation { notifications: notifyUser(userId: "u-ann", message: "m", callback: "c") { id message callback kind createdAt } }"#,
            as: Callers.publisher)
        let notification = try XCTUnwrap(harness.published.current.last)
        XCTAssertEqual(
            try payload("subscription { notifications { id message callback kind createdAt } }", notification), notified)
    }
}

extension Result where Failure == GraphQLError {
    var failureCode: String? {
        if case .failure(let error) = self { return error.code }
        return nil
    }
}
