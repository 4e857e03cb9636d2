// What InMemoryStore does beyond the protocol's checks (StoreConformance): retention, its
// timestamps, and closing from its own threads.

import XCTest

@testable import Switchboard

final class InMemoryStoreTests: XCTestCase {
    /// A clock the test moves by hand, in milliseconds since the epoch.
    private let clock = Locked<Int64>(1_795_428_000_000)  // 2026-11-23T10:00:00.000Z

    private func makeStore(retention: RetentionPolicy = .keepEverything, interval: Double = 60) -> InMemoryStore {
        var options = InMemoryStore.Options()
        options.name = "memory:test"
        options.retention = retention
        options.retentionInterval = interval
        let clock = self.clock
        options.clock = { clock.current }
        return InMemoryStore(options: options)
    }

    func testCreatedAtIsTheStoreClockFormattedAsEverywhere() async throws {
        let store = makeStore()
        defer { store.close() }
        clock.withLock { $0 += 123 }
        let event = try await store.append(StoreTest.event("chat:1", "{}"))
        XCTAssertEqual(event.createdAt, "2026-11-23T10:00:00.123Z")
    }

    func testPruningByCountKeepsTheNewestPerTopicAndNeverReusesIDs() async throws {
        let store = makeStore()
        defer { store.close() }
        var chat1: [StoredEvent] = []
        for _ in 0..<5 {
            chat1 += try await store.append([StoreTest.event("chat:1", "{}"), StoreTest.event("chat:2", "{}")])
                .filter { $0.topic == "chat:1" }
        }
        let pruned = try await store.pruneNow(policy: RetentionPolicy(maxEventsPerTopic: 2))
        XCTAssertEqual(pruned, 6, "3 of each topic")
        try await assertEqual(await store.events(topic: "chat:1", after: 0, limit: 10), Array(chat1[3...]))
        try await assertEqual(await store.history(topic: "chat:1", before: nil, last: 10), Array(chat1[3...]))
        try await assertEqual(await store.events(after: 0, limit: 100).count, 4)
        try await assertEqual(await store.pruneNow(policy: RetentionPolicy(maxEventsPerTopic: 2)), 0)

        let next = try await store.append(StoreTest.event("chat:3", "{}"))
        XCTAssertEqual(next.id, 11, "ids go on after pruning")
    }

    func testPruningByAgeCanEmptyTheLogAndIDsStillGoOn() async throws {
        let store = makeStore()
        defer { store.close() }
        let old = try await store.append([StoreTest.event("chat:1", "{}"), StoreTest.event("chat:2", "{}")])
        clock.withLock { $0 += 30_000 }
        let recent = try await store.append(StoreTest.event("chat:1", "{}"))
        clock.withLock { $0 += 30_000 }

        try await assertEqual(await store.pruneNow(policy: RetentionPolicy(maxAgeSeconds: 45)), 2)
        try await assertEqual(await store.events(after: 0, limit: 10), [recent])
        XCTAssertEqual(old.map(\.id), [1, 2])

        try await assertEqual(await store.pruneNow(policy: RetentionPolicy(maxAgeSeconds: 1)), 1)
        try await assertEqual(await store.events(after: 0, limit: 10), [])
        try await assertEqual(await store.latestEventID(), 3, "the largest id ever committed")
        try await assertEqual(await store.append(StoreTest.event("chat:1", "{}")).id, 4, "not 1 again")
    }

    func testPruningInTheBackgroundWithTheStoresPolicy() async throws {
        let store = makeStore(retention: RetentionPolicy(maxEventsPerTopic: 3), interval: 0.02)
        defer { store.close() }
        let events = try await store.append((0..<10).map { _ in StoreTest.event("chat:1", "{}") })
        var left = events.count
        let deadline = Date().addingTimeInterval(2)
        while left != 3, Date() < deadline {
            try await Task.sleep(nanoseconds: 10_000_000)
            left = try await store.events(topic: "chat:1", after: 0, limit: 100).count
        }
        XCTAssertEqual(left, 3, "the timer pruned to the newest 3")
        try await assertEqual(await store.events(topic: "chat:1", after: 0, limit: 100), Array(events[7...]))
    }

    func testCloseFromACompletionAndFromAWatchHandler() async throws {
        let store = makeStore()
        let closedInCompletion: Result<Void, StoreError> = await StoreTest.result { done in
            store.setSetting("k", value: "v") { _ in
                store.close()  // on the store's own queue: must not wait for itself
                store.setting("k") { done($0.map { _ in () }) }
            }
        }
        XCTAssertStoreError(closedInCompletion, .closed)

        let other = makeStore()
        let handled = Locked(false)
        _ = other.watch(after: 0) { _ in
            other.close()  // on the watcher queue
            handled.withLock { $0 = true }
        }
        _ = try await other.append(StoreTest.event("chat:1", "{}"))
        let done = await StoreTest.eventually(within: 2) { handled.current }
        XCTAssertTrue(done)
        let after = await StoreTest.result { other.latestEventID(completion: $0) }
        XCTAssertStoreError(after, .closed)
    }

    func testLookUpsComeInSQLiteStoresOrder() async throws {
        // SQLiteStore orders connections by (connected_at, id) and subscriptions by
        // (created_at, connection_id, id); insertion order differs here on purpose.
        let store = makeStore()
        defer { store.close() }
        func connection(_ id: String, at time: String) -> ConnectionRecord {
            ConnectionRecord(id: id, userId: "u", remoteAddress: "::1", connectedAt: time, initPayload: "{}")
        }
        func subscription(_ connection: String, _ id: String, at time: String) -> SubscriptionRecord {
            SubscriptionRecord(connectionId: connection, id: id, topic: "chat:1", query: "{}", variables: "{}",
                               operationName: nil, createdAt: time)
        }
        for record in [connection("b", at: "2026-01-01T00:00:02.000Z"), connection("c", at: "2026-01-01T00:00:01.000Z"),
                       connection("a", at: "2026-01-01T00:00:02.000Z")] {
            try await store.insertConnection(record)
        }
        for record in [subscription("b", "1", at: "2026-01-01T00:00:05.000Z"), subscription("b", "2", at: "2026-01-01T00:00:03.000Z"),
                       subscription("a", "9", at: "2026-01-01T00:00:05.000Z")] {
            try await store.insertSubscription(record)
        }
        try await assertEqual(await store.connections(userId: "u").map(\.id), ["c", "a", "b"])
        try await assertEqual(await store.subscriptions(topic: "chat:1").map { "\($0.connectionId)/\($0.id)" },
                              ["b/2", "a/9", "b/1"])
    }

    func testClosedErrorNamesTheStore() async {
        let store = makeStore()
        store.close()
        let result = await StoreTest.result { store.latestEventID(completion: $0) }
        guard case .failure(let error) = result else { return XCTFail("expected an error") }
        XCTAssertEqual(error.message, "memory:test: the store is closed")
    }

    func testConformsWithABackgroundRetentionTimerRunning() async throws {
        // The whole conformance run, once, with a retention pass every 10 ms that prunes
        // nothing: pruning in the background must not disturb ids, paging or watching.
        let conformance = StoreConformance {
            var options = InMemoryStore.Options()
            options.retention = RetentionPolicy(maxAgeSeconds: 3600, maxEventsPerTopic: 1_000_000)
            options.retentionInterval = 0.01
            return InMemoryStore(options: options)
        }
        try await conformance.runAll()
    }
}
