import Foundation
import XCTest

@testable import Switchboard

final class SQLiteStoreRetentionTests: SQLiteStoreTestCase {
    func testPrunesBeyondTheCountPerTopicKeepingTheNewest() async throws {
        let store = try openStore { $0.retention = RetentionPolicy(maxEventsPerTopic: 100) }
        // 1,234 in chat:big (several batches of 500), 50 in chat:small, interleaved.
        var batch: [NewEvent] = (0..<1_234).map { event("chat:big", "\($0)") }
        batch.insert(contentsOf: (0..<50).map { event("chat:small", "\($0)") }, at: 600)
        let appended = try await store.append(batch)
        let transactionsBefore = store.transactionCount

        let deleted = try await store.pruneNow()
        XCTAssertEqual(deleted, 1_134)
        XCTAssertGreaterThanOrEqual(store.transactionCount - transactionsBefore, 3, "pruned in batches of 500")
        let big = try await store.events(topic: "chat:big", after: 0, limit: 10_000)
        XCTAssertEqual(big.map(\.id), Array(appended.filter { $0.topic == "chat:big" }.suffix(100).map(\.id)))
        let small = try await store.events(topic: "chat:small", after: 0, limit: 10_000)
        XCTAssertEqual(small.count, 50)

        // Ids are never reused, not even those of pruned events.
        let next = try await store.append(event("chat:big", "next"))
        XCTAssertEqual(next.id, appended.last!.id + 1)
        let again = try await store.pruneNow()
        XCTAssertEqual(again, 1)
    }

    func testPrunesEventsOlderThanTheMaximumAge() async throws {
        let store = try openStore { $0.retention = RetentionPolicy(maxAgeSeconds: 60) }
        // 1,100 events from two hours ago, written as another process would have.
        let old = formatTimestamp(StoreClock.nowMilliseconds() - 7_200_000)
        let connection = try rawConnection()
        try connection.transaction { () throws(SQLiteError) in
            let insert = try connection.cached("INSERT INTO events(topic, payload, created_at) VALUES (?, '{}', ?)")
            for number in 0..<1_100 {
                try insert.bind("chat:\(number % 3)", at: 1)
                try insert.bind(old, at: 2)
                try insert.run()
            }
        }
        let fresh = try await store.append((0..<10).map { event("chat:1", "\($0)") })

        let deleted = try await store.pruneNow()
        XCTAssertEqual(deleted, 1_100)
        let left = try await store.events(after: 0, limit: 10_000)
        XCTAssertEqual(left, fresh)
    }

    func testKeepEverythingPrunesNothing() async throws {
        let store = try openStore()
        _ = try await store.append((0..<10).map { event("chat:1", "\($0)") })
        let deleted = try await store.pruneNow()
        XCTAssertEqual(deleted, 0)
    }

    func testPrunesInTheBackgroundOnSchedule() async throws {
        let store = try openStore {
            $0.retention = RetentionPolicy(maxEventsPerTopic: 5)
            $0.retentionInterval = 0.1
        }
        _ = try await store.append((0..<50).map { event("chat:1", "\($0)") })
        var left = 50
        for _ in 0..<40 where left > 5 {
            try await Task.sleep(for: .milliseconds(50))
            left = try await store.events(topic: "chat:1", after: 0, limit: 100).count
        }
        XCTAssertEqual(left, 5)
    }

    func testWritesGoOnWhilePruning() async throws {
        let store = try openStore { $0.retention = RetentionPolicy(maxEventsPerTopic: 0) }
        _ = try await store.append((0..<5_000).map { event("chat:1", "\($0)") })
        async let pruned = store.pruneNow()
        // Appends queued during the pass commit between its batches, not after all of them.
        var appended: [StoredEvent] = []
        for number in 0..<5 {
            appended.append(try await store.append(event("chat:2", "\(number)")))
        }
        let deleted = try await pruned
        XCTAssertGreaterThanOrEqual(deleted, 5_000)
        XCTAssertEqual(appended.map(\.id), Array(5_001...5_005))
    }
}
