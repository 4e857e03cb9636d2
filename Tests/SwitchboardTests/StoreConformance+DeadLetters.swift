// The operators' view of dead letters (`Store.recentDeadLetters`), for every store.

import XCTest

@testable import Switchboard

extension StoreConformance {
    func recentDeadLettersNewestFirstWithTopic() async throws {
        try await withStore { store in
            try await assertEqual(await store.recentDeadLetters(limit: 10), [], "none yet")
            let events = try await store.append([StoreTest.event("chat:a", "{}"), StoreTest.event("user:u1", "{}")])
            func letter(_ event: Int64, _ subscription: String) -> DeadLetter {
                DeadLetter(eventId: event, connectionId: "c1", subscriptionId: subscription, reason: "closed with 1013",
                           createdAt: "2026-11-23T10:00:00.00\(subscription)Z")
            }
            let first = letter(events[0].id, "1")
            let second = letter(events[1].id, "2")
            let orphan = letter(999, "3")  // an event that is not (or no longer) in the log
            try await store.appendDeadLetters([first, second])
            try await store.appendDeadLetters([orphan])

            let all = try await store.recentDeadLetters(limit: 10)
            XCTAssertEqual(all, [
                DeadLetterReport(letter: orphan, topic: nil),
                DeadLetterReport(letter: second, topic: "user:u1"),
                DeadLetterReport(letter: first, topic: "chat:a"),
            ], "newest first, each with its event's topic, nil when the event is gone")
            try await assertEqual(await store.recentDeadLetters(limit: 2).map(\.letter), [orphan, second], "the newest `limit`")
            try await assertEqual(await store.recentDeadLetters(limit: 0), [])
        }
    }
}
