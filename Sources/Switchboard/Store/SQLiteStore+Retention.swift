import Foundation

/// Retention: events older than `maxAgeSeconds`, or beyond `maxEventsPerTopic` in their
/// topic, are deleted in the background. Deletes go through the writer queue in batches of
/// `pruneBatch` rows, one item per batch, so other writes interleave and never wait behind
/// a long delete; the search for what to delete runs on a reader.
extension SQLiteStore {
    static let pruneBatch = 500

    /// Runs one full pruning pass now; the completion receives the number of events deleted.
    public func pruneNow(completion: @escaping @Sendable (Result<Int, StoreError>) -> Void) {
        guard !isClosed else { return reportClosed(completion) }
        Self.prune(options.retention, writer: writer, readers: readers, completion: completion)
    }

    /// `pruneNow` for callers that can wait.
    public func pruneNow() async throws(StoreError) -> Int {
        let result: Result<Int, StoreError> = await withCheckedContinuation { continuation in
            pruneNow { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// One pass: by age first, then per topic by count.
    static func prune(
        _ policy: RetentionPolicy, writer: StoreWriter, readers: ReaderPool,
        completion: (@Sendable (Result<Int, StoreError>) -> Void)?
    ) {
        let byCount: @Sendable (Int) -> Void = { deletedByAge in
            guard let maxPerTopic = policy.maxEventsPerTopic else {
                completion?(.success(deletedByAge))
                return
            }
            // Find the topics over their limit on a reader: a scan of the (topic, id) index
            // the writer need not wait for.
            let accepted = readers.submit { connection in
                do throws(SQLiteError) {
                    let cutoffs = try topicCutoffs(maxPerTopic: max(0, maxPerTopic), on: connection)
                    pruneByCount(cutoffs[...], deleted: deletedByAge, writer: writer, completion: completion)
                } catch {
                    completion?(.failure(error.storeError))
                }
            }
            if !accepted { completion?(.success(deletedByAge)) }
        }
        if let maxAge = policy.maxAgeSeconds {
            let cutoff = formatTimestamp(StoreClock.nowMilliseconds() - Int64(maxAge * 1000))
            pruneByAge(before: cutoff, deleted: 0, writer: writer) { result in
                switch result {
                case .success(let deleted): byCount(deleted)
                case .failure(let error): completion?(.failure(error))
                }
            }
        } else {
            byCount(0)
        }
    }

    /// Deletes up to `pruneBatch` of the oldest events created before `cutoff`, and queues
    /// the next batch behind whatever else was queued meanwhile, until none is left.
    ///
    /// Events are appended in id order with the writer's clock, so the old ones are a prefix
    /// of the id order: reading the first ids stops at the first young event instead of
    /// scanning the table (an event stamped out of order by another process's clock only
    /// waits for a later pass).
    private static func pruneByAge(
        before cutoff: String, deleted: Int, writer: StoreWriter,
        completion: @escaping @Sendable (Result<Int, StoreError>) -> Void
    ) {
        writer.submit(WriteItem(
            run: { (connection, _) throws(SQLiteError) in
                let select = try connection.cached("SELECT id, created_at FROM events ORDER BY id LIMIT ?")
                try select.bind(pruneBatch, at: 1)
                var lastOld: Int64?
                var count = 0
                var young = false
                try select.forEachRow { row in
                    guard !young else { return }
                    if row.string(1) < cutoff {
                        lastOld = row.int64(0)
                        count += 1
                    } else {
                        young = true
                    }
                }
                if let lastOld {
                    let delete = try connection.cached("DELETE FROM events WHERE id <= ?")
                    try delete.bind(lastOld, at: 1)
                    try delete.run()
                }
                let total = deleted + count
                let more = count == pruneBatch
                return {
                    if more {
                        pruneByAge(before: cutoff, deleted: total, writer: writer, completion: completion)
                    } else {
                        completion(.success(total))
                    }
                }
            },
            fail: { completion(.failure($0)) }))
    }

    /// For each topic with more than `maxPerTopic` events: the largest id to delete.
    private static func topicCutoffs(maxPerTopic: Int, on connection: SQLiteConnection) throws(SQLiteError) -> [(topic: String, upTo: Int64)] {
        var over: [String] = []
        let counts = try connection.cached("SELECT topic FROM events GROUP BY topic HAVING COUNT(*) > ?")
        try counts.bind(maxPerTopic, at: 1)
        try counts.forEachRow { row in over.append(row.string(0)) }
        var cutoffs: [(topic: String, upTo: Int64)] = []
        let newestKept = try connection.cached(
            "SELECT id FROM events WHERE topic = ? ORDER BY id DESC LIMIT 1 OFFSET ?")
        for topic in over {
            try newestKept.bind(topic, at: 1)
            try newestKept.bind(maxPerTopic, at: 2)
            defer { newestKept.reset() }
            if try newestKept.step() {
                cutoffs.append((topic, newestKept.int64(0)))
            }
        }
        return cutoffs
    }

    /// Deletes, batch by batch through the writer, the events of each topic up to its cutoff.
    private static func pruneByCount(
        _ cutoffs: ArraySlice<(topic: String, upTo: Int64)>, deleted: Int, writer: StoreWriter,
        completion: (@Sendable (Result<Int, StoreError>) -> Void)?
    ) {
        guard let (topic, upTo) = cutoffs.first else {
            completion?(.success(deleted))
            return
        }
        let rest = Array(cutoffs.dropFirst())
        writer.submit(WriteItem(
            run: { (connection, _) throws(SQLiteError) in
                let delete = try connection.cached("""
                    DELETE FROM events WHERE id IN
                        (SELECT id FROM events WHERE topic = ? AND id <= ? ORDER BY id LIMIT ?)
                    """)
                try delete.bind(topic, at: 1)
                try delete.bind(upTo, at: 2)
                try delete.bind(pruneBatch, at: 3)
                try delete.run()
                let count = connection.changes
                return {
                    let next = count == pruneBatch ? [(topic, upTo)] + rest : rest
                    pruneByCount(next[...], deleted: deleted + count, writer: writer, completion: completion)
                }
            },
            fail: { completion?(.failure($0)) }))
    }
}
