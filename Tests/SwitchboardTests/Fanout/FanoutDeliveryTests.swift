import GraphQL
import XCTest

@testable import Switchboard

/// Frame bytes, tags, id order and duplicate suppression.
final class FanoutDeliveryTests: XCTestCase {
    let app = TinyChatApp()
    let query = "subscription { newMessage(chatId: 1) { id content } }"

    func testFrameBytesSpliceTheEscapedIDAndTheSharedPayload() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        engine.openConnection(key(7), recordID: "c7")
        let prepared = try app.prepare(query)
        let ids = ["1", #"a"b\c"#, "é✓", "\u{1}"]
        for id in ids { XCTAssertNotNil(engine.add(connection: key(7), operationID: id, topic: "chat:1", prepared: prepared)) }
        var log = FakeLog()
        engine.deliver(event: log.commit(topic: "chat:1", content: "ok"), application: app)
        let payload = #"{"data":{"newMessage":{"id":"1","content":"ok"}}}"#
        XCTAssertEqual(Set(sink.delivered.map(\.text)), [
            #"{"id":"1","type":"next","payload":"# + payload + "}",
            #"{"id":"a\"b\\c","type":"next","payload":"# + payload + "}",
            #"{"id":"é✓","type":"next","payload":"# + payload + "}",
            #"{"id":"\u0001","type":"next","payload":"# + payload + "}",
        ])
        XCTAssertEqual(Set(sink.delivered.map(\.tag)), [1])
        XCTAssertTrue(sink.delivered.allSatisfy { $0.connection == key(7) })
        // The tag and the frame map back to the event and the operation.
        for frame in sink.delivered {
            let id = Array(frame.text.utf8).withUnsafeBytes { FanoutTag.operationID(ofFrame: $0) }
            XCTAssertNotNil(id.flatMap { ids.contains($0) ? $0 : nil }, frame.text)
            XCTAssertEqual(FanoutTag.eventID(ofTag: frame.tag), 1)
        }
        XCTAssertNil(FanoutTag.eventID(ofTag: 0))
        XCTAssertNil(Array(#"{"type":"complete"}"#.utf8).withUnsafeBytes { FanoutTag.operationID(ofFrame: $0) })
    }

    func testOnlyTheEventsTopicIsReachedAndNothingBeforeTheSubscription() throws {
        let sink = MemorySink()
        var log = FakeLog()
        for _ in 0..<5 { _ = log.commit(topic: "chat:1", content: "old") }
        let engine = makeEngine(sink: sink, latestEventID: 5)
        engine.openConnection(key(1), recordID: "c1")
        let prepared = try app.prepare(query)
        _ = engine.add(connection: key(1), operationID: "a", topic: "chat:1", prepared: prepared)
        _ = engine.add(connection: key(1), operationID: "b", topic: "chat:2", prepared: try app.prepare("subscription { newMessage(chatId: 2) { id } }"))
        // A late duplicate of an event from before the subscription (the watch) is not sent.
        engine.deliver(event: log.events[4], application: app)
        engine.deliver(event: log.commit(topic: "chat:1", content: "x"), application: app)
        engine.deliver(event: log.commit(topic: "chat:3", content: "nobody"), application: app)
        engine.deliver(event: log.commit(topic: "chat:2", content: "y"), application: app)
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "a"), [6])
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "b"), [8])
        XCTAssertEqual(engine.metrics.events, 4)
        XCTAssertEqual(engine.metrics.eventsFannedOut, 2)
        XCTAssertEqual(engine.latestEventID, 8)
    }

    func testIDOrderAndDuplicateSuppression() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        engine.openConnection(key(1), recordID: "c1")
        let prepared = try app.prepare(query)
        _ = engine.add(connection: key(1), operationID: "a", topic: "chat:1", prepared: prepared)
        var log = FakeLog()
        let events = (1...5).map { log.commit(topic: "chat:1", content: "m\($0)") }
        // In order, then again (the watch reporting what this process appended), then an
        // older one late: each goes out once, in id order.
        for e in events { engine.deliver(event: e, application: app) }
        for e in events { engine.deliver(event: e, application: app) }
        engine.deliver(event: events[1], application: app)
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "a"), [1, 2, 3, 4, 5])
        XCTAssertEqual(engine.metrics.duplicatesSkipped, 6)
        XCTAssertEqual(engine.metrics.deliveries, 5)
        // An event every member has seen is not even executed again.
        XCTAssertEqual(engine.metrics.groupsExecuted, 5)
    }

    func testSubscribersJoiningLaterStartAtTheLatestEvent() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        engine.openConnection(key(1), recordID: "c1")
        let prepared = try app.prepare(query)
        var log = FakeLog()
        _ = engine.add(connection: key(1), operationID: "early", topic: "chat:1", prepared: prepared)
        engine.deliver(event: log.commit(topic: "chat:1", content: "1"), application: app)
        _ = engine.add(connection: key(1), operationID: "late", topic: "chat:1", prepared: prepared)
        // The watch repeats event 1: the late one must not get it, the early one not twice.
        engine.deliver(event: log.events[0], application: app)
        engine.deliver(event: log.commit(topic: "chat:1", content: "2"), application: app)
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "early"), [1, 2])
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "late"), [2])
    }
}
