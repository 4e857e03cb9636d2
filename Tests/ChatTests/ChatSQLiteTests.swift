import Foundation
import GraphQL
import Switchboard
import XCTest

@testable import Chat

/// The resolvers against the real store: a SQLite file in a temporary directory.
final class ChatSQLiteTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chat-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func openStore() throws -> SQLiteStore {
        try SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    func testPostPageAndDeliverThroughSQLite() async throws {
        let store = try openStore()
        defer { store.close() }
        let harness = ChatHarness(store: store)

        var ids: [String] = []
        for n in 1...5 {
            let caller = n % 2 == 0 ? Callers.bob : Callers.ann
            let response = try await harness.run(
                #"mutation { postMessage(chatId: "c1", content: "m\#(n)") { id } }"#, as: caller)
            let id = try XCTUnwrap(try JSON.parse(response)["data"]?["postMessage"]?["id"]?.stringValue, response)
            ids.append(id)
        }
        // Committed before published, published before answered: every time.
        XCTAssertEqual(
            harness.steps.current,
            ids.flatMap { [Step.published(ids: [Int64($0)!], committed: true), .returned] })
        XCTAssertEqual(ids.map { Int64($0)! }, ids.map { Int64($0)! }.sorted())

        // The newest two, then the two before them, then the first.
        let newest = try await harness.run(#"{ messages(chatId: "c1", last: 2) { id content senderName } }"#, as: Callers.anonymous)
        XCTAssertEqual(
            newest,
            #"{"data":{"messages":[{"id":"\#(ids[3])","content":"m4","senderName":"u-bob"},{"id":"\#(ids[4])","content":"m5","senderName":"Ann"}]}}"#
        )
        let older = try await harness.run(
            #"{ messages(chatId: "c1", last: 2, before: "\#(ids[3])") { content } }"#, as: Callers.anonymous)
        XCTAssertEqual(older, #"{"data":{"messages":[{"content":"m2"},{"content":"m3"}]}}"#)
        let oldest = try await harness.run(
            #"{ messages(chatId: "c1", last: 2, before: "\#(ids[1])") { content } }"#, as: Callers.anonymous)
        XCTAssertEqual(oldest, #"{"data":{"messages":[{"content":"m1"}]}}"#)

        // createdAt comes from the store, in the contract's format, and is what a subscriber gets.
        let all = try await harness.store.events(topic: "chat:c1", after: 0, limit: 10)
        XCTAssertEqual(all, harness.published.current)
        let first = try XCTUnwrap(all.first)
        XCTAssertNotNil(first.createdAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/), first.createdAt)
        let prepared = try prepareSubscription(
            schema: harness.app.schema, document: try parseDocument(Source(#"subscription { newMessage(chatId: "c1") { id createdAt } }"#)))
        let bytes = prepared.execute(eventValue: harness.app.eventValue(first, forSubscriptionField: prepared.rootFieldName))
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self), #"{"data":{"newMessage":{"id":"\#(ids[0])","createdAt":"\#(first.createdAt)"}}}"#)
    }

    func testANotificationThroughSQLite() async throws {
        let store = try openStore()
        defer { store.close() }
        let harness = ChatHarness(store: store)
        let response = try await harness.run(
            #"mutation { notifyUser(userId: "u-ann", message: "Ready", callback: "https://example.com/r") { id kind } }"#,
            as: Callers.publisher)
        XCTAssertEqual(response, #"{"data":{"notifyUser":{"id":"1","kind":"ACTIONABLE"}}}"#)
        let stored = try await store.events(topic: "user:u-ann", after: 0, limit: 10)
        XCTAssertEqual(stored.map(\.id), [1])
        XCTAssertEqual(harness.steps.current, [.published(ids: [1], committed: true), .returned])
    }

    /// A closed store fails every call; the client sees the generic error, never the path.
    func testAClosedStoreIsAnInternalErrorThatNamesNoFile() async throws {
        let store = try openStore()
        store.close()
        let harness = ChatHarness(store: store)
        let query = try await harness.run(#"{ messages(chatId: "c1") { id } }"#, as: Callers.anonymous)
        XCTAssertEqual(
            query,
            #"{"data":null,"errors":[\#(errorJSON("Internal server error.", column: 3, path: ["messages"], code: "INTERNAL_SERVER_ERROR"))]}"#)
        let mutation = try await harness.run(#"mutation { postMessage(chatId: "c1", content: "hi") { id } }"#, as: Callers.ann)
        XCTAssertEqual(
            mutation,
            #"{"data":null,"errors":[\#(errorJSON("Internal server error.", column: 12, path: ["postMessage"], code: "INTERNAL_SERVER_ERROR"))]}"#)
        XCTAssertFalse(query.contains(directory.path) || mutation.contains(directory.path))
        XCTAssertEqual(harness.published.current, [])
        // The log gets the detail, with the file.
        let failures = harness.failures.current
        XCTAssertEqual(failures.count, 2)
        XCTAssertTrue(failures.allSatisfy { $0.contains(directory.path) }, "\(failures)")
    }
}
