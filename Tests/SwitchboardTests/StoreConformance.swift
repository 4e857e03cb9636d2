// What every `Store` must do, written once against the protocol. A test class per
// implementation (InMemoryStoreConformanceTests, SQLiteStoreConformanceTests) runs each
// check against a fresh store of its kind, so the in-memory store that tests of higher
// layers use cannot drift from the SQLite store the server runs on.
//
// The checks of the event log are here; live records, dead letters and settings are in
// StoreConformance+Records.swift; watching and closing in StoreConformance+Watch.swift.

import Foundation
import XCTest

@testable import Switchboard

struct StoreConformance: Sendable {
    /// Makes a fresh, empty store; each check closes the one it made.
    let makeStore: @Sendable () throws -> any Store

    typealias Check = @Sendable (StoreConformance) -> () async throws -> Void

    /// Every check by name, for `runAll` and for listing them in a test class.
    static let allChecks: [(name: String, check: Check)] = [
        ("appendAssignsIncreasingIDsFromOne", { $0.appendAssignsIncreasingIDsFromOne }),
        ("completionsRunAfterCommitNeverInsideTheCall", { $0.completionsRunAfterCommitNeverInsideTheCall }),
        ("completionMayCallTheStoreAgain", { $0.completionMayCallTheStoreAgain }),
        ("backlogPageIsStrictlyAfterInIDOrder", { $0.backlogPageIsStrictlyAfterInIDOrder }),
        ("backlogPagesThrough10000EventsWithoutGap", { $0.backlogPagesThrough10000EventsWithoutGap }),
        ("backlogPagedWhileAppendingHasNoGap", { $0.backlogPagedWhileAppendingHasNoGap }),
        ("historyIsTheNewestBeforeOldestFirst", { $0.historyIsTheNewestBeforeOldestFirst }),
        ("latestEventIDFollowsAppends", { $0.latestEventIDFollowsAppends }),
        ("connectionsInsertLookUpDelete", { $0.connectionsInsertLookUpDelete }),
        ("subscriptionsInsertLookUpDelete", { $0.subscriptionsInsertLookUpDelete }),
        ("deletingAConnectionRemovesItsSubscriptions", { $0.deletingAConnectionRemovesItsSubscriptions }),
        ("duplicateSubscriptionFailsAloneAsConstraint", { $0.duplicateSubscriptionFailsAloneAsConstraint }),
        ("deadLettersAppendAndList", { $0.deadLettersAppendAndList }),
        ("recentDeadLettersNewestFirstWithTopic", { $0.recentDeadLettersNewestFirstWithTopic }),
        ("settingsRoundTripAndOverwrite", { $0.settingsRoundTripAndOverwrite }),
        ("insertSettingIfAbsentKeepsTheFirstValue", { $0.insertSettingIfAbsentKeepsTheFirstValue }),
        ("watchDeliversEveryEventOnceInOrder", { $0.watchDeliversEveryEventOnceInOrder }),
        ("watchStartsAfterTheGivenID", { $0.watchStartsAfterTheGivenID }),
        ("watchStopsWhenCancelled", { $0.watchStopsWhenCancelled }),
        ("closeFinishesQueuedWritesThenFailsEveryCall", { $0.closeFinishesQueuedWritesThenFailsEveryCall }),
        ("callsAfterCloseFailOutsideTheCall", { $0.callsAfterCloseFailOutsideTheCall }),
    ]

    /// Runs every check; a failing assertion names the check through XCTest's messages.
    func runAll() async throws {
        for (name, check) in Self.allChecks {
            do {
                try await check(self)()
            } catch {
                XCTFail("\(name): \(error)")
            }
        }
    }

    /// Runs `body` with a fresh store and closes it afterwards.
    func withStore(_ body: (any Store) async throws -> Void) async throws {
        let store = try makeStore()
        defer { store.close() }
        try await body(store)
    }

    // MARK: Appending

