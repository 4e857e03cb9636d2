import GraphQL
import XCTest

@testable import Switchboard

/// Subscribers sharing a prepared subscription share one execution per event; different
/// documents or variables get their own, with exactly their own bytes.
final class FanoutGroupingTests: XCTestCase {
    let app = TinyChatApp()

    func testThousandSubscribersOfOneDocumentShareOneExecutionPerEvent() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        var cache = PreparedSubscriptionCache()
        let query = "subscription S($c: ID!) { newMessage(chatId: $c) { id content } }"
        for n in 0..<1_000 {
            let connection = key(UInt64(n % 100))  // ten subscriptions on each of 100 connections
            engine.openConnection(connection, recordID: "c\(n % 100)")
            let cacheKey = PreparedSubscriptionCache.Key(document: query, operationName: "S", variables: ["c": .string("room")])
            let prepared = try cache.prepared(for: cacheKey) { () throws(GraphQLErrors) in
                do { return try app.prepare(query, ["c": .string("room")], operationName: "S") } catch { XCTFail("\(error)"); throw GraphQLErrors([]) }
            }
            XCTAssertNotNil(engine.add(connection: connection, operationID: "op\(n)", topic: "chat:room", prepared: prepared))
        }
        XCTAssertEqual(cache.misses, 1)
        XCTAssertEqual(cache.hits, 999)
        XCTAssertEqual(engine.index.groupCount(topic: "chat:room"), 1)
        XCTAssertEqual(engine.index.subscriberCount(topic: "chat:room"), 1_000)

