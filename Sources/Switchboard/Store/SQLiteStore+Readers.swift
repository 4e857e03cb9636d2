import Foundation

/// Reader threads, each with its own read-only connection, taking jobs from one queue.
/// In WAL mode a reader reads a snapshot and never blocks the writer, nor waits for it.
final class ReaderPool: @unchecked Sendable {
    // @unchecked Sendable: `jobs`, `stopping` and `idle` are only touched with `condition`
    // locked; each connection belongs to its thread (handed over at start).
    typealias Job = @Sendable (SQLiteConnection) -> Void
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var stopping = false
    private var idle = 0
    private var threads: [StoreThread] = []

    init(connections: [SQLiteConnection]) {
        for (number, connection) in connections.enumerated() {
            let handover = Handover(connection)
            threads.append(StoreThread(name: "sb.reader\(number)") { [self] in
                loop(handover.value)
            })
        }
    }

    /// Queues a job; false when the pool has stopped.
    func submit(_ job: @escaping Job) -> Bool {
        condition.lock()
        guard !stopping else {
            condition.unlock()
            return false
        }
        jobs.append(job)
        let wake = idle > 0
        condition.unlock()
        if wake { condition.signal() }
        return true
    }

    /// Runs the jobs already queued, then stops the threads and closes their connections.
    func stop() {
        condition.lock()
        stopping = true
        condition.unlock()
        condition.broadcast()
        for thread in threads { thread.join() }
    }

    private func loop(_ connection: SQLiteConnection) {
        while true {
            condition.lock()
            while head == jobs.count && !stopping {
                idle += 1
                condition.wait()
                idle -= 1
            }
            if head == jobs.count {
                condition.unlock()
                break
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job(connection)
        }
        connection.close()
    }
}

// MARK: Reads of the Store protocol

/// Completions run on the store's threads, never inside the call — also once the store is
/// closed and no thread of its own is left, so a caller holding a lock cannot deadlock on
/// its own completion.
func reportLater(_ body: @escaping @Sendable () -> Void) {
    DispatchQueue.global().async(execute: body)
}

extension SQLiteStore {
    func reportClosed<T: Sendable>(_ completion: @escaping @Sendable (Result<T, StoreError>) -> Void) {
        let error = closedError
        reportLater { completion(.failure(error)) }
    }

    /// Runs `body` on a reader thread and reports its result there.
    func read<T: Sendable>(
        _ completion: @escaping @Sendable (Result<T, StoreError>) -> Void,
        _ body: @escaping @Sendable (SQLiteConnection) throws(SQLiteError) -> T
    ) {
        let accepted = readers.submit { connection in
            do throws(SQLiteError) {
                completion(.success(try body(connection)))
            } catch {
                completion(.failure(error.storeError))
            }
        }
        if !accepted { reportClosed(completion) }
    }

    static let eventColumns = "id, topic, payload, created_at"

    /// Reads the rows of `statement` (columns `eventColumns`) as events.
    static func events(from statement: SQLiteStatement) throws(SQLiteError) -> [StoredEvent] {
        var events: [StoredEvent] = []
        try statement.forEachRow { (row) throws(SQLiteError) in
            events.append(StoredEvent(id: row.int64(0), topic: row.string(1), payload: row.bytes(2), createdAt: row.string(3)))
        }
        return events
    }

    /// Events of any topic after `after`, oldest first: used by readers and the watcher.
    static func events(after: Int64, limit: Int, on connection: SQLiteConnection) throws(SQLiteError) -> [StoredEvent] {
        let select = try connection.cached("SELECT \(eventColumns) FROM events WHERE id > ? ORDER BY id LIMIT ?")
        try select.bind(after, at: 1)
        try select.bind(limit, at: 2)
        return try events(from: select)
    }

    public func events(topic: String, after: Int64, limit: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            let select = try connection.cached(
                "SELECT \(Self.eventColumns) FROM events WHERE topic = ? AND id > ? ORDER BY id LIMIT ?")
            try select.bind(topic, at: 1)
            try select.bind(after, at: 2)
            try select.bind(max(0, limit), at: 3)
            return try Self.events(from: select)
        }
    }

    public func history(topic: String, before: Int64?, last: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            // The newest `last` before `before`, walking the (topic, id) index backwards,
            // then turned around: history reads oldest first.
            let select = try connection.cached(
                "SELECT \(Self.eventColumns) FROM events WHERE topic = ? AND id < ? ORDER BY id DESC LIMIT ?")
            try select.bind(topic, at: 1)
            try select.bind(before ?? Int64.max, at: 2)
            try select.bind(max(0, last), at: 3)
            return try Self.events(from: select).reversed()
        }
    }

    public func events(after: Int64, limit: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            try Self.events(after: after, limit: max(0, limit), on: connection)
        }
    }

    public func latestEventID(completion: @escaping @Sendable (Result<Int64, StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            // sqlite_sequence keeps the largest id ever given, also when retention has pruned
            // it; MAX(id) covers a file whose sequence row is missing.
            max(
                try connection.scalarInt("SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
                try connection.scalarInt("SELECT MAX(id) FROM events"))
        }
    }

    public func subscriptions(topic: String, completion: @escaping @Sendable (Result<[SubscriptionRecord], StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            let select = try connection.cached("""
                SELECT connection_id, id, topic, query, variables, operation_name, created_at
                FROM subscriptions WHERE topic = ? ORDER BY created_at, connection_id, id
                """)
            try select.bind(topic, at: 1)
            var records: [SubscriptionRecord] = []
            try select.forEachRow { row in
                records.append(SubscriptionRecord(
                    connectionId: row.string(0), id: row.string(1), topic: row.string(2), query: row.string(3),
                    variables: row.string(4), operationName: row.optionalString(5), createdAt: row.string(6)))
            }
            return records
        }
    }

    public func connections(userId: String, completion: @escaping @Sendable (Result<[ConnectionRecord], StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            let select = try connection.cached("""
                SELECT id, user_id, remote_addr, connected_at, init_payload
                FROM connections WHERE user_id = ? ORDER BY connected_at, id
                """)
            try select.bind(userId, at: 1)
            var records: [ConnectionRecord] = []
            try select.forEachRow { row in
                records.append(ConnectionRecord(
                    id: row.string(0), userId: row.optionalString(1), remoteAddress: row.string(2),
                    connectedAt: row.string(3), initPayload: row.string(4)))
            }
            return records
        }
    }

    public func deadLetters(limit: Int, completion: @escaping @Sendable (Result<[DeadLetter], StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            // In the order they were recorded.
            let select = try connection.cached("""
                SELECT event_id, connection_id, subscription_id, reason, created_at
                FROM dead_letters ORDER BY id LIMIT ?
                """)
            try select.bind(max(0, limit), at: 1)
            var letters: [DeadLetter] = []
            try select.forEachRow { row in
                letters.append(DeadLetter(
                    eventId: row.int64(0), connectionId: row.string(1), subscriptionId: row.string(2),
                    reason: row.string(3), createdAt: row.string(4)))
            }
            return letters
        }
    }

    public func setting(_ key: String, completion: @escaping @Sendable (Result<String?, StoreError>) -> Void) {
        read(completion) { (connection) throws(SQLiteError) in
            let select = try connection.cached("SELECT value FROM settings WHERE key = ?")
            try select.bind(key, at: 1)
            defer { select.reset() }
            return try select.step() ? select.string(0) : nil
        }
    }
}
