import GraphQL
import XCTest

@testable import Switchboard

/// Resume with `after:`: backlog pages, then held live events, with no gap and no duplicate,
/// whatever the order in which commits, fan-outs, page reads and page arrivals interleave.
final class FanoutCatchUpTests: XCTestCase {
    let app = TinyChatApp()

    enum Step {
        /// `n` events committed to the log (chat:1 and, every third, chat:other), not fanned out yet.
        case commit(Int)
        /// Every committed event not yet fanned out reaches the engine, in id order.
        case fanOut
        /// The server asks the store for the next page (the result is a snapshot of now).
        case read
        /// The page read earlier arrives on the service thread.
        case page
    }

    struct Scenario {
        let name: String
        /// Events committed and fanned out before the subscription (ids 1...).
        var before = 6
        /// Events committed before the subscription but fanned out only at the next `.fanOut`.
        var inFlightAtSubscribe = 0
        let after: Int64
        var pageSize = 2
        let steps: [Step]
        /// How many page reads it must take in all, when that is the point of the row.
        var reads: Int? = nil
    }

    // `before: 6` puts ids 1,2,4,5 on chat:1 and 3,6 on chat:other.
    let scenarios: [Scenario] = [
        Scenario(name: "nothing to replay", after: 6, steps: [.read, .page], reads: 1),
        Scenario(name: "empty topic", before: 0, after: 0, steps: [.read, .page, .commit(2), .fanOut]),
        Scenario(name: "backlog in one page", after: 0, pageSize: 10, steps: [.read, .page], reads: 1),
        Scenario(name: "backlog over pages", after: 0, steps: [.read, .page, .read, .page, .read, .page], reads: 3),
        Scenario(name: "resume mid-log", after: 2, steps: [.read, .page, .read, .page]),
        Scenario(name: "live before the first read", after: 0, steps: [.commit(2), .fanOut, .read, .page, .read, .page, .read, .page]),
        Scenario(name: "live between pages", after: 0,
                 steps: [.read, .page, .commit(1), .fanOut, .read, .page, .commit(2), .fanOut, .read, .page]),
        Scenario(name: "fanned out while a read is in flight", after: 0,
                 steps: [.read, .commit(1), .fanOut, .page, .read, .commit(1), .fanOut, .page]),
        Scenario(name: "committed before a read, fanned out while it is in flight (seam duplicate)", after: 4, pageSize: 10,
                 steps: [.commit(2), .read, .fanOut, .page]),
        Scenario(name: "committed before a read, fanned out after the last page", after: 4, pageSize: 10,
                 steps: [.commit(3), .read, .page, .fanOut]),
        Scenario(name: "committed before the subscription, fanned out after it", inFlightAtSubscribe: 3, after: 1,
                 steps: [.fanOut, .read, .page, .read, .page]),
        Scenario(name: "in flight at subscription, fanned out mid-read", inFlightAtSubscribe: 2, after: 0,
                 steps: [.read, .fanOut, .page, .commit(1), .read, .fanOut, .page]),
        // Held: 7, 8, 10, 11. Pages [1,2] [4,5] [7,8]: the third reaches the held ones, so
        // no fourth and fifth read.
        Scenario(name: "seam reached before the store runs out", after: 0, steps: [.commit(6), .fanOut], reads: 3),
        Scenario(name: "many live events while the backlog trickles", before: 12, after: 0,
                 steps: [.read, .commit(3), .fanOut, .page, .commit(3), .read, .fanOut, .page, .commit(3), .fanOut]),
        Scenario(name: "after beyond the latest id", after: 100, steps: [.read, .page, .commit(3), .fanOut]),
    ]

    func testInterleavingsTable() throws {
        for scenario in scenarios {
            try run(scenario)
        }
    }

    private func run(_ scenario: Scenario) throws {
        let name = scenario.name
        let sink = MemorySink()
        var log = FakeLog()
        var fanned = 0
        var commits = 0
        func commit() {
            commits += 1
            _ = log.commit(topic: commits % 3 == 0 ? "chat:other" : "chat:1", content: "m\(commits)")
        }
        for _ in 0..<scenario.before { commit() }
        fanned = log.events.count
        let engine = makeEngine(sink: sink, latestEventID: Int64(fanned))
        for _ in 0..<scenario.inFlightAtSubscribe { commit() }

        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { id content } }")
        engine.openConnection(key(1), recordID: "c1")
        engine.openConnection(key(2), recordID: "c2")
        // A live companion in the same group: it must not wait for anyone's backlog.
        _ = engine.add(connection: key(2), operationID: "live", topic: "chat:1", prepared: prepared)
        let handle = try XCTUnwrap(engine.add(connection: key(1), operationID: "r", topic: "chat:1", prepared: prepared))
        XCTAssertTrue(engine.beginCatchUp(handle, after: scenario.after))

