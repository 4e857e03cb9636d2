#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSQLite

// Reading dead letters for operators (`switchboard dead-letters`), and telling a store file
// apart from anything else before a command that only reads opens it.
extension SQLiteStore {
    public func recentDeadLetters(limit: Int, completion: @escaping @Sendable (Result<[DeadLetterReport], StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            // Newest first; the event may have been pruned since (LEFT JOIN: topic NULL).
            let select = try connection.cached("""
                SELECT d.event_id, d.connection_id, d.subscription_id, d.reason, d.created_at, e.topic
                FROM dead_letters d LEFT JOIN events e ON e.id = d.event_id
                ORDER BY d.id DESC LIMIT ?
                """)
            try select.bind(max(0, limit), at: 1)
            var reports: [DeadLetterReport] = []
            try select.forEachRow { row in
                reports.append(DeadLetterReport(
                    letter: DeadLetter(
                        eventId: row.int64(0), connectionId: row.string(1), subscriptionId: row.string(2),
                        reason: row.string(3), createdAt: row.string(4)),
                    topic: row.optionalString(5)))
            }
            return reports
        }
    }

    /// Checks, without creating or changing anything, that `path` is a Switchboard store this
    /// version can read: the file exists, is an SQLite database and carries Switchboard's
    /// schema. `SQLiteStore(path:)` would create a missing file and add the schema to any
    /// database, which a command that only reads must not do.
    public static func checkExistingStore(atPath path: String) throws(StoreError) {
        var info = stat()
        if stat(path, &info) != 0 {
            let reason = String(cString: strerror(errno))
            throw StoreError(.cannotOpen, "\(path): no store there (\(reason))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw StoreError(.cannotOpen, "\(path): is a directory, not a Switchboard store")
        }
        let version: Int64
        let tables: Int64
        do throws(SQLiteError) {
            let connection = try SQLiteConnection(path: path, mode: .readOnly, busyTimeout: 5)
            defer { connection.close() }
            version = try connection.scalarInt("PRAGMA user_version")
            tables = try connection.scalarInt(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'dead_letters')")
        } catch {
            throw StoreError(error.storeError.kind, "\(path): not a Switchboard store (\(error.message))")
        }
        if version == 0 || tables != 2 {
            throw StoreError(.cannotOpen, "\(path): not a Switchboard store (an SQLite database without Switchboard's tables)")
        }
        if version > Int64(migrations.count) {
            throw StoreError(
                .cannotOpen, "\(path): schema version \(version) is newer than this Switchboard knows (\(migrations.count))")
        }
    }
}
