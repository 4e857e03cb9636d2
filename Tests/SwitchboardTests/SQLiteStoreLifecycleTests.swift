import Foundation
import XCTest

@testable import Switchboard

final class SQLiteStoreLifecycleTests: SQLiteStoreTestCase {
    func testOpenRegistersThisInstance() throws {
        let store = try openStore()
        let connection = try rawConnection()
        XCTAssertEqual(try connection.scalarInt("SELECT pid FROM instances WHERE id = ?", [.text(store.instanceID)]), Int64(getpid()))
        XCTAssertEqual(try connection.scalarString("SELECT host FROM instances WHERE id = ?", [.text(store.instanceID)]), SQLiteStore.hostName)
    }

    func testCLIStoresDoNotRegister() throws {
        _ = try openStore { $0.registersInstance = false }
        XCTAssertEqual(try count("SELECT count(*) FROM instances"), 0)
    }

    func testHeartbeatAdvances() throws {
        let store = try openStore { $0.heartbeatInterval = 0.05 }
        let connection = try rawConnection()
        let first = try connection.scalarString("SELECT heartbeat_at FROM instances WHERE id = ?", [.text(store.instanceID)])
        Thread.sleep(forTimeInterval: 0.3)
        let later = try connection.scalarString("SELECT heartbeat_at FROM instances WHERE id = ?", [.text(store.instanceID)])
        XCTAssertGreaterThan(later, first)
    }

    /// Writes an instance with one connection and one subscription, as a server would have.
    private func plant(instance: String, pid: Int64, host: String, heartbeat: String, on connection: SQLiteConnection) throws {
        try connection.execute("""
            INSERT INTO instances VALUES ('\(instance)', \(pid), '\(host)', '\(heartbeat)', '\(heartbeat)');
            INSERT INTO connections VALUES ('conn-\(instance)', 'u', 'addr', '\(heartbeat)', '{}', '\(instance)');
            INSERT INTO subscriptions VALUES ('conn-\(instance)', '1', 'chat:1', 'q', '{}', NULL, '\(heartbeat)', '\(instance)');
            """)
    }

    private func deadPID() throws -> Int64 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return Int64(process.processIdentifier)  // reaped: no such process any more
    }

    func testRowsOfDeadInstancesAreRemovedOnOpenAndLiveOnesKept() throws {
        let live = try openStore()  // a running server (this process), with a row of its own
        let liveDone = expectation(description: "live row")
        live.insertConnection(connectionRecord("live-conn", user: "u")) { _ in liveDone.fulfill() }
        wait(for: [liveDone], timeout: 5)

        let connection = try rawConnection()
        let now = StoreClock.now()
        let old = formatTimestamp(StoreClock.nowMilliseconds() - 3_600_000)
        try plant(instance: "crashed", pid: try deadPID(), host: SQLiteStore.hostName, heartbeat: now, on: connection)
        try plant(instance: "silent", pid: Int64(getpid()), host: "elsewhere", heartbeat: old, on: connection)
        try plant(instance: "remote", pid: 1, host: "elsewhere", heartbeat: now, on: connection)
        try plant(instance: "sibling", pid: Int64(getpid()), host: SQLiteStore.hostName, heartbeat: now, on: connection)

        let restarted = try openStore()
        let instances = try connection.prepare("SELECT id FROM instances ORDER BY id")
        var ids: [String] = []
        try instances.forEachRow { ids.append($0.string(0)) }
        XCTAssertEqual(Set(ids), Set([live.instanceID, restarted.instanceID, "remote", "sibling"]))
        XCTAssertEqual(try count("SELECT count(*) FROM connections WHERE instance_id IN ('crashed', 'silent')"), 0)
        XCTAssertEqual(try count("SELECT count(*) FROM subscriptions WHERE instance_id IN ('crashed', 'silent')"), 0)
        XCTAssertEqual(try count("SELECT count(*) FROM connections WHERE instance_id IN ('remote', 'sibling')"), 2)
        XCTAssertEqual(try count("SELECT count(*) FROM subscriptions WHERE instance_id IN ('remote', 'sibling')"), 2)
        XCTAssertEqual(try count("SELECT count(*) FROM connections WHERE id = 'live-conn'"), 1)
    }

    func testCloseDrainsTheQueueAndRemovesThisInstancesRows() throws {
        let store = try SQLiteStore(path: file(), options: .init())
        let other = try openStore()
        store.insertConnection(connectionRecord("c1", user: "u"), completion: nil)
        store.insertSubscription(subscriptionRecord("c1", "s1", topic: "chat:1"), completion: nil)
        // Waited for below: a read on `other` is not ordered after its queued write.
        let otherInserted = expectation(description: "other's connection row committed")
        other.insertConnection(connectionRecord("c2", user: "u")) { _ in otherInserted.fulfill() }
        let appended = LockedBox(0)
        for number in 0..<100 {
            store.append([event("chat:1", "\(number)")]) { result in
                if case .success = result { appended.update { $0 += 1 } }
            }
        }
        store.close()  // waits for the queue: every completion has run
        XCTAssertEqual(appended.get(), 100)
        XCTAssertEqual(try count("SELECT count(*) FROM events"), 100)
        XCTAssertEqual(try count("SELECT count(*) FROM instances WHERE id = '\(store.instanceID)'"), 0)
        XCTAssertEqual(try count("SELECT count(*) FROM connections WHERE id = 'c1'"), 0)
        XCTAssertEqual(try count("SELECT count(*) FROM subscriptions WHERE connection_id = 'c1'"), 0)
        wait(for: [otherInserted], timeout: 5)
        XCTAssertEqual(try count("SELECT count(*) FROM connections WHERE id = 'c2'"), 1)
    }

    func testReadsAfterCloseFailAsClosed() throws {
        let store = try SQLiteStore(path: file(), options: .init())
        store.close()
        let result = self.result { store.latestEventID(completion: $0) }
        XCTAssertEqual(result, .failure(StoreError(.closed, "\(file()): the store is closed")))
    }
}
