import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The life of an instance (one server process on the store): registered on open with its
/// pid and host, kept alive by a heartbeat, its rows removed on close, and — when it died
/// without closing — removed by the next instance that opens the store.
extension SQLiteStore {
    /// This machine's name: a pid identifies a process only on its own machine.
    static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// Removes the rows of dead instances, then records this one. One transaction: another
    /// instance starting at the same moment sees either all or none of it.
    static func register(_ instanceID: String, on connection: SQLiteConnection, options: Options) throws(SQLiteError) {
        let now = StoreClock.nowMilliseconds()
        let staleBefore = formatTimestamp(now - Int64(options.staleInstanceAfter * 1000))
        try connection.transaction(.immediate) { () throws(SQLiteError) in
            var dead: [String] = []
            let select = try connection.cached("SELECT id, pid, host, heartbeat_at FROM instances")
            try select.forEachRow { row in
                let pid = row.int64(1)
                let host = row.string(2)
                let heartbeat = row.string(3)
                if heartbeat < staleBefore || (host == hostName && !processExists(pid)) {
                    dead.append(row.string(0))
                }
            }
            for id in dead {
                try removeRows(of: id, on: connection)
            }
            let insert = try connection.cached(
                "INSERT INTO instances(id, pid, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)")
            try insert.bind(instanceID, at: 1)
            try insert.bind(Int64(getpid()), at: 2)
            try insert.bind(hostName, at: 3)
            try insert.bind(formatTimestamp(now), at: 4)
            try insert.bind(formatTimestamp(now), at: 5)
            try insert.run()
        }
    }

    /// Whether a process with this pid exists on this machine. `kill(pid, 0)` sends nothing;
    /// ESRCH means no such process (EPERM: it exists, owned by someone else).
    static func processExists(_ pid: Int64) -> Bool {
        guard pid > 0, pid <= Int64(Int32.max) else { return false }
        return kill(pid_t(pid), 0) == 0 || errno != ESRCH
    }

    /// Deletes an instance's connections, subscriptions and its own row.
    static func removeRows(of instanceID: String, on connection: SQLiteConnection) throws(SQLiteError) {
        for sql in [
            "DELETE FROM subscriptions WHERE instance_id = ?",
            "DELETE FROM connections WHERE instance_id = ?",
            "DELETE FROM instances WHERE id = ?",
        ] {
            let delete = try connection.cached(sql)
            try delete.bind(instanceID, at: 1)
            try delete.run()
        }
    }

    /// The writer's periodic update of this instance's `heartbeat_at`.
    static func heartbeatItem(_ instanceID: String) -> WriteItem {
        WriteItem(
            run: { (connection, context) throws(SQLiteError) in
                let update = try connection.cached("UPDATE instances SET heartbeat_at = ? WHERE id = ?")
                try update.bind(context.timestamp, at: 1)
                try update.bind(instanceID, at: 2)
                try update.run()
                return {}
            },
            fail: { _ in })  // the next heartbeat tries again
    }

    /// Waits for queued writes to commit, removes this instance's connection and
    /// subscription rows (and its instance row), stops the threads and closes the file.
    /// Do not call it from a store callback: it waits for the threads that run them.
    public func close() {
        guard beginClosing() else { return }
        watcher.stop()
        if options.registersInstance {
            let instanceID = self.instanceID
            writer.enqueue(WriteItem(
                run: { (connection, _) throws(SQLiteError) in
                    try Self.removeRows(of: instanceID, on: connection)
                    return {}
                },
                fail: { _ in }))  // the next instance to start removes them instead
        }
        writer.stop()
        readers.stop()
    }
}
