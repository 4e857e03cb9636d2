import XCTest

@testable import Switchboard

/// Dead-letter warnings: the first batch at once, then at most one summed record a second.
final class DeadLetterLogWindowTests: XCTestCase {
    func letters(_ events: ClosedRange<Int64>, connection: String = "c-1") -> [DeadLetter] {
        events.map {
            DeadLetter(eventId: $0, connectionId: connection, subscriptionId: "s", reason: "closed with 1013",
                       createdAt: "2026-12-05T21:00:00.000Z")
        }
    }

    func testFirstBatchAtOnceThenSummedOncePerSecond() {
        var window = DeadLetterLogWindow()
        let second = DeadLetterLogWindow.interval
        XCTAssertNil(window.take(now: 0, force: false), "nothing pending, nothing to log")
        window.add(letters(1...2))
        XCTAssertEqual(window.take(now: 5, force: false),
                       .init(count: 2, connections: ["c-1"], firstEvent: 1, lastEvent: 2, reason: "closed with 1013"))
        window.add(letters(3...3))
        XCTAssertNil(window.take(now: 5 + second / 2, force: false), "within the second: held")
        window.add(letters(4...6, connection: "c-2"))
        XCTAssertEqual(window.take(now: 5 + second, force: false),
                       .init(count: 4, connections: ["c-1", "c-2"], firstEvent: 3, lastEvent: 6, reason: "closed with 1013"),
                       "a second later: everything held, summed")
        XCTAssertNil(window.take(now: 5 + 3 * second, force: true), "taken once")
    }

    func testForceLogsWhatIsHeld() {
        var window = DeadLetterLogWindow()
        window.add(letters(1...1))
        XCTAssertNotNil(window.take(now: 10, force: false))
        window.add(letters(2...2))
        XCTAssertNil(window.take(now: 11, force: false))
        XCTAssertEqual(window.take(now: 12, force: true)?.count, 1, "a close or the end of the loop flushes")
    }
}
