import Foundation
import XCTest

@testable import Switchboard

final class SQLiteStoreReaderTests: SQLiteStoreTestCase {
    /// Appends 30 events alternating between two chats: ids 1…30, chat:a odd, chat:b even.
    private func fill(_ store: SQLiteStore) async throws {
        _ = try await store.append((1...30).map { event($0 % 2 == 1 ? "chat:a" : "chat:b", "\($0)") })
    }

    func testHistoryReturnsTheLastNBeforeAnIDOldestFirst() async throws {
        let store = try openStore()
        try await fill(store)
        let latest = try await store.history(topic: "chat:a", before: nil, last: 3)
        XCTAssertEqual(latest.map(\.id), [25, 27, 29])
        let earlier = try await store.history(topic: "chat:a", before: 25, last: 3)
        XCTAssertEqual(earlier.map(\.id), [19, 21, 23])
        let start = try await store.history(topic: "chat:a", before: 4, last: 10)
        XCTAssertEqual(start.map(\.id), [1, 3])
        let none = try await store.history(topic: "chat:zzz", before: nil, last: 10)
        XCTAssertEqual(none, [])
        XCTAssertEqual(String(decoding: latest[0].payload, as: UTF8.self), "{\"text\":\"25\"}")
    }

    func testBacklogOfATopicInPages() async throws {
        let store = try openStore()
        try await fill(store)
        var pages: [[Int64]] = []
        var after: Int64 = 6
        while true {
            let page = try await store.events(topic: "chat:b", after: after, limit: 4)
            if page.isEmpty { break }
            pages.append(page.map(\.id))
            after = page.last!.id
        }
        XCTAssertEqual(pages, [[8, 10, 12, 14], [16, 18, 20, 22], [24, 26, 28, 30]])
        let beyond = try await store.events(topic: "chat:b", after: 30, limit: 4)
        XCTAssertEqual(beyond, [])
    }

    func testBacklogOfEveryTopicInPages() async throws {
        let store = try openStore()
        try await fill(store)
        let page = try await store.events(after: 10, limit: 5)
        XCTAssertEqual(page.map(\.id), [11, 12, 13, 14, 15])
        XCTAssertEqual(page.map(\.topic), ["chat:a", "chat:b", "chat:a", "chat:b", "chat:a"])
        let latest = try await store.latestEventID()
        XCTAssertEqual(latest, 30)
    }

    func testLatestEventIDIsZeroWhenEmpty() async throws {
        let store = try openStore()
        let latest = try await store.latestEventID()
        XCTAssertEqual(latest, 0)
    }

    func testSubscriptionsByTopicAndConnectionsByUser() async throws {
        let store = try openStore()
        try await store.insertConnection(connectionRecord("c1", user: "alice"))
        try await store.insertConnection(connectionRecord("c2", user: "alice"))
        try await store.insertConnection(connectionRecord("c3", user: nil))
        try await store.insertSubscription(subscriptionRecord("c1", "1", topic: "chat:a"))
        try await store.insertSubscription(subscriptionRecord("c2", "1", topic: "chat:a"))
        try await store.insertSubscription(subscriptionRecord("c2", "2", topic: "user:alice"))
        try await store.insertSubscription(subscriptionRecord("c3", "1", topic: "chat:a"))

        let alice = try await store.connections(userId: "alice")
        XCTAssertEqual(Set(alice.map(\.id)), ["c1", "c2"])
        XCTAssertEqual(alice.first?.remoteAddress, "127.0.0.1:5000")
        let chat = try await store.subscriptions(topic: "chat:a")
        XCTAssertEqual(Set(chat.map { "\($0.connectionId)/\($0.id)" }), ["c1/1", "c2/1", "c3/1"])
        XCTAssertEqual(chat.first?.query, "subscription { x }")

        try await store.deleteSubscription(connectionId: "c1", id: "1")
        try await store.deleteConnection(id: "c2")  // and its two subscriptions
        let left = try await store.subscriptions(topic: "chat:a")
        XCTAssertEqual(left.map { "\($0.connectionId)/\($0.id)" }, ["c3/1"])
        let own = try await store.subscriptions(topic: "user:alice")
        XCTAssertEqual(own, [])
        let aliceLeft = try await store.connections(userId: "alice")
        XCTAssertEqual(aliceLeft.map(\.id), ["c1"])
    }

    func testDeadLettersAndSettings() async throws {
        let store = try openStore()
        let letters = (1...3).map {
            DeadLetter(eventId: Int64($0), connectionId: "c", subscriptionId: "s", reason: "reason \($0)", createdAt: StoreClock.now())
        }
        try await store.appendDeadLetters(letters)
        let two = try await store.deadLetters(limit: 2)
        XCTAssertEqual(two, Array(letters.prefix(2)))
        let missing = try await store.setting("nothing")
        XCTAssertNil(missing)
    }

    func testReadsRunOnReaderThreads() throws {
        let store = try openStore()
        let done = expectation(description: "read")
        store.latestEventID { _ in
            XCTAssertTrue(currentThreadName().hasPrefix("sb.reader"), currentThreadName())
            done.fulfill()
        }
        wait(for: [done], timeout: 5)
    }

    func testReadsDoNotWaitForALongWriteTransaction() throws {
        let store = try openStore()
        let held = holdWriter(store, seconds: 1.0)  // the writer is inside BEGIN IMMEDIATE
        wait(for: [held], timeout: 5)
        let started = Date()
        let done = expectation(description: "read")
        store.events(after: 0, limit: 10) { result in
            XCTAssertEqual(try? result.get(), [])
            done.fulfill()
        }
        wait(for: [done], timeout: 5)
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5)
    }
}
