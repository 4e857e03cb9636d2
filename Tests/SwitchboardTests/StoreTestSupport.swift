// Small tools for tests of stores: a locked box for values that completions on the store's
// threads fill in, waiting for a condition, and records to insert.

import Foundation
import XCTest

@testable import Switchboard

/// A value shared between a test and a store's threads.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched inside `withLock`, under `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { withLock { $0 } }
}

enum StoreTest {
    /// True while a test is inside a store call. A task local is invisible on the store's
    /// own threads, so a completion that sees it true was called synchronously in the call.
    @TaskLocal static var insideStoreCall = false

    /// Polls `condition` every 5 ms until it holds or `seconds` pass; true when it held.
    static func eventually(within seconds: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return condition()
    }

    /// Starts a callback-style call and waits for its result.
    static func result<T: Sendable>(
        _ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void
    ) async -> Result<T, StoreError> {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: $0) }
        }
    }

    static func event(_ topic: String, _ json: String) -> NewEvent {
        NewEvent(topic: topic, payload: Array(json.utf8))
    }

    static func connection(_ id: String, user: String?) -> ConnectionRecord {
        ConnectionRecord(
            id: id, userId: user, remoteAddress: "127.0.0.1:\(40000 + id.count)",
            connectedAt: "2026-11-23T10:00:00.000Z", initPayload: #"{"authToken":"[redacted]"}"#)
    }

    static func subscription(_ connectionId: String, _ id: String, topic: String, operationName: String? = nil)
        -> SubscriptionRecord
    {
        SubscriptionRecord(
            connectionId: connectionId, id: id, topic: topic,
            query: "subscription($chatId: ID!) { messageAdded(chatId: $chatId) { id content } }",
            variables: #"{"chatId":"\#(topic)"}"#, operationName: operationName,
            createdAt: "2026-11-23T10:00:01.000Z")
    }

    /// ISO-8601 UTC with milliseconds, as the store writes `createdAt`.
    static func isTimestamp(_ text: String) -> Bool {
        text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/#) != nil
    }

    /// Seconds since the epoch of a store timestamp, nil when it is not one.
    static func parseTimestamp(_ text: String) -> Double? {
        guard isTimestamp(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}

/// Asserts that a result failed with `kind`.
func XCTAssertStoreError<T>(
    _ result: Result<T, StoreError>, _ kind: StoreError.Kind, _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    switch result {
    case .success(let value):
        XCTFail("expected a \(kind) error, got success \(value). \(message())", file: file, line: line)
    case .failure(let error):
        XCTAssertEqual(error.kind, kind, "\(error.message). \(message())", file: file, line: line)
        XCTAssertFalse(error.message.isEmpty, "the error says what went wrong", file: file, line: line)
    }
}

/// `XCTAssertEqual` for a value that must be awaited (XCTest's autoclosures are not async).
func assertEqual<T: Equatable>(
    _ actual: @autoclosure () async throws -> T, _ expected: @autoclosure () -> T,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) async rethrows {
    let value = try await actual()
    XCTAssertEqual(value, expected(), message(), file: file, line: line)
}

/// `XCTAssertNil` for a value that must be awaited.
func assertNil<T>(
    _ actual: @autoclosure () async throws -> T?, _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) async rethrows {
    let value = try await actual()
    XCTAssertNil(value, message(), file: file, line: line)
}
