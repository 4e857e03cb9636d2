// Conformance checks of the live records (connections, subscriptions), dead letters and
// settings. The protocol promises no order for look-ups, so they are compared sorted.

import XCTest

@testable import Switchboard

extension StoreConformance {
    func connectionsInsertLookUpDelete() async throws {
        try await withStore { store in
            let a = StoreTest.connection("conn-a", user: "u1")
            let b = StoreTest.connection("conn-b", user: "u1")
            let anonymous = StoreTest.connection("conn-anon", user: nil)
            let other = StoreTest.connection("conn-d", user: "u2")
            for record in [a, b, anonymous, other] { try await store.insertConnection(record) }

            try await assertEqual(await store.connections(userId: "u1").sorted(by: byID), [a, b],
                           "every field comes back as written")
            try await assertEqual(await store.connections(userId: "u2"), [other])
            try await assertEqual(await store.connections(userId: "nobody"), [])

            let duplicate = await StoreTest.result {
                store.insertConnection(StoreTest.connection("conn-a", user: "u9"), completion: $0)
            }
            XCTAssertStoreError(duplicate, .constraint, "a connection id is unique")
            try await assertEqual(await store.connections(userId: "u1").sorted(by: byID), [a, b], "the first row stays")
            try await assertEqual(await store.connections(userId: "u9"), [])

            try await store.deleteConnection(id: "conn-a")
            try await assertEqual(await store.connections(userId: "u1"), [b])
            try await store.deleteConnection(id: "conn-a")  // already gone: nothing to do, no error
            try await store.deleteConnection(id: "never-was")

            // An id may be used again once its connection is gone.
            try await store.insertConnection(a)
            try await assertEqual(await store.connections(userId: "u1").sorted(by: byID), [a, b])
        }
    }

    func subscriptionsInsertLookUpDelete() async throws {
        try await withStore { store in
            try await store.insertConnection(StoreTest.connection("c1", user: "u1"))
            try await store.insertConnection(StoreTest.connection("c2", user: "u2"))
            let s1 = StoreTest.subscription("c1", "1", topic: "chat:1", operationName: "OnMessage")
            let s2 = StoreTest.subscription("c1", "2", topic: "chat:1")
            let s3 = StoreTest.subscription("c2", "1", topic: "chat:1")  // same operation id, other connection
            let s4 = StoreTest.subscription("c2", "2", topic: "user:u2")
            for record in [s1, s2, s3, s4] { try await store.insertSubscription(record) }

            try await assertEqual(await store.subscriptions(topic: "chat:1").sorted(by: byKey), [s1, s2, s3],
                           "every field comes back as written")
            try await assertEqual(await store.subscriptions(topic: "user:u2"), [s4])
            try await assertEqual(await store.subscriptions(topic: "chat:404"), [])

            try await store.deleteSubscription(connectionId: "c1", id: "2")
            try await assertEqual(await store.subscriptions(topic: "chat:1").sorted(by: byKey), [s1, s3])
            try await store.deleteSubscription(connectionId: "c1", id: "2")  // already gone: no error
            try await store.deleteSubscription(connectionId: "c9", id: "1")

            // An operation id may be used again once its subscription is gone.
            try await store.insertSubscription(s2)
            try await assertEqual(await store.subscriptions(topic: "chat:1").sorted(by: byKey), [s1, s2, s3])
        }
    }

    func deletingAConnectionRemovesItsSubscriptions() async throws {
        try await withStore { store in
            try await store.insertConnection(StoreTest.connection("c1", user: "u1"))
            try await store.insertConnection(StoreTest.connection("c2", user: "u1"))
            let kept = StoreTest.subscription("c2", "1", topic: "chat:1")
            for record in [
                StoreTest.subscription("c1", "1", topic: "chat:1"), StoreTest.subscription("c1", "2", topic: "chat:2"),
                StoreTest.subscription("c1", "3", topic: "user:u1"), kept,
            ] {
                try await store.insertSubscription(record)
            }

            try await store.deleteConnection(id: "c1")
            try await assertEqual(await store.subscriptions(topic: "chat:1"), [kept], "another connection's stays")
            try await assertEqual(await store.subscriptions(topic: "chat:2"), [])
            try await assertEqual(await store.subscriptions(topic: "user:u1"), [])
            try await assertEqual(await store.connections(userId: "u1").map(\.id), ["c2"])

            // A new connection with the old id starts without subscriptions.
            try await store.insertConnection(StoreTest.connection("c1", user: "u1"))
            try await store.insertSubscription(StoreTest.subscription("c1", "1", topic: "chat:2"))
            try await assertEqual(await store.subscriptions(topic: "chat:2").map(\.connectionId), ["c1"])
        }
    }