    func appendAssignsIncreasingIDsFromOne() async throws {
        try await withStore { store in
            let before = Date().timeIntervalSince1970
            let first = try await store.append([
                StoreTest.event("chat:1", #"{"content":"héllo","senderName":"Ann"}"#),
                StoreTest.event("user:7", #"{"message":"ping"}"#),
                StoreTest.event("chat:1", #"{"content":"again"}"#),
            ])
            let second = try await store.append([StoreTest.event("chat:2", "{}"), StoreTest.event("chat:1", "{}")])
            let after = Date().timeIntervalSince1970

            XCTAssertEqual(first.map(\.id), [1, 2, 3], "a fresh store numbers events from 1, in the order given")
            XCTAssertEqual(second.map(\.id), [4, 5], "ids continue across appends")
            XCTAssertEqual(first.map(\.topic), ["chat:1", "user:7", "chat:1"])
            XCTAssertEqual(first[0].payload, Array(#"{"content":"héllo","senderName":"Ann"}"#.utf8))
            try await assertEqual(await store.append([]), [], "appending nothing stores nothing")

            let all = first + second
            var previous = 0.0
            for event in all {
                guard let time = StoreTest.parseTimestamp(event.createdAt) else {
                    XCTFail("createdAt \(event.createdAt) is not ISO-8601 UTC with milliseconds")
                    continue
                }
                XCTAssertGreaterThanOrEqual(time, before - 1, "createdAt is the time of the append")
                XCTAssertLessThanOrEqual(time, after + 1, "createdAt is the time of the append")
                XCTAssertGreaterThanOrEqual(time, previous, "createdAt does not go back as ids grow")
                previous = time
            }
            let stored = try await store.events(after: 0, limit: 100)
            XCTAssertEqual(stored, all, "what the completion reported is what is stored")
        }
    }

    func completionsRunAfterCommitNeverInsideTheCall() async throws {
        try await withStore { store in
            // Each call is made with the task local set; a completion called inside the call
            // would see it. Each write's completion reads back what it wrote: committed.
            let calledInside = Locked<[String]>([])
            func call<T: Sendable>(
                _ name: String, _ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void
            ) async -> Result<T, StoreError> {
                await withCheckedContinuation { continuation in
                    StoreTest.$insideStoreCall.withValue(true) {
                        start { result in
                            if StoreTest.insideStoreCall { calledInside.withLock { $0.append(name) } }
                            continuation.resume(returning: result)
                        }
                    }
                }
            }

            let appended = try await call("append") { store.append([StoreTest.event("chat:1", "{}")], completion: $0) }.get()
            try await assertEqual(await store.events(topic: "chat:1", after: 0, limit: 10), appended)

            // A read started inside an append's completion sees the append.
            let seenFromCompletion = await call("append+read") { (done: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) in
                store.append([StoreTest.event("chat:1", #"{"n":2}"#)]) { result in
                    guard case .success(let events) = result else { return done(result) }
                    store.events(topic: "chat:1", after: events[0].id - 1, limit: 10, completion: done)
                }
            }
            XCTAssertEqual(try seenFromCompletion.get().map(\.payload), [Array(#"{"n":2}"#.utf8)])

            _ = await call("events") { store.events(topic: "chat:1", after: 0, limit: 1, completion: $0) }
            _ = await call("eventsAll") { store.events(after: 0, limit: 1, completion: $0) }
            _ = await call("history") { store.history(topic: "chat:1", before: nil, last: 1, completion: $0) }
            _ = await call("latestEventID") { store.latestEventID(completion: $0) }
            _ = await call("insertConnection") { store.insertConnection(StoreTest.connection("c1", user: "u1"), completion: $0) }
            try await assertEqual(await store.connections(userId: "u1").map(\.id), ["c1"])
            let duplicate = await call("insertConnection(duplicate)") {
                store.insertConnection(StoreTest.connection("c1", user: "u1"), completion: $0)
            }
            XCTAssertStoreError(duplicate, .constraint, "a second connection with the same id")
            _ = await call("insertSubscription") {
                store.insertSubscription(StoreTest.subscription("c1", "1", topic: "chat:1"), completion: $0)
            }
            try await assertEqual(await store.subscriptions(topic: "chat:1").map(\.id), ["1"])
            _ = await call("subscriptions") { store.subscriptions(topic: "chat:1", completion: $0) }
            _ = await call("connections") { store.connections(userId: "u1", completion: $0) }
            _ = await call("deleteSubscription") { store.deleteSubscription(connectionId: "c1", id: "1", completion: $0) }
            _ = await call("deleteConnection") { store.deleteConnection(id: "c1", completion: $0) }
            _ = await call("appendDeadLetters") { store.appendDeadLetters([], completion: $0) }
            _ = await call("deadLetters") { store.deadLetters(limit: 1, completion: $0) }
            _ = await call("setSetting") { store.setSetting("k", value: "v", completion: $0) }
            _ = await call("setting") { store.setting("k", completion: $0) }
            XCTAssertEqual(calledInside.current, [], "these completions ran inside the call")
        }
    }

    func completionMayCallTheStoreAgain() async throws {
        try await withStore { store in
            // A completion that calls the store, whose completion calls it again, must not
            // deadlock: completions run on the store's threads.
            let result: Result<[StoredEvent], StoreError> = await StoreTest.result { done in
                store.append([StoreTest.event("chat:1", "{}")]) { first in
                    guard case .success = first else { return done(first) }
                    store.append([StoreTest.event("chat:1", "{}")]) { second in
                        guard case .success = second else { return done(second) }
                        store.setSetting("nested", value: "yes") { _ in
                            store.events(topic: "chat:1", after: 0, limit: 10, completion: done)
                        }
                    }
                }
            }
            XCTAssertEqual(try result.get().map(\.id), [1, 2])
            try await assertEqual(await store.setting("nested"), "yes")
        }
    }

    // MARK: Backlog and history

    func backlogPageIsStrictlyAfterInIDOrder() async throws {
        try await withStore { store in
            var chat1: [StoredEvent] = []
            for n in 0..<10 {
                let events = try await store.append([
                    StoreTest.event("chat:1", #"{"n":\#(n)}"#), StoreTest.event("chat:2", #"{"n":\#(n)}"#),
                ])
                chat1.append(events[0])
            }
            let page = try await store.events(topic: "chat:1", after: chat1[4].id, limit: 3)
            XCTAssertEqual(page, Array(chat1[5..<8]), "the 3 events after the 5th, none of chat:2")
            try await assertEqual(
                await store.events(topic: "chat:1", after: chat1[4].id + 1, limit: 100), Array(chat1[5...]),
                "after an id of another topic")
            try await assertEqual(await store.events(topic: "chat:1", after: 0, limit: 100), chat1)
            try await assertEqual(await store.events(topic: "chat:1", after: chat1[9].id, limit: 100), [])
            try await assertEqual(await store.events(topic: "chat:1", after: 1_000_000, limit: 100), [])
            try await assertEqual(await store.events(topic: "chat:1", after: 0, limit: 0), [])
            try await assertEqual(await store.events(topic: "chat:404", after: 0, limit: 100), [])

            let all = try await store.events(after: 4, limit: 5)
            XCTAssertEqual(all.map(\.id), [5, 6, 7, 8, 9], "events of every topic, after the id, in order")
            XCTAssertEqual(all.map(\.topic), ["chat:1", "chat:2", "chat:1", "chat:2", "chat:1"])
        }
    }

    func backlogPagesThrough10000EventsWithoutGap() async throws {
        try await withStore { store in
            var expected: [Int64] = []
            var everyID: [Int64] = []
            for batch in 0..<20 {
                var events = (0..<500).map { StoreTest.event("chat:big", #"{"batch":\#(batch),"n":\#($0)}"#) }
                events.insert(StoreTest.event("chat:other", "{}"), at: batch % 500)
                let stored = try await store.append(events)
                expected += stored.filter { $0.topic == "chat:big" }.map(\.id)
                everyID += stored.map(\.id)
            }
            XCTAssertEqual(expected.count, 10_000)

            var seen: [Int64] = []
            var after: Int64 = 0
            while true {
                let page = try await store.events(topic: "chat:big", after: after, limit: 333)
                guard let last = page.last else { break }
                XCTAssertLessThanOrEqual(page.count, 333)
                XCTAssertTrue(page.allSatisfy { $0.topic == "chat:big" })
                seen += page.map(\.id)
                after = last.id
            }
            XCTAssertEqual(seen, expected, "every event once, in id order")

            var seenAll: [Int64] = []
            after = 0
            while true {
                let page = try await store.events(after: after, limit: 1000)
                guard let last = page.last else { break }
                seenAll += page.map(\.id)
                after = last.id
            }
            XCTAssertEqual(seenAll, everyID, "all topics: every event once, in id order")
        }
    }

    func backlogPagedWhileAppendingHasNoGap() async throws {
        try await withStore { store in
            // A reader pages the backlog of a topic while a writer appends to it.
            let finished = Locked(false)
            let writer = Task { () throws -> [Int64] in
                defer { finished.withLock { $0 = true } }
                var ids: [Int64] = []
                for batch in 0..<200 {
                    let events = (0..<20).map {
                        StoreTest.event($0 % 4 == 0 ? "chat:noise" : "chat:live", #"{"b":\#(batch)}"#)
                    }
                    ids += try await store.append(events).filter { $0.topic == "chat:live" }.map(\.id)
                }
                return ids
            }
            var seen: [Int64] = []
            var after: Int64 = 0
            while true {
                // Read the flag before the page: an empty page after the writer finished
                // means the reader has everything.
                let writerFinished = finished.current
                let page = try await store.events(topic: "chat:live", after: after, limit: 50)
                if let last = page.last {
                    XCTAssertGreaterThan(page[0].id, after)
                    seen += page.map(\.id)
                    after = last.id
                } else if writerFinished {
                    break
                } else {
                    try await Task.sleep(nanoseconds: 1_000_000)
                }
            }
            let written = try await writer.value
            XCTAssertEqual(seen.count, written.count)
            XCTAssertEqual(seen, written, "the reader saw every event once, in id order, no gap")
        }
    }

    func historyIsTheNewestBeforeOldestFirst() async throws {
        try await withStore { store in
            var chat: [StoredEvent] = []
            for n in 0..<10 {
                let events = try await store.append([
                    StoreTest.event("chat:h", #"{"n":\#(n)}"#), StoreTest.event("chat:x", "{}"),
                ])
                chat.append(events[0])
            }
            try await assertEqual(await store.history(topic: "chat:h", before: nil, last: 3), Array(chat[7...]),
                           "the newest 3, oldest first")
            try await assertEqual(await store.history(topic: "chat:h", before: nil, last: 100), chat)
            try await assertEqual(await store.history(topic: "chat:h", before: chat[5].id, last: 3), Array(chat[2..<5]),
                           "the 3 before the 6th, not including it")
            try await assertEqual(await store.history(topic: "chat:h", before: chat[5].id + 1, last: 2), Array(chat[4...5]),
                           "before an id of another topic")
            try await assertEqual(await store.history(topic: "chat:h", before: chat[1].id, last: 5), [chat[0]])
            try await assertEqual(await store.history(topic: "chat:h", before: chat[0].id, last: 5), [])
            try await assertEqual(await store.history(topic: "chat:h", before: nil, last: 0), [])
            try await assertEqual(await store.history(topic: "chat:404", before: nil, last: 5), [])
        }
    }

    func latestEventIDFollowsAppends() async throws {
        try await withStore { store in
            try await assertEqual(await store.latestEventID(), 0, "0 when the log is empty")
            let first = try await store.append(StoreTest.event("chat:1", "{}"))
            try await assertEqual(await store.latestEventID(), first.id)
            let more = try await store.append((0..<5).map { StoreTest.event("user:\($0)", "{}") })
            try await assertEqual(await store.latestEventID(), more.last!.id)
        }
    }
}
