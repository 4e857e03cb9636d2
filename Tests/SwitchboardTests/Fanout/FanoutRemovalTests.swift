import GraphQL
import XCTest

@testable import Switchboard

/// Adding and removing: single, whole connection, exactly once, and the index's
/// back-pointers staying right under many swaps.
final class FanoutRemovalTests: XCTestCase {
    let app = TinyChatApp()

    func testRemoveOneExactlyOnce() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { id } }")
        XCTAssertNil(engine.add(connection: key(1), operationID: "a", topic: "chat:1", prepared: prepared), "not open yet")
        engine.openConnection(key(1), recordID: "c1")
        let a = engine.add(connection: key(1), operationID: "a", topic: "chat:1", prepared: prepared)
        XCTAssertNotNil(a)
        XCTAssertNil(engine.add(connection: key(1), operationID: "a", topic: "chat:1", prepared: prepared), "same id twice")
        _ = engine.add(connection: key(1), operationID: "b", topic: "chat:1", prepared: prepared)

        let removed = engine.remove(connection: key(1), operationID: "a")
        XCTAssertEqual(removed?.operationID, "a")
        XCTAssertEqual(removed?.topic, "chat:1")
        XCTAssertEqual(removed?.connection, key(1))
        XCTAssertNil(engine.remove(connection: key(1), operationID: "a"), "the second removal finds nothing")
        XCTAssertNil(engine.index.info(a!), "the handle is stale")
        XCTAssertEqual(engine.metrics.subscribersRemoved, 1)

        var log = FakeLog()
        engine.deliver(event: log.commit(topic: "chat:1", content: "x"), application: app)
        XCTAssertEqual(sink.delivered.count, 1)
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "b"), [1])

        // The id is free again on that connection; the old handle stays stale even though
        // its slot is reused.
        let again = engine.add(connection: key(1), operationID: "a", topic: "chat:1", prepared: prepared)
        XCTAssertNotNil(again)
        XCTAssertNotEqual(again, a)
        XCTAssertNil(engine.index.info(a!))
        XCTAssertEqual(engine.index.info(again!)?.operationID, "a")
    }

    func testCloseConnectionRemovesAllItsSubscribersOnce() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        let p1 = try app.prepare("subscription { newMessage(chatId: 1) { id } }")
        let p2 = try app.prepare("subscription { newMessage(chatId: 2) { id } }")
        for c in 1...3 as ClosedRange<UInt64> {
            engine.openConnection(key(c), recordID: "c\(c)")
            for i in 0..<4 {
                _ = engine.add(connection: key(c), operationID: "s\(i)", topic: i % 2 == 0 ? "chat:1" : "chat:2",
                               prepared: i % 2 == 0 ? p1 : p2)
            }
        }
        XCTAssertEqual(engine.index.subscriberCount, 12)
        let removed = engine.closeConnection(key(2))
        XCTAssertEqual(removed.map(\.operationID).sorted(), ["s0", "s1", "s2", "s3"])
        XCTAssertTrue(removed.allSatisfy { $0.connection == key(2) })
        XCTAssertEqual(engine.closeConnection(key(2)), [], "exactly once")
        XCTAssertNil(engine.remove(connection: key(2), operationID: "s0"))
        XCTAssertEqual(engine.index.subscriberCount, 8)
        XCTAssertEqual(engine.index.connectionCount, 2)
        XCTAssertNil(engine.index.recordID(of: key(2)))

        var log = FakeLog()
        engine.deliver(event: log.commit(topic: "chat:1", content: "x"), application: app)
        engine.deliver(event: log.commit(topic: "chat:2", content: "y"), application: app)
        XCTAssertEqual(sink.frames(to: key(2)), [])
        XCTAssertEqual(sink.frames(to: key(1)).count, 4)
        XCTAssertEqual(sink.frames(to: key(3)).count, 4)

        // The last subscribers of a topic gone: the topic and its groups go too.
        engine.closeConnection(key(1))
        engine.closeConnection(key(3))
        XCTAssertEqual(engine.index.subscriberCount, 0)
        XCTAssertEqual(engine.index.groupCount, 0)
        XCTAssertEqual(engine.index.groupCount(topic: "chat:1"), 0)
        XCTAssertTrue(engine.index.topics.isEmpty)
    }

    /// Thousands of random adds and removes against a plain model: after each step the
    /// index holds exactly the model's subscribers, and every back-pointer is right.
    func testRandomChurnKeepsTheIndexConsistent() throws {
        let prepared = (0..<3).map { n in try! app.prepare("subscription { newMessage(chatId: \(n)) { id } }") }
        var index = TopicIndex()
        var model: [SubscriberKeyModel: String] = [:]  // → topic
        var rng = SplitMix64(seed: 42)
        for c in 0..<8 as Range<UInt64> { index.openConnection(key(c), recordID: "c\(c)") }
        for step in 0..<5_000 {
            let c = key(rng.next() % 8)
            let id = "op\(rng.next() % 12)"
            let roll = rng.next() % 10
            if roll < 6 {
                let topicN = Int(rng.next() % 3)
                let handle = index.add(connection: c, operationID: id, topic: "chat:\(topicN)", prepared: prepared[topicN], lastDelivered: 0)
                let m = SubscriberKeyModel(connection: c, id: id)
                XCTAssertEqual(handle != nil, model[m] == nil, "step \(step)")
                if handle != nil { model[m] = "chat:\(topicN)" }
            } else if roll < 9 {
                let removed = index.remove(connection: c, operationID: id)
                let m = SubscriberKeyModel(connection: c, id: id)
                XCTAssertEqual(removed?.topic, model[m], "step \(step)")
                model[m] = nil
            } else {
                let removed = index.closeConnection(c)
                XCTAssertEqual(Set(removed.map(\.operationID)), Set(model.keys.filter { $0.connection == c }.map(\.id)), "step \(step)")
                for m in model.keys where m.connection == c { model[m] = nil }
                index.openConnection(c, recordID: "c\(c.rawValue)")
            }
            if step % 50 == 0 { try checkConsistency(index, model) }
        }
        try checkConsistency(index, model)
    }

    struct SubscriberKeyModel: Hashable {
        let connection: ConnectionKey
        let id: String
    }

    private func checkConsistency(_ index: TopicIndex, _ model: [SubscriberKeyModel: String]) throws {
        XCTAssertEqual(index.subscriberCount, model.count)
        var seen = 0
        for (topic, groupList) in index.topics {
            for (position, g) in groupList.enumerated() {
                let group = index.groups[Int(g)]
                XCTAssertEqual(group.topic, topic)
                XCTAssertEqual(Int(group.indexInTopic), position)
                XCTAssertFalse(group.members.isEmpty, "empty groups are removed")
                for (i, slot) in group.members.enumerated() {
                    let s = index.subscribers[Int(slot)]
                    XCTAssertTrue(s.inUse)
                    XCTAssertEqual(Int(s.indexInGroup), i)
                    XCTAssertEqual(s.group, g)
                    XCTAssertEqual(index.connections[s.connection]?.subscribers[Int(s.indexInConnection)], slot)
                    XCTAssertEqual(model[SubscriberKeyModel(connection: s.connection, id: s.operationID)], topic)
                    seen += 1
                }
            }
        }
        XCTAssertEqual(seen, model.count)
        XCTAssertEqual(index.connections.values.reduce(0) { $0 + $1.subscribers.count }, model.count)
    }
}

/// A small seeded generator, so a failing churn run can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
