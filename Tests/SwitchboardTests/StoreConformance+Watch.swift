// Conformance checks of watching the log and of closing the store.

import Foundation
import XCTest

@testable import Switchboard

extension StoreConformance {
    /// Watch deliveries, appended to from the store's watcher thread.
    final class Deliveries: @unchecked Sendable {
        // @unchecked Sendable: `batches` is only touched under `lock`.
        private let lock = NSLock()
        private var batches: [[StoredEvent]] = []

        func add(_ batch: [StoredEvent]) {
            lock.lock()
            batches.append(batch)
            lock.unlock()
        }

        var ids: [Int64] {
            lock.lock()
            defer { lock.unlock() }
            return batches.flatMap { $0.map(\.id) }
        }

        var batchSizes: [Int] {
            lock.lock()
            defer { lock.unlock() }
            return batches.map(\.count)
        }
    }

    func watchDeliversEveryEventOnceInOrder() async throws {
        try await withStore { store in
            let deliveries = Deliveries()
            let watch = store.watch(after: 0) { deliveries.add($0) }
            defer { watch.cancel() }

            // Eight producers append concurrently, one to three events at a time.
            let appended = try await withThrowingTaskGroup(of: [StoredEvent].self) { group in
                for producer in 0..<8 {
                    group.addTask {
                        var mine: [StoredEvent] = []
                        for n in 0..<60 {
                            let events = (0...(n % 3)).map {
                                StoreTest.event("chat:\(producer)", #"{"p":\#(producer),"n":\#(n),"k":\#($0)}"#)
                            }
                            mine += try await store.append(events)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let expected = appended.map(\.id).sorted()
            XCTAssertEqual(expected.count, 8 * 120)
            XCTAssertEqual(Set(expected).count, expected.count, "no id given twice")

            let arrived = await StoreTest.eventually(within: 5) { deliveries.ids.count >= expected.count }
            XCTAssertTrue(arrived, "every event arrives within 5 s (\(deliveries.ids.count) of \(expected.count))")
            try await Task.sleep(nanoseconds: 300_000_000)  // nothing more may follow
            XCTAssertEqual(deliveries.ids, expected, "every event once, in id order")
            XCTAssertFalse(deliveries.batchSizes.contains(0), "no empty batch")
        }
    }

    func watchStartsAfterTheGivenID() async throws {
        try await withStore { store in
            let before = try await store.append((0..<5).map { StoreTest.event("chat:\($0 % 2)", "{}") })
            let deliveries = Deliveries()
            let watch = store.watch(after: before[2].id) { deliveries.add($0) }
            defer { watch.cancel() }

            let early = await StoreTest.eventually(within: 2) { deliveries.ids.count >= 2 }
            XCTAssertTrue(early, "events committed after `after` before the watch began arrive")
            let later = try await store.append([StoreTest.event("user:1", "{}"), StoreTest.event("chat:0", "{}")])
            let all = await StoreTest.eventually(within: 2) { deliveries.ids.count >= 4 }
            XCTAssertTrue(all, "and then the new ones")
            try await Task.sleep(nanoseconds: 300_000_000)
            XCTAssertEqual(deliveries.ids, Array(before[3...].map(\.id)) + later.map(\.id))
        }
    }

    func watchStopsWhenCancelled() async throws {
        try await withStore { store in
            let deliveries = Deliveries()
            let other = Deliveries()
            let watch = store.watch(after: 0) { deliveries.add($0) }
            let otherWatch = store.watch(after: 0) { other.add($0) }
            defer { otherWatch.cancel() }
            let first = try await store.append(StoreTest.event("chat:1", "{}"))
            let arrived = await StoreTest.eventually(within: 2) { deliveries.ids == [first.id] }
            XCTAssertTrue(arrived)

            watch.cancel()
            // Give a pass that began before the cancel (SQLite's timer) time to end.
            try await Task.sleep(nanoseconds: 300_000_000)
            let second = try await store.append(StoreTest.event("chat:1", "{}"))
            let otherGotIt = await StoreTest.eventually(within: 2) { other.ids == [first.id, second.id] }
            XCTAssertTrue(otherGotIt, "another watch goes on")
            try await Task.sleep(nanoseconds: 300_000_000)
            XCTAssertEqual(deliveries.ids, [first.id], "nothing after cancel")
            watch.cancel()  // twice is harmless
        }
    }

    func closeFinishesQueuedWritesThenFailsEveryCall() async throws {
        let store = try makeStore()
        let queued = Locked<Result<[StoredEvent], StoreError>?>(nil)
        store.append([StoreTest.event("chat:1", "{}")]) { result in queued.withLock { $0 = result } }
        store.close()
        let reported = await StoreTest.eventually(within: 5) { queued.current != nil }
        XCTAssertTrue(reported, "an append queued before close() is reported")
        if let result = queued.current {
            XCTAssertEqual(try result.get().map(\.id), [1], "and was committed: close() waits for queued writes")
        }

        func expectClosed<T: Sendable>(
            _ what: String, _ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void
        ) async {
            let result = await StoreTest.result(start)
            XCTAssertStoreError(result, .closed, "\(what) after close()")
        }
        await expectClosed("append") { store.append([StoreTest.event("chat:1", "{}")], completion: $0) }
        await expectClosed("events(topic:)") { store.events(topic: "chat:1", after: 0, limit: 1, completion: $0) }
        await expectClosed("events(after:)") { store.events(after: 0, limit: 1, completion: $0) }
        await expectClosed("history") { store.history(topic: "chat:1", before: nil, last: 1, completion: $0) }
        await expectClosed("latestEventID") { store.latestEventID(completion: $0) }
        await expectClosed("insertConnection") { store.insertConnection(StoreTest.connection("c", user: nil), completion: $0) }
        await expectClosed("deleteConnection") { store.deleteConnection(id: "c", completion: $0) }
        await expectClosed("insertSubscription") {
            store.insertSubscription(StoreTest.subscription("c", "1", topic: "chat:1"), completion: $0)
        }
        await expectClosed("deleteSubscription") { store.deleteSubscription(connectionId: "c", id: "1", completion: $0) }
        await expectClosed("subscriptions") { store.subscriptions(topic: "chat:1", completion: $0) }
        await expectClosed("connections") { store.connections(userId: "u", completion: $0) }
        await expectClosed("appendDeadLetters") { store.appendDeadLetters([], completion: $0) }
        await expectClosed("deadLetters") { store.deadLetters(limit: 1, completion: $0) }
        await expectClosed("setting") { store.setting("k", completion: $0) }
        await expectClosed("setSetting") { store.setSetting("k", value: "v", completion: $0) }

        // Writes without a completion do not crash either, and a watch delivers nothing.
        store.insertConnection(StoreTest.connection("c", user: nil), completion: nil)
        let deliveries = Deliveries()
        let watch = store.watch(after: 0) { deliveries.add($0) }
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(deliveries.ids, [], "a watch of a closed store delivers nothing")
        watch.cancel()
        store.close()  // twice is harmless
    }

    func callsAfterCloseFailOutsideTheCall() async throws {
        // The protocol's promise (completions on the store's threads) holds for failures
        // too: a caller holding a lock while it calls the store during shutdown must not
        // have its completion run inside the call.
        let store = try makeStore()
        store.close()
        let calledInside = Locked<[String]>([])
        func call<T: Sendable>(
            _ name: String, _ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void
        ) async {
            let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
                StoreTest.$insideStoreCall.withValue(true) {
                    start { result in
                        if StoreTest.insideStoreCall { calledInside.withLock { $0.append(name) } }
                        continuation.resume(returning: result)
                    }
                }
            }
            XCTAssertStoreError(result, .closed, name)
        }
        await call("append") { store.append([StoreTest.event("chat:1", "{}")], completion: $0) }
        await call("events") { store.events(topic: "chat:1", after: 0, limit: 1, completion: $0) }
        await call("insertConnection") { store.insertConnection(StoreTest.connection("c", user: nil), completion: $0) }
        await call("setting") { store.setting("k", completion: $0) }
        XCTAssertEqual(calledInside.current, [], "these completions ran inside the call")
    }
}
