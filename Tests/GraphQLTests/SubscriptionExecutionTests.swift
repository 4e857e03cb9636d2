import XCTest

@testable import GraphQL

final class SubscriptionExecutionTests: XCTestCase {
    static let chatSDL = #"""
type Query {
  messages(chatId: ID!, last: Int = 50, before: ID): [Message!]!
  me: User
}

type Mutation {
  postMessage(chatId: ID!, content: String!, senderName: String): Message!
  notifyUser(userId: ID!, message: String!, callback: String): Notification!
}

type Subscription {
  newMessage(chatId: ID!, after: ID): Message!
  notifications(after: ID): Notification!
}

type Message {
  id: ID!
  chatId: ID!
  content: String!
  senderName: String!
  createdAt: String!
}

type Notification {
  id: ID!
  message: String!
  callback: String
  kind: NotificationKind!
  createdAt: String!
}

enum NotificationKind {
  ACTIONABLE
  FEEDBACK
}

type User {
  id: ID!
  name: String
}
"""#

    /// A chat message as the application keeps it: read field by field, no dictionary.
    struct Message: GraphQLObjectValue {
        var id: String
        var chatId: String
        var content: String?
        var senderName: String
        var createdAt: String

        func fieldValue(_ name: String) -> GraphQLValue {
            switch name {
            case "id": return .string(id)
            case "chatId": return .string(chatId)
            case "content": return .optional(content)
            case "senderName": return .string(senderName)
            case "createdAt": return .string(createdAt)
            default: return .null
            }
        }
    }

    static let event = Message(
        id: "17", chatId: "room1", content: "hi \"there\"", senderName: "Ann", createdAt: "2026-11-23T10:00:00.123Z")

    func prepare(_ query: String, _ variables: JSONObject = [:], operationName: String? = nil) throws -> PreparedSubscription {
        let schema = try buildSchema(Source(Self.chatSDL))
        return try prepareSubscription(
            schema: schema, document: try parseDocument(Source(query)), operationName: operationName, variables: variables)
    }

    func testRootFieldArgumentsAndPayloadBytes() throws {
        let prepared = try prepare(
            "subscription S($c: ID!) { newMessage(chatId: $c) { id chatId content senderName createdAt __typename } }",
            ["c": .string("room1")])
        XCTAssertEqual(prepared.rootFieldName, "newMessage")
        XCTAssertEqual(prepared.responseKey, "newMessage")
        XCTAssertEqual(prepared.arguments, ["chatId": .string("room1")])
        let bytes = prepared.execute(event: Self.event)
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            #"{"data":{"newMessage":{"id":"17","chatId":"room1","content":"hi \"there\"","senderName":"Ann","createdAt":"2026-11-23T10:00:00.123Z","__typename":"Message"}}}"#
        )
        // The same prepared subscription gives the same bytes for every subscriber.
        XCTAssertEqual(prepared.execute(event: Self.event), bytes)
    }

    func testAliasesFragmentsAndLiteralArguments() throws {
        let prepared = try prepare(
            """
            subscription { m: newMessage(chatId: 5, after: "3") { ...F at: createdAt } }
            fragment F on Message { id text: content }
            """)
        XCTAssertEqual(prepared.rootFieldName, "newMessage")
        XCTAssertEqual(prepared.responseKey, "m")
        XCTAssertEqual(prepared.arguments, ["chatId": .string("5"), "after": .string("3")])
        XCTAssertEqual(
            String(decoding: prepared.execute(event: Self.event), as: UTF8.self),
            #"{"data":{"m":{"id":"17","text":"hi \"there\"","at":"2026-11-23T10:00:00.123Z"}}}"#)
    }

    func testNullInNonNullFieldNullsTheData() throws {
        let prepared = try prepare("subscription { newMessage(chatId: \"a\") { id content } }")
        var event = Self.event
        event.content = nil
        XCTAssertEqual(
            String(decoding: prepared.execute(event: event), as: UTF8.self),
            #"{"data":null,"errors":[{"message":"Cannot return null for non-nullable field Message.content.","locations":[{"line":1,"column":45}],"path":["newMessage","content"]}]}"#
        )
    }

    func testJSONEventsAndFieldErrors() throws {
        let schema = try buildSchema(
            Source("type Query { a: Int } type Subscription { tick(n: Int = 1): Tick } type Tick { n: Int bad: Int late: Int }"))
        let prepared = try prepareSubscription(
            schema: schema, document: try parseDocument(Source("subscription { tick { n bad late __typename } }")))
        XCTAssertEqual(prepared.arguments, ["n": .int(1)])
        var resolvers = Resolvers()
        resolvers.sync("Tick.bad") { _, _, _, _ in throw GraphQLError("bad tick") }
        resolvers.async("Tick.late") { _, _, _, _ in .int(1) }
        let bytes = prepared.execute(
            eventValue: .json(.object(["n": .int(3), "bad": .int(4)])), resolvers: resolvers)
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            #"{"data":{"tick":{"n":3,"bad":null,"late":null,"__typename":"Tick"}},"errors":[{"message":"bad tick","locations":[{"line":1,"column":25}],"path":["tick","bad"]},{"message":"Resolver for 'Tick.late' is asynchronous and cannot run while delivering a subscription event.","locations":[{"line":1,"column":29}],"path":["tick","late"]}]}"#
        )
        XCTAssertEqual(
            String(decoding: prepared.execute(eventValue: .null), as: UTF8.self), #"{"data":{"tick":null}}"#)
    }

    func testPrepareErrors() throws {
        let cases: [(String, JSONObject, String)] = [
            ("query { me { id } }", [:], "Expected subscription operation."),
            (
                "subscription($c: ID!) { newMessage(chatId: $c) { id } }", [:],
                "Variable '$c' has invalid value: Expected a value of non-null type 'ID!' to be provided."
            ),
            ("subscription { nope { id } }", [:], "The subscription field 'nope' is not defined."),
            (
                "subscription { newMessage { id } }", [:],
                "Argument 'chatId' of required type 'ID!' was not provided."
            ),
        ]
        for (query, variables, message) in cases {
            do {
                _ = try prepare(query, variables)
                XCTFail("expected an error for \(query)")
            } catch let error as GraphQLErrors {
                XCTAssertEqual(error.errors.map(\.message), [message], query)
            }
        }
    }

    func testEventExecutionSpeed() throws {
        // A smoke measurement (debug builds are far slower than the 3 µs release target).
        let prepared = try prepare(
            "subscription($c: ID!) { newMessage(chatId: $c) { id chatId content senderName createdAt __typename } }",
            ["c": .string("room1")])
        let n = 20_000
        let start = DispatchTime.now().uptimeNanoseconds
        var total = 0
        for _ in 0..<n { total &+= prepared.execute(event: Self.event).count }
        let perEvent = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(n)
        print("subscription event execution: \(Int(perEvent)) ns per event (this build)")
        XCTAssertGreaterThan(total, 0)
    }
}