        var log = FakeLog()
        for i in 1...3 {
            engine.deliver(event: log.commit(topic: "chat:room", content: "m\(i)"), application: app)
        }
        XCTAssertEqual(engine.metrics.groupsExecuted, 3, "one execution per event for the whole group")
        XCTAssertEqual(engine.metrics.deliveries, 3_000)
        XCTAssertEqual(sink.delivered.count, 3_000)
        // Every subscriber got exactly its own frame for each event, in order.
        for n in [0, 1, 57, 999] {
            let frames = sink.frames(to: key(UInt64(n % 100))).filter { $0.text.hasPrefix(#"{"id":"op\#(n)","#) }
            XCTAssertEqual(frames.map(\.text), (1...3).map {
                #"{"id":"op\#(n)","type":"next","payload":{"data":{"newMessage":{"id":"\#($0)","content":"m\#($0)"}}}}"#
            })
            XCTAssertEqual(frames.map(\.tag), [1, 2, 3])
        }
    }

    func testDifferentSelectionsAndVariablesMakeSeparateGroupsWithExactBytes() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        let c = key(1)
        engine.openConnection(c, recordID: "c1")
        let subscriptions: [(id: String, query: String, variables: JSONObject, expected: String)] = [
            ("plain", "subscription($c: ID!) { newMessage(chatId: $c) { id content } }", ["c": .string("r")],
             #"{"newMessage":{"id":"1","content":"hi \"you\""}}"#),
            ("alias", "subscription($c: ID!) { msg: newMessage(chatId: $c) { key: id text: content } }", ["c": .string("r")],
             #"{"msg":{"key":"1","text":"hi \"you\""}}"#),
            ("fragment", """
                subscription($c: ID!) { newMessage(chatId: $c) { ...M who: sender } }
                fragment M on Message { chatId loud }
                """, ["c": .string("r")],
             #"{"newMessage":{"chatId":"r","loud":"HI \"YOU\"","who":"ann"}}"#),
            ("typename", "subscription($c: ID!) { newMessage(chatId: $c) { __typename id } }", ["c": .string("r")],
             #"{"newMessage":{"__typename":"Message","id":"1"}}"#),
            // Same document as "plain", other variables (a different `shout`): a group of its own.
            ("vars", "subscription($c: ID!, $s: Boolean) { newMessage(chatId: $c, shout: $s) { id content } }",
             ["c": .string("r"), "s": .bool(true)],
             #"{"newMessage":{"id":"1","content":"hi \"you\""}}"#),
        ]
        var cache = PreparedSubscriptionCache()
        for s in subscriptions {
            let cacheKey = PreparedSubscriptionCache.Key(document: s.query, operationName: nil, variables: s.variables)
            let prepared = try cache.prepared(for: cacheKey) { () throws(GraphQLErrors) in
                do { return try app.prepare(s.query, s.variables) } catch { XCTFail("\(error)"); throw GraphQLErrors([]) }
            }
            let source = try app.source(forSubscriptionField: prepared.rootFieldName, arguments: prepared.arguments, identity: .anonymous)
            XCTAssertEqual(source.topic, "chat:r")
            XCTAssertNotNil(engine.add(connection: c, operationID: s.id, topic: source.topic, prepared: prepared))
        }
        XCTAssertEqual(engine.index.groupCount(topic: "chat:r"), subscriptions.count)

        var log = FakeLog()
        engine.deliver(event: log.commit(topic: "chat:r", content: #"hi "you""#), application: app)
        XCTAssertEqual(engine.metrics.groupsExecuted, subscriptions.count)
        XCTAssertEqual(
            sink.delivered.map(\.text).sorted(),
            subscriptions.map { #"{"id":"\#($0.id)","type":"next","payload":{"data":\#($0.expected)}}"# }.sorted())
        // Each frame is valid JSON.
        for frame in sink.delivered { XCTAssertNoThrow(try JSON.parse(frame.text)) }
    }

    func testSameDocumentOnTwoTopicsIsTwoGroups() throws {
        // `notifications`-like: the topic may come from the identity, not the variables.
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        engine.openConnection(key(1), recordID: "c1")
        let prepared = try app.prepare(#"subscription { newMessage(chatId: "x") { id } }"#)
        XCTAssertNotNil(engine.add(connection: key(1), operationID: "a", topic: "user:ann", prepared: prepared))
        XCTAssertNotNil(engine.add(connection: key(1), operationID: "b", topic: "user:bob", prepared: prepared))
        XCTAssertEqual(engine.index.groupCount, 2)
        var log = FakeLog()
        engine.deliver(event: log.commit(topic: "user:bob", content: "x"), application: app)
        XCTAssertEqual(sink.delivered.map(\.text), [#"{"id":"b","type":"next","payload":{"data":{"newMessage":{"id":"1"}}}}"#])
    }

    func testCacheIsKeyedByTextOperationAndVariablesAndBounded() throws {
        var cache = PreparedSubscriptionCache(capacity: 2)
        var prepares = 0
        func get(_ doc: String, _ op: String?, _ vars: JSONObject) throws -> PreparedSubscription {
            try cache.prepared(for: .init(document: doc, operationName: op, variables: vars)) { () throws(GraphQLErrors) in
                prepares += 1
                do { return try app.prepare(doc, vars, operationName: op) } catch { throw GraphQLErrors([]) }
            }
        }
        let doc = "subscription A($c: ID!) { newMessage(chatId: $c) { id } } subscription B { newMessage(chatId: 1) { id } }"
        let a1 = try get(doc, "A", ["c": .string("1")])
        XCTAssertTrue(a1 === (try get(doc, "A", ["c": .string("1")])))
        XCTAssertFalse(a1 === (try get(doc, "A", ["c": .string("2")])))
        XCTAssertEqual(prepares, 2)
        // A third key evicts the least recently used ("A"/2), not "A"/1 used just before it.
        _ = try get(doc, "A", ["c": .string("1")])
        _ = try get(doc, "B", [:])
        XCTAssertEqual(cache.count, 2)
        XCTAssertTrue(a1 === (try get(doc, "A", ["c": .string("1")])))
        XCTAssertEqual(prepares, 3)
        // A failure is not cached.
        XCTAssertThrowsError(try cache.prepared(for: .init(document: "x", operationName: nil, variables: [:])) { () throws(GraphQLErrors) in
            throw GraphQLErrors([GraphQLError("Syntax Error")])
        })
        XCTAssertEqual(cache.count, 2)
    }
}
