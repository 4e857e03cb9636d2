import Foundation
import XCTest

@testable import Switchboard

final class SQLiteStoreWatchTests: SQLiteStoreTestCase {
    /// Collects what a watch delivers, with the time each batch arrived.
    final class Collector: @unchecked Sendable {
        // @unchecked Sendable: `events` only touched with `lock` held.
        private let lock = NSLock()
        private var events: [StoredEvent] = []
        private var arrivals: [Date] = []
        func add(_ batch: [StoredEvent]) {
            lock.withLock {
                events += batch
                arrivals.append(Date())
            }
        }
        var ids: [Int64] { lock.withLock { events.map(\.id) } }
        var lastArrival: Date? { lock.withLock { arrivals.last } }

        /// Waits until `count` events have arrived (or the timeout).
        func wait(for count: Int, timeout: Double) -> [Int64] {
            let deadline = Date().addingTimeInterval(timeout)
            while ids.count < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            return ids
        }
    }

    func testWatchSeesThisStoresOwnCommitsInIDOrder() async throws {
        let store = try openStore()
        let collector = Collector()
        let watch = store.watch(after: 0) { collector.add($0) }
        defer { watch.cancel() }
        for number in 0..<5 {
            _ = try await store.append([event("chat:1", "\(number)"), event("user:u", "\(number)")])
        }
        XCTAssertEqual(collector.wait(for: 10, timeout: 2), Array(1...10))
    }

    func testWatchStartsAfterTheGivenID() async throws {
        let store = try openStore()
        _ = try await store.append((0..<5).map { event("chat:1", "\($0)") })
        let collector = Collector()
        let watch = store.watch(after: 3) { collector.add($0) }
        defer { watch.cancel() }
        XCTAssertEqual(collector.wait(for: 2, timeout: 2), [4, 5])
    }

    func testAnotherStoreOnTheSameFileIsSeenWithin200ms() async throws {
        let server = try openStore()
        let collector = Collector()
        let watch = server.watch(after: 0) { collector.add($0) }
        defer { watch.cancel() }
        // Like the CLI: its own store on the same file, no instance row.
        let cli = try openStore { $0.registersInstance = false }
        for number in 0..<5 {
            let appended = try await cli.append(event("chat:1", "\(number)"))
            let committed = Date()
            _ = collector.wait(for: number + 1, timeout: 2)
            XCTAssertEqual(collector.ids.last, appended.id)
            let latency = collector.lastArrival!.timeIntervalSince(committed)
            XCTAssertLessThan(latency, 0.2, "seen after \(latency) s")
        }
    }

    func testAPlainConnectionsCommitIsSeen() throws {
        let store = try openStore()
        let collector = Collector()
        let watch = store.watch(after: 0) { collector.add($0) }
        defer { watch.cancel() }
        let other = try rawConnection()
        try other.execute("INSERT INTO events(topic, payload, created_at) VALUES ('chat:9', '{}', '\(StoreClock.now())')")
        XCTAssertEqual(collector.wait(for: 1, timeout: 1), [1])
    }

    func testManyEventsArriveInPagesInOrder() async throws {
        let store = try openStore()
        let collector = Collector()
        let watch = store.watch(after: 0) { collector.add($0) }
        defer { watch.cancel() }
        _ = try await store.append((0..<2_500).map { event("chat:\($0 % 3)", "\($0)") })
        XCTAssertEqual(collector.wait(for: 2_500, timeout: 5), Array(1...2_500))
    }

    func testCancelledWatchGetsNothingMore() async throws {
        let store = try openStore()
        let collector = Collector()
        let watch = store.watch(after: 0) { collector.add($0) }
        _ = try await store.append(event("chat:1", "a"))
        XCTAssertEqual(collector.wait(for: 1, timeout: 2), [1])
        watch.cancel()
        _ = try await store.append(event("chat:1", "b"))
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(collector.ids, [1])
    }

    func testWatchRunsOnTheWatcherThread() throws {
        let store = try openStore()
        let done = expectation(description: "delivered")
        let watch = store.watch(after: 0) { _ in
            XCTAssertEqual(currentThreadName(), "sb.watcher")
            done.fulfill()
        }
        defer { watch.cancel() }
        store.append([event("chat:1", "x")]) { _ in }
        wait(for: [done], timeout: 2)
    }
}
