import Foundation
import XCTest

@testable import Switchboard

/// A fresh temporary directory per test, removed afterwards; stores are closed first.
class SQLiteStoreTestCase: XCTestCase {
    var directory = ""
    private var stores: [SQLiteStore] = []

    override func setUpWithError() throws {
        var template = Array((NSTemporaryDirectory() + "switchboard-sqlite-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        directory = String(cString: try XCTUnwrap(made))
    }

    override func tearDownWithError() throws {
        for store in stores { store.close() }
        stores.removeAll()
        chmod(directory, 0o755)
        try? FileManager.default.removeItem(atPath: directory)
    }

    func file(_ name: String = "store.sqlite") -> String { directory + "/" + name }

    /// Opens a store that is closed at tear-down.
    func openStore(_ name: String = "store.sqlite", configure: (inout SQLiteStore.Options) -> Void = { _ in }) throws -> SQLiteStore {
        var options = SQLiteStore.Options()
        configure(&options)
        let store = try SQLiteStore(path: file(name), options: options)
        stores.append(store)
        return store
    }

    /// A plain connection to the same file, as another program would have.
    func rawConnection(_ name: String = "store.sqlite") throws -> SQLiteConnection {
        try SQLiteConnection(path: file(name), mode: .readWrite, busyTimeout: 5)
    }

    func event(_ topic: String, _ text: String) -> NewEvent {
        NewEvent(topic: topic, payload: Array("{\"text\":\"\(text)\"}".utf8))
    }

    func connectionRecord(_ id: String, user: String?) -> ConnectionRecord {
        ConnectionRecord(id: id, userId: user, remoteAddress: "127.0.0.1:5000", connectedAt: StoreClock.now(), initPayload: "{}")
    }

    func subscriptionRecord(_ connection: String, _ id: String, topic: String) -> SubscriptionRecord {
        SubscriptionRecord(
            connectionId: connection, id: id, topic: topic, query: "subscription { x }", variables: "{}",
            operationName: nil, createdAt: StoreClock.now())
    }

    /// Blocks the writer for `seconds`, so that what is queued meanwhile forms one group.
    func holdWriter(_ store: SQLiteStore, seconds: Double) -> XCTestExpectation {
        let started = expectation(description: "writer held")
        let held = UncheckedBox(started)
        store.writer.submit(WriteItem(
            run: { _, _ in
                held.value.fulfill()
                Thread.sleep(forTimeInterval: seconds)
                return {}
            },
            fail: { _ in }))
        return started
    }

    /// Waits for a callback-style call to report.
    func result<T: Sendable>(_ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void) -> Result<T, StoreError> {
        let box = LockedBox<Result<T, StoreError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        start { value in
            box.set(value)
            done.signal()
        }
        done.wait()
        return box.get()!
    }

    func count(_ sql: String, in name: String = "store.sqlite") throws -> Int64 {
        let connection = try SQLiteConnection(path: file(name), mode: .readOnly, busyTimeout: 5)
        return try connection.scalarInt(sql)
    }
}

/// A value shared across threads under a lock.
final class LockedBox<Value>: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func update<R>(_ body: (inout Value) -> R) -> R { lock.withLock { body(&value) } }
}

/// Carries an XCTestExpectation (thread-safe, not marked Sendable) into a Sendable closure.
final class UncheckedBox<Value>: @unchecked Sendable {
    // @unchecked Sendable: only used for values that are thread-safe themselves.
    let value: Value
    init(_ value: Value) { self.value = value }
}
