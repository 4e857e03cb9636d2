import Foundation
import Switchboard

/// The store's throughput, each figure beside what SQLite itself does with the same rows on
/// the same disk in the same run (RawSQLite: the C API, one big transaction, no queue):
///
/// - appends with group commit, from 1 producer and from 8 producer threads, each append its
///   own call that nobody waits for (what the server's service thread does), against raw
///   inserts of the same rows;
/// - subscription-row insert+delete pairs, against the same pairs raw;
/// - reading a backlog of 10,000 events of one topic in pages, against one raw SELECT that
///   copies the same rows out.
///
/// The baselines get the store's own schema (copied from the store's file), so indexes and
/// AUTOINCREMENT cost both sides the same. Files live in a temporary directory removed at
/// the end. Targets: 100,000 appends/s (10 µs each), 50,000 pairs/s (20 µs each).
enum StoreScenarios {
    static let appendsPerRound = 20_000
    static let pairsPerRound = 10_000
    static let backlogSize = 10_000
    static let backlogPage = 500
    static let timestamp = "2026-11-25T10:00:00.123Z"

    static func run(seconds: Double) throws -> [ScenarioResult] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var results: [ScenarioResult] = []
        results.append(try appends(producers: 1, seconds: seconds, in: directory))
        results.append(try appends(producers: 8, seconds: seconds, in: directory))
        results.append(try subscriptionPairs(seconds: seconds, in: directory))
        results.append(try backlogRead(seconds: seconds, in: directory))
        return results
    }

    // MARK: Appends

    static func appends(producers: Int, seconds: Double, in directory: TemporaryDirectory) throws -> ScenarioResult {
        let store = try SQLiteStore(path: directory.file("appends-\(producers).sqlite"))
        defer { store.close() }
        let events = (0..<appendsPerRound).map { i in
            NewEvent(topic: "chat:bench-\(i % 16)", payload: messagePayload(i))
        }
        var appended = 0
        let subject = try rounds("append, \(producers) producer\(producers == 1 ? "" : "s")", seconds: seconds) {
            let done = Countdown(events.count)
            let start = nowNanoseconds()
            if producers == 1 {
                for event in events {
                    store.append([event]) { done.finish($0.failure) }
                }
            } else {
                // Real threads, more than the cores: contention on the store's queue is the point.
                let ready = Countdown(producers)
                let go = Countdown(1)
                for p in 0..<producers {
                    Thread {
                        ready.finish(nil)
                        try? go.wait()
                        for i in stride(from: p, to: events.count, by: producers) {
                            store.append([events[i]]) { done.finish($0.failure) }
                        }
                    }.start()
                }
                try ready.wait()
                go.finish(nil)
            }
            try done.wait()
            appended += events.count
            return Double(nowNanoseconds() - start) / Double(events.count)
        }

        let raw = try baselineDatabase(copyingSchemaOf: store.path, to: directory.file("raw-appends-\(producers).sqlite"))
        let insert = try raw.prepare("INSERT INTO events(topic, payload, created_at) VALUES (?, ?, ?)")
        let baseline = try rounds("raw INSERTs in one transaction", seconds: seconds) {
            let start = nowNanoseconds()
            try raw.exec("BEGIN")
            for event in events {
                insert.bind(1, event.topic)
                insert.bind(2, event.payload)
                insert.bind(3, timestamp)
                try insert.run()
            }
            try raw.exec("COMMIT")
            return Double(nowNanoseconds() - start) / Double(events.count)
        }

        // Nothing acknowledged may be missing: count what the store's file holds.
        let check = try RawSQLite(path: store.path)
        let stored = Int(try check.rows("SELECT count(*) FROM events")[0][0]) ?? -1
        guard stored == appended else {
            throw BenchError("\(store.path): \(appended) appends were reported committed but the file holds \(stored)")
        }
        return ScenarioResult(
            name: "store appends/s", subject: subject, baseline: baseline, targetNanos: 1e9 / 100_000)
    }

    // MARK: Subscription rows

    static func subscriptionPairs(seconds: Double, in directory: TemporaryDirectory) throws -> ScenarioResult {
        let store = try SQLiteStore(path: directory.file("subscriptions.sqlite"))
        defer { store.close() }
        let connection = ConnectionRecord(
            id: "bench-connection", userId: "ada", remoteAddress: "127.0.0.1:50000",
            connectedAt: timestamp, initPayload: "{}")
        let inserted = Countdown(1)
        store.insertConnection(connection) { inserted.finish($0.failure) }
        try inserted.wait()
        let query = "subscription OnMessage($chatId: ID!) { newMessage(chatId: $chatId) { id content senderName createdAt } }"
        let records = (0..<pairsPerRound).map { i in
            SubscriptionRecord(
                connectionId: connection.id, id: "op-\(i)", topic: "chat:bench-\(i % 16)", query: query,
                variables: #"{"chatId":"bench-\#(i % 16)"}"#, operationName: "OnMessage", createdAt: timestamp)
        }
        let subject = try rounds("subscription insert+delete", seconds: seconds) {
            let done = Countdown(2 * records.count)
            let start = nowNanoseconds()
            for record in records {
                store.insertSubscription(record) { done.finish($0.failure) }
                store.deleteSubscription(connectionId: record.connectionId, id: record.id) { done.finish($0.failure) }
            }
            try done.wait()
            return Double(nowNanoseconds() - start) / Double(records.count)
        }

        let raw = try baselineDatabase(copyingSchemaOf: store.path, to: directory.file("raw-subscriptions.sqlite"))
        // The store's own connection row (and whatever it refers to), so foreign keys hold.
        try raw.exec("ATTACH DATABASE '\(store.path)' AS store")
        for table in ["instances", "connections"] {
            try raw.exec("INSERT INTO main.\(table) SELECT * FROM store.\(table)")
        }
        try raw.exec("DETACH DATABASE store")
        let insert = try raw.prepare("""
            INSERT INTO subscriptions(connection_id, id, topic, query, variables, operation_name, created_at, instance_id)
            SELECT ?, ?, ?, ?, ?, ?, ?, instance_id FROM connections WHERE id = ?1
            """)
        let delete = try raw.prepare("DELETE FROM subscriptions WHERE connection_id = ? AND id = ?")
        let baseline = try rounds("raw INSERT+DELETE in one transaction", seconds: seconds) {
            let start = nowNanoseconds()
            try raw.exec("BEGIN")
            for record in records {
                insert.bind(1, record.connectionId)
                insert.bind(2, record.id)
                insert.bind(3, record.topic)
                insert.bind(4, record.query)
                insert.bind(5, record.variables)
                insert.bind(6, record.operationName ?? "")
                insert.bind(7, record.createdAt)
                try insert.run()
                delete.bind(1, record.connectionId)
                delete.bind(2, record.id)
                try delete.run()
            }
            try raw.exec("COMMIT")
            return Double(nowNanoseconds() - start) / Double(records.count)
        }
        let left = try RawSQLite(path: store.path).rows("SELECT count(*) FROM subscriptions")[0][0]
        guard left == "0" else { throw BenchError("\(store.path): \(left) subscription rows left after deleting all") }
        return ScenarioResult(
            name: "store subscription pairs/s", subject: subject, baseline: baseline, targetNanos: 1e9 / 50_000)
    }

    // MARK: Backlog

    static func backlogRead(seconds: Double, in directory: TemporaryDirectory) throws -> ScenarioResult {
        let store = try SQLiteStore(path: directory.file("backlog.sqlite"))
        defer { store.close() }
        // The topic's events interleaved with another topic's, so the read has to use the index.
        var events: [NewEvent] = []
        for i in 0..<backlogSize {
            events.append(NewEvent(topic: "chat:backlog", payload: messagePayload(i)))
            events.append(NewEvent(topic: "chat:other", payload: messagePayload(i)))
        }
        let filled = Countdown(1)
        store.append(events) { filled.finish($0.failure) }
        try filled.wait()

        let subject = try rounds("backlog of \(grouped(backlogSize)) in pages of \(backlogPage)", seconds: seconds) {
            let start = nowNanoseconds()
            var after: Int64 = 0
            var read = 0
            while true {
                let page = try awaitResult { store.events(topic: "chat:backlog", after: after, limit: backlogPage, completion: $0) }
                read += page.count
                guard let last = page.last, page.count == backlogPage else { break }
                after = last.id
            }
            guard read == backlogSize else { throw BenchError("backlog read \(read) events, expected \(backlogSize)") }
            return Double(nowNanoseconds() - start)
        }

        let raw = try RawSQLite(path: store.path)
        let select = try raw.prepare("SELECT id, topic, payload, created_at FROM events WHERE topic = ? AND id > ? ORDER BY id")
        let baseline = try rounds("one raw SELECT", seconds: seconds) {
            let start = nowNanoseconds()
            var rows: [StoredEvent] = []
            rows.reserveCapacity(backlogSize)
            select.bind(1, "chat:backlog")
            select.bind(2, Int64(0))
            while try select.step() {
                rows.append(StoredEvent(id: select.int64(0), topic: select.text(1), payload: select.bytes(2), createdAt: select.text(3)))
            }
            select.reset()
            guard rows.count == backlogSize else { throw BenchError("raw SELECT read \(rows.count) rows, expected \(backlogSize)") }
            return Double(nowNanoseconds() - start)
        }
        return ScenarioResult(name: "store backlog read", subject: subject, baseline: baseline, targetNanos: nil)
    }

    // MARK: Helpers

    static func messagePayload(_ i: Int) -> [UInt8] {
        // A realistic chat message, built the way publish and the server build it.
        let message = try? ChatMessagePayload(chatId: "bench-\(i % 16)", content: "Hello from the benchmark, message \(i)", senderName: "bench")
        return message?.json.encoded() ?? []
    }

    /// A fresh database with the store's schema (tables, indexes, triggers in creation
    /// order), the store's pragmas, and nothing else.
    static func baselineDatabase(copyingSchemaOf storePath: String, to path: String) throws -> RawSQLite {
        let schema = try RawSQLite(path: storePath).rows("""
            SELECT sql FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid
            """)
        let raw = try RawSQLite(path: path)
        try raw.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON")
        for row in schema { try raw.exec(row[0]) }
        return raw
    }

    /// Warm-up, then samples (one per round) for about `seconds`, at least 5.
    static func rounds(_ name: String, seconds: Double, _ body: () throws -> Double) throws -> Timing {
        _ = try body()
        var samples: [Double] = []
        let deadline = nowNanoseconds() + UInt64(seconds * 1e9)
        repeat {
            samples.append(try body())
        } while nowNanoseconds() < deadline || samples.count < 5
        samples.sort()
        return Timing(name: name, samples: samples)
    }

    /// Waits for one callback-style read.
    static func awaitResult<T: Sendable>(
        _ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void
    ) throws -> T {
        let box = ResultBox<T>()
        start { box.set($0) }
        return try box.wait()
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// Counts completions down to zero; `wait()` returns then, throwing the first failure.
final class Countdown: @unchecked Sendable {
    // @unchecked Sendable: `remaining` and `failure` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var remaining: Int
    private var failure: (any Error)?

    init(_ count: Int) { remaining = count }

    func finish(_ error: (any Error)?) {
        condition.lock()
        remaining -= 1
        if let error, failure == nil { failure = error }
        if remaining == 0 { condition.broadcast() }
        condition.unlock()
    }

    func wait() throws {
        condition.lock()
        while remaining > 0 { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw BenchError("\(failure)") }
    }
}

/// One result handed from the store's thread to the waiting one.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `result` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var result: Result<T, StoreError>?

    func set(_ value: Result<T, StoreError>) {
        condition.lock()
        result = value
        condition.signal()
        condition.unlock()
    }

    func wait() throws -> T {
        condition.lock()
        while result == nil { condition.wait() }
        let value = result!
        condition.unlock()
        return try value.get()
    }
}

/// A directory under $TMPDIR (or /tmp) that `remove()` deletes with everything in it.
struct TemporaryDirectory {
    let path: String

    init() throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array("\(base)/switchboard-bench-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot create a temporary directory under \(base): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