    func duplicateSubscriptionFailsAloneAsConstraint() async throws {
        try await withStore { store in
            try await store.insertConnection(StoreTest.connection("c1", user: nil))
            let original = StoreTest.subscription("c1", "1", topic: "chat:1")
            try await store.insertSubscription(original)

            let duplicate = await StoreTest.result {
                store.insertSubscription(StoreTest.subscription("c1", "1", topic: "chat:9"), completion: $0)
            }
            XCTAssertStoreError(duplicate, .constraint, "(connection, id) is unique")
            try await assertEqual(await store.subscriptions(topic: "chat:1"), [original], "the first row is untouched")
            try await assertEqual(await store.subscriptions(topic: "chat:9"), [])

            // Queued together (one group commit for SQLite): only the duplicate fails.
            let results = Locked<[String: Result<Void, StoreError>]>([:])
            let ids = ["2", "3", "1", "4", "5"]
            for id in ids {
                store.insertSubscription(StoreTest.subscription("c1", id, topic: "chat:2")) { result in
                    results.withLock { $0[id] = result }
                }
            }
            let events = try await store.append([StoreTest.event("chat:2", "{}")])
            XCTAssertEqual(events.count, 1, "an append queued behind the failure commits")
            let allReported = await StoreTest.eventually(within: 5) { results.current.count == ids.count }
            XCTAssertTrue(allReported, "every insert reported")
            for (id, result) in results.current {
                if id == "1" {
                    XCTAssertStoreError(result, .constraint)
                } else {
                    XCTAssertNoThrow(try result.get(), "insert \(id) fails only with the duplicate beside it")
                }
            }
            try await assertEqual(await store.subscriptions(topic: "chat:2").map(\.id).sorted(), ["2", "3", "4", "5"])
            try await assertEqual(await store.subscriptions(topic: "chat:1"), [original])
        }
    }

    func deadLettersAppendAndList() async throws {
        try await withStore { store in
            try await assertEqual(await store.deadLetters(limit: 10), [])
            let letters = [
                DeadLetter(eventId: 1, connectionId: "c1", subscriptionId: "1", reason: "outbound queue over 1 MiB",
                           createdAt: "2026-11-23T10:00:00.001Z"),
                DeadLetter(eventId: 1, connectionId: "c2", subscriptionId: "7", reason: "closed with 1013",
                           createdAt: "2026-11-23T10:00:00.002Z"),
            ]
            let later = DeadLetter(eventId: 2, connectionId: "c1", subscriptionId: "1", reason: "connection lost",
                                   createdAt: "2026-11-23T10:00:00.003Z")
            try await store.appendDeadLetters(letters)
            try await store.appendDeadLetters([later])
            try await store.appendDeadLetters([])

            let listed = try await store.deadLetters(limit: 10)
            XCTAssertEqual(listed.sorted(by: byLetter), letters + [later], "every field comes back as written")
            let two = try await store.deadLetters(limit: 2)
            XCTAssertEqual(two.count, 2, "at most `limit`")
            XCTAssertTrue(two.allSatisfy { listed.contains($0) })
            try await assertEqual(await store.deadLetters(limit: 0), [])
        }
    }

    func settingsRoundTripAndOverwrite() async throws {
        try await withStore { store in
            try await assertNil(await store.setting("dev.secret"), "nil when never set")
            try await store.setSetting("dev.secret", value: "s3cr3t")
            try await store.setSetting("greeting", value: "grüß dich ✓")
            try await store.setSetting("empty", value: "")
            try await assertEqual(await store.setting("dev.secret"), "s3cr3t")
            try await assertEqual(await store.setting("greeting"), "grüß dich ✓")
            try await assertEqual(await store.setting("empty"), "", "an empty value is a value, not nil")

            try await store.setSetting("dev.secret", value: "rotated")
            try await assertEqual(await store.setting("dev.secret"), "rotated", "setting again overwrites")
            try await assertEqual(await store.setting("greeting"), "grüß dich ✓", "other keys are untouched")
            try await assertNil(await store.setting("DEV.SECRET"), "keys are case-sensitive")
        }
    }

    /// The development secret is created this way: of several racing writers the first
    /// wins and every one of them learns its value.
    func insertSettingIfAbsentKeepsTheFirstValue() async throws {
        try await withStore { store in
            try await assertEqual(await store.insertSettingIfAbsent("dev.secret", value: "first"), "first")
            try await assertEqual(await store.insertSettingIfAbsent("dev.secret", value: "second"), "first",
                                  "an existing value is kept and returned")
            try await assertEqual(await store.setting("dev.secret"), "first")
            async let a = store.insertSettingIfAbsent("raced", value: "a")
            async let b = store.insertSettingIfAbsent("raced", value: "b")
            let (fromA, fromB) = try await (a, b)
            XCTAssertEqual(fromA, fromB, "racing inserts agree on one value")
            try await assertEqual(await store.setting("raced"), fromA)
        }
    }
}

private func byID(_ a: ConnectionRecord, _ b: ConnectionRecord) -> Bool { a.id < b.id }

private func byKey(_ a: SubscriptionRecord, _ b: SubscriptionRecord) -> Bool {
    (a.connectionId, a.id) < (b.connectionId, b.id)
}

private func byLetter(_ a: DeadLetter, _ b: DeadLetter) -> Bool { a.createdAt < b.createdAt }
