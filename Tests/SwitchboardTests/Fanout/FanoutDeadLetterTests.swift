import GraphQL
import XCTest

@testable import Switchboard

/// A connection whose queue overflows: every event it did not receive becomes one dead
/// letter (event id, its connection's store id, the subscription id), while others keep
/// receiving everything.
final class FanoutDeadLetterTests: XCTestCase {
    let app = TinyChatApp()

    struct Letter: Hashable {
        let event: Int64
        let connection: String
        let subscription: String
    }

    func testOverflowMapsEveryUndeliveredEventToADeadLetter() throws {
        let sink = MemorySink()
        sink.maxQueueBytes = 400
        let engine = makeEngine(sink: sink)
        let slow = key(1)
        let fast = key(2)
        engine.openConnection(slow, recordID: "conn-slow")
        engine.openConnection(fast, recordID: "conn-fast")
        let p1 = try app.prepare("subscription { newMessage(chatId: 1) { id content } }")
        let p2 = try app.prepare("subscription { m: newMessage(chatId: 1) { id } }")
        _ = engine.add(connection: slow, operationID: "a", topic: "chat:1", prepared: p1)
        _ = engine.add(connection: slow, operationID: #"x"y"#, topic: "chat:1", prepared: p2)
        let resuming = try XCTUnwrap(engine.add(connection: slow, operationID: "c", topic: "chat:1", prepared: p1))
        engine.beginCatchUp(resuming, after: 0)
        _ = engine.add(connection: fast, operationID: "f", topic: "chat:1", prepared: p1)

        var log = FakeLog()
        // Event 1 reaches the slow peer (it reads once), then it stops reading.
        engine.deliver(event: log.commit(topic: "chat:1", content: "one"), application: app)
        sink.flush(slow)
        sink.flush(fast)
        // A frame of the server's own (tag 0) waits in the queue too: not a dead letter.
        let ack = Array(#"{"type":"pong"}"#.utf8)
        sink.write(connection: slow, byteCount: ack.count, tag: 0) { $0.copyBytes(from: ack) }
        var overflowAt: Int64?
        for i in 2...12 {
            let event = log.commit(topic: "chat:1", content: "m\(i)")
            engine.deliver(event: event, application: app)
            sink.flush(fast)
            if overflowAt == nil, sink.overflowed.contains(slow) { overflowAt = event.id }
        }
        XCTAssertNotNil(overflowAt, "the slow queue overflowed")
        XCTAssertEqual(engine.metrics.overflows, 1)

        var expected: Set<Letter> = []
        for id in Int64(2)...12 {
            expected.insert(Letter(event: id, connection: "conn-slow", subscription: "a"))
            expected.insert(Letter(event: id, connection: "conn-slow", subscription: #"x"y"#))
        }
        // The resuming one was holding every live event: none reached it.
        for id in Int64(1)...12 { expected.insert(Letter(event: id, connection: "conn-slow", subscription: "c")) }
        let letters = engine.takeDeadLetters()
        XCTAssertEqual(letters.count, expected.count, "one letter per undelivered event and subscription")
        XCTAssertEqual(Set(letters.map { Letter(event: $0.eventId, connection: $0.connectionId, subscription: $0.subscriptionId) }), expected)
        XCTAssertTrue(letters.allSatisfy { $0.reason == engine.deadLetterReason && $0.createdAt.hasSuffix("Z") })
        XCTAssertEqual(engine.metrics.deadLetters, expected.count)
        XCTAssertEqual(engine.takeDeadLetters(), [], "taken once")

        // Everyone else got everything; the slow peer got event 1 only.
        XCTAssertEqual(sink.eventIDs(to: fast, operation: "f"), Array(1...12))
        XCTAssertEqual(sink.eventIDs(to: slow, operation: "a"), [1])
        XCTAssertEqual(sink.eventIDs(to: slow, operation: #"x"y"#), [1])
        // The overflowed subscribers send nothing more: the sink saw no frame for them after
        // the overflow, the engine recorded the letters itself.
        XCTAssertEqual(engine.deliverBacklog(resuming, events: [log.events[0]], isLastPage: true, application: app), .stopped)

        // The server closes the connection: its subscribers go once, and nothing more is recorded.
        XCTAssertEqual(engine.closeConnection(slow).count, 3)
        engine.deliver(event: log.commit(topic: "chat:1", content: "after"), application: app)
        sink.flush(fast)
        XCTAssertEqual(engine.takeDeadLetters(), [])
        XCTAssertEqual(sink.eventIDs(to: fast, operation: "f"), Array(1...13))
    }

    func testDropsReportedOutsideADeliveryApplyAtOnce() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink)
        engine.openConnection(key(1), recordID: "c1")
        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { id } }")
        _ = engine.add(connection: key(1), operationID: "s", topic: "chat:1", prepared: prepared)
        // The transport reports two queued fan-out frames and one of its own when, say, a
        // `complete` overflows the queue.
        let frames = [
            (tag: UInt64(7), text: #"{"id":"s","type":"next","payload":{"data":{"newMessage":{"id":"7"}}}}"#),
            (tag: UInt64(0), text: #"{"id":"s","type":"complete"}"#),
            (tag: UInt64(9), text: #"{"id":"gone","type":"next","payload":{"data":null}}"#),
        ]
        let buffers = frames.map { Array($0.text.utf8) }
        withExtendedLifetime(buffers) {
            let pointers = buffers.map { b in b.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) } }
            engine.framesDropped(connection: key(1), frames: zip(frames, pointers).map { (tag: $0.tag, bytes: $1) })
        }
        let letters = engine.takeDeadLetters()
        XCTAssertEqual(letters.map(\.eventId), [7, 9])
        XCTAssertEqual(letters.map(\.subscriptionId), ["s", "gone"], "an ended subscription's frame still names it")
        XCTAssertEqual(letters.map(\.connectionId), ["c1", "c1"])
        // From now on the connection's events are letters, not frames.
        var log = FakeLog()
        log.nextID = 10
        engine.deliver(event: log.commit(topic: "chat:1", content: "x"), application: app)
        XCTAssertEqual(sink.delivered.count, 0)
        XCTAssertEqual(engine.takeDeadLetters().map(\.eventId), [10])
        // A subscriber added to the overflowed connection (a subscribe already in the
        // mailbox) sends nothing either.
        _ = engine.add(connection: key(1), operationID: "late", topic: "chat:1", prepared: prepared)
        engine.deliver(event: log.commit(topic: "chat:1", content: "y"), application: app)
        XCTAssertEqual(sink.delivered.count, 0)
        XCTAssertEqual(Set(engine.takeDeadLetters().map(\.subscriptionId)), ["s", "late"])
    }
}