        var nextAfter = scenario.after
        var pending: [StoredEvent]?
        var done = false
        var reads = 0
        func fanOut() {
            while fanned < log.events.count {
                engine.deliver(event: log.events[fanned], application: app)
                fanned += 1
            }
        }
        func read() {
            guard !done, pending == nil else { return }
            pending = log.page(topic: "chat:1", after: nextAfter, limit: scenario.pageSize)
            reads += 1
        }
        func page() {
            guard !done, let page = pending else { return }
            pending = nil
            switch engine.deliverBacklog(handle, events: page, isLastPage: page.count < scenario.pageSize, application: app) {
            case .readMore(let after): nextAfter = after
            case .caughtUp: done = true
            case .stopped: XCTFail("\(name): stopped"); done = true
            }
        }
        for step in scenario.steps {
            switch step {
            case .commit(let n): for _ in 0..<n { commit() }
            case .fanOut: fanOut()
            case .read: read()
            case .page: page()
            }
        }
        // Then the server's loop runs to the end, and life goes on.
        var turns = 0
        while !done {
            read()
            page()
            turns += 1
            if turns > 1_000 {
                XCTFail("\(name): the backlog never ends (stuck at after \(nextAfter))")
                return
            }
        }
        if let expectedReads = scenario.reads { XCTAssertEqual(reads, expectedReads, "\(name): page reads") }
        fanOut()
        for _ in 0..<3 { commit() }
        fanOut()

        let expected = log.events.filter { $0.topic == "chat:1" && $0.id > scenario.after }.map(\.id)
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "r"), expected, name)
        let live = log.events.filter { $0.topic == "chat:1" && $0.id > Int64(scenario.before) }.map(\.id)
        XCTAssertEqual(sink.eventIDs(to: key(2), operation: "live"), live, "\(name): the live companion")
        XCTAssertEqual(engine.index.info(handle)?.isCatchingUp, false, name)
        XCTAssertEqual(engine.index.subscribers[Int(handle.slot)].held.count, 0, name)
        // Frames carry each event's own bytes (event n's content is "mn").
        XCTAssertEqual(
            sink.frames(to: key(1)).map(\.text),
            expected.map { #"{"id":"r","type":"next","payload":{"data":{"newMessage":{"id":"\#($0)","content":"m\#($0)"}}}}"# },
            name)
    }

    func testFinishCatchUpFlushesHeldEventsInOrder() throws {
        let sink = MemorySink()
        var log = FakeLog()
        _ = log.commit(topic: "chat:1", content: "1")
        let engine = makeEngine(sink: sink, latestEventID: 1)
        engine.openConnection(key(1), recordID: "c1")
        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { id } }")
        let h = try XCTUnwrap(engine.add(connection: key(1), operationID: "r", topic: "chat:1", prepared: prepared))
        engine.beginCatchUp(h, after: 0)
        for i in 2...4 { engine.deliver(event: log.commit(topic: "chat:1", content: "\(i)"), application: app) }
        XCTAssertEqual(sink.delivered.count, 0, "held while catching up")
        XCTAssertEqual(engine.metrics.eventsHeld, 3)
        XCTAssertEqual(engine.index.info(h)?.isCatchingUp, true)
        // A full page holding only event 1: the server would read on; it decides to finish.
        XCTAssertEqual(engine.deliverBacklog(h, events: [log.events[0]], isLastPage: false, application: app), .readMore(after: 1))
        XCTAssertEqual(engine.finishCatchUp(h), 3)
        XCTAssertEqual(engine.finishCatchUp(h), 0, "only once")
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "r"), [1, 2, 3, 4])
        XCTAssertEqual(
            sink.delivered.map(\.text),
            (1...4).map { #"{"id":"r","type":"next","payload":{"data":{"newMessage":{"id":"\#($0)"}}}}"# })
        XCTAssertEqual(engine.deliverBacklog(h, events: [], isLastPage: true, application: app), .caughtUp)
        engine.deliver(event: log.commit(topic: "chat:1", content: "5"), application: app)
        XCTAssertEqual(sink.eventIDs(to: key(1), operation: "r"), [1, 2, 3, 4, 5])
        XCTAssertEqual(engine.metrics.backlogExecutions, 1)
    }

    func testRemovedWhileCatchingUpStopsTheReading() throws {
        let sink = MemorySink()
        let engine = makeEngine(sink: sink, latestEventID: 3)
        engine.openConnection(key(1), recordID: "c1")
        let prepared = try app.prepare("subscription { newMessage(chatId: 1) { id } }")
        var log = FakeLog()
        for i in 1...3 { _ = log.commit(topic: "chat:1", content: "\(i)") }
        let h = try XCTUnwrap(engine.add(connection: key(1), operationID: "r", topic: "chat:1", prepared: prepared))
        engine.beginCatchUp(h, after: 0)
        let page = log.page(topic: "chat:1", after: 0, limit: 2)
        XCTAssertNotNil(engine.remove(connection: key(1), operationID: "r"))
        // The slot is reused by someone else: the old handle still finds nobody.
        _ = engine.add(connection: key(1), operationID: "other", topic: "chat:1", prepared: prepared)
        XCTAssertEqual(engine.deliverBacklog(h, events: page, isLastPage: false, application: app), .stopped)
        XCTAssertEqual(engine.finishCatchUp(h), 0)
        XCTAssertFalse(engine.beginCatchUp(h, after: 0))
        XCTAssertEqual(sink.delivered.count, 0)
    }
}
