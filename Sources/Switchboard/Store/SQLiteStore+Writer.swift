import CSQLite
import Foundation

/// What a write item sees inside the group's transaction.
struct WriteContext {
    /// The time stamped on every row this transaction writes.
    let timestamp: String
    let instanceID: String
}

/// One unit of queued work. `run` executes inside the group's transaction (within its own
/// savepoint) and returns what to report once the transaction has committed; `fail`
/// reports an error instead.
struct WriteItem: Sendable {
    let run: @Sendable (SQLiteConnection, WriteContext) throws(SQLiteError) -> (@Sendable () -> Void)
    let fail: @Sendable (StoreError) -> Void
    /// Someone waits on this item's completion to deliver it (an append): the writer calls
    /// `commitWillStart` before committing a batch that holds one.
    var awaited = false
}

/// The writer: one thread that owns the write connection and commits queued work in groups.
///
/// Every transaction takes everything queued when it starts (group commit): at 10,000 small
/// writes a second, a commit (one WAL append, no fsync with `synchronous=NORMAL`) costs far
/// more than an insert, so grouping is what makes the rate. Each item runs in its own
/// SAVEPOINT so a failing item is rolled back alone and the rest of the group commits.
/// Completions run on this thread after COMMIT, with the committed results.
final class StoreWriter: @unchecked Sendable {
    // @unchecked Sendable: `queue`, `spare`, `stopping`, `waiting` and the counters are only
    // touched with `condition` locked; `connection` only on the writer thread (handed over);
    // `lastCommitEnd` is written by the writer thread with `condition` locked, read by other
    // threads with it locked and by the writer thread itself without.
    private let condition = NSCondition()
    private var queue: [WriteItem] = []
    private var spare: [WriteItem] = []
    private var stopping = false
    private var waiting = false
    private var transactions = 0
    private var committedItems = 0
    /// Until when a writer woken by `expectWrite()` polls for the write instead of sleeping.
    private var expectUntil: UInt64 = 0
    /// When the last commit ended (monotonic nanoseconds).
    private var lastCommitEnd: UInt64 = 0
    /// Called on the writer thread just before it commits a batch holding an awaited item.
    private var commitWillStart: (@Sendable () -> Void)?

    private let path: String
    private let instanceID: String
    /// Work the writer runs periodically in its own transaction (the instance heartbeat).
    private let heartbeat: (interval: Double, item: WriteItem)?
    /// A commit this soon (nanoseconds) after the last one is part of a stream of writes
    /// (`Options.streamingGap`; see `expectWrite`).
    private let streamingGap: UInt64
    /// The longest a write waits for company (`Options.groupCommitWindow`).
    private let window: Double
    private var thread: StoreThread?

    init(connection: SQLiteConnection, instanceID: String, window: Double, streamingGap: Double = 0.002,
         heartbeat: (interval: Double, item: WriteItem)?) {
        self.path = connection.path
        self.window = max(0, window)
        self.streamingGap = UInt64(max(0, streamingGap) * 1e9)
        self.instanceID = instanceID
        self.heartbeat = heartbeat
        let handover = Handover(connection)
        thread = StoreThread(name: "sb.writer") { [self] in
            loop(handover.value)
        }
    }

    /// Queues an item; false when the writer has stopped (the item is not run).
    @discardableResult
    func enqueue(_ item: WriteItem) -> Bool {
        condition.lock()
        guard !stopping else {
            condition.unlock()
            return false
        }
        queue.append(item)
        // Signal only a writer that sleeps: under load it is busy committing and will take
        // the queue on its next round anyway, so producers skip the wake-up call.
        let wake = waiting
        condition.unlock()
        if wake { condition.signal() }
        return true
    }

    /// A write is about to be queued (a mutation request has arrived). A writer asleep since
    /// its last commit is woken now and polls for `seconds`, so that its wake-up (tens to
    /// hundreds of microseconds on an idle virtual CPU) overlaps the caller's work instead of
    /// following it. A busy writer is left alone: it takes the queue on its next round. So is
    /// one that committed within `streamingGap`: writes are streaming in, its CPU is not
    /// halted, and polling would take a core from the threads producing them (on 2 cores, a
    /// mutation load spent a tenth of the server's CPU in that poll).
    func expectWrite(within seconds: Double = 0.0003) {
        condition.lock()
        let now = monotonicNanoseconds()
        let wake = waiting && expectUntil == 0 && !isStreaming(at: now)
        if wake { expectUntil = now + UInt64(seconds * 1e9) }
        condition.unlock()
        if wake { condition.signal() }
    }

    /// The last commit ended within `streamingGap` of `now`: writes are streaming in, and the
    /// latency hints stay quiet.
    private func isStreaming(at now: UInt64) -> Bool { now &- lastCommitEnd <= streamingGap }

    /// Sets what runs just before a commit that someone awaits (see `WriteItem.awaited`).
    func setCommitWillStart(_ handler: @escaping @Sendable () -> Void) {
        condition.lock()
        commitWillStart = handler
        condition.unlock()
    }

    /// Queues `item` or, when the writer has stopped, fails it with `.closed`.
    func submit(_ item: WriteItem) {
        if !enqueue(item) {
            let error = StoreError(.closed, "\(path): the store is closed")
            reportLater { item.fail(error) }
        }
    }

    /// Commits what is queued, then stops the thread and closes the connection.
    func stop() {
        condition.lock()
        stopping = true
        condition.unlock()
        condition.signal()
        thread?.join()
    }

    /// Transactions committed so far (tests check that group commit groups).
    var transactionCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return transactions
    }

    /// Items committed so far.
    var committedItemCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return committedItems
    }

    // MARK: The writer thread

    private func loop(_ connection: SQLiteConnection) {
        var nextHeartbeat = Date().addingTimeInterval(heartbeat?.interval ?? .infinity)
        var lastCommit = Date.distantPast
        var lastCommitDuration = 0.0
        var batch: [WriteItem] = []
        while true {
            condition.lock()
            while queue.isEmpty && !stopping && Date() < nextHeartbeat {
                if expectUntil != 0 {
                    pollForExpectedWrite()
                    continue
                }
                waiting = true
                if heartbeat != nil {
                    _ = condition.wait(until: nextHeartbeat)
                } else {
                    condition.wait()
                }
                waiting = false
            }
            if queue.isEmpty && stopping {
                condition.unlock()
                break
            }
            // Writes that trickle in gather for a while instead of each paying a commit, but
            // only for about as long as a commit takes (twice the last one's duration, at
            // most `window`): the writer then spends at most a third of its time committing,
            // and a writer waiting on its answer (a mutation over HTTP, 16 clients in step)
            // waits tens of microseconds for company, not milliseconds. A write after a quiet
            // spell commits at once; under load the batches are large and the gap has passed.
            let gatherUntil = lastCommit.addingTimeInterval(min(window, 2 * lastCommitDuration))
            while !stopping && Date() < gatherUntil {
                _ = condition.wait(until: gatherUntil)
            }
            // Take everything queued; the emptied array of last round becomes the new queue,
            // so steady traffic reuses two buffers.
            swap(&queue, &spare)
            batch = spare
            spare = []
            expectUntil = 0  // met (or it lapses unused): the next quiet spell sleeps
            let willCommit = commitWillStart
            condition.unlock()

            if let heartbeat, Date() >= nextHeartbeat {
                batch.append(heartbeat.item)
                nextHeartbeat = Date().addingTimeInterval(heartbeat.interval)
            }
            // After a quiet spell only: under a stream of writes the waiting thread is awake
            // anyway, and a wake-up it did not need costs it a turn of its loop.
            if let willCommit, !isStreaming(at: monotonicNanoseconds()), batch.contains(where: \.awaited) {
                willCommit()
            }
            let started = Date()
            let (committed, commits) = commit(batch, on: connection)
            lastCommit = Date()
            lastCommitDuration = lastCommit.timeIntervalSince(started)

            condition.lock()
            lastCommitEnd = monotonicNanoseconds()
            transactions += commits
            committedItems += committed
            batch.removeAll(keepingCapacity: true)
            if spare.isEmpty { swap(&spare, &batch) }
            condition.unlock()
        }
        connection.close()
    }

    /// `expectWrite()` woke the writer: polls the queue (lock held on entry and on return)
    /// until a write arrives or the expectation lapses.
    ///
    /// Each round yields the CPU rather than spinning. The kernel often wakes the writer on the
    /// CPU of the thread that woke it (here, the service thread, still preparing the write), and
    /// a freshly woken thread runs first: a spinning writer then held that CPU for the whole
    /// window while the write it waited for could not be queued (traced on 2 vCPUs, Linux 6.18:
    /// the write arrived 280 µs late, just after the poll had lapsed). Yielding hands the CPU
    /// back to the producer at once; with a CPU of its own the yield returns at once and the
    /// writer polls as before.
    private func pollForExpectedWrite() {
        let until = expectUntil
        while queue.isEmpty && !stopping && monotonicNanoseconds() < until {
            condition.unlock()
            sched_yield()
            condition.lock()
        }
        expectUntil = 0
    }

    /// Runs `batch` in one transaction and reports each item. Returns the number of items
    /// committed and of transactions committed.
    ///
    /// Items almost never fail, so the batch first runs as a plain transaction. Should an item
    /// (or the commit) fail, that transaction is rolled back and the batch runs again with a
    /// savepoint per item, so that the failure stays the failing item's own. Item bodies only
    /// touch the database and hand their results to the report they return, so running them
    /// again after a rollback gives what running them once would have. The savepoints cost two
    /// statements per item: two of a lone append's five, nearly two thirds of the statements
    /// of a larger group (two of each item's three).
    private func commit(_ batch: [WriteItem], on connection: SQLiteConnection) -> (items: Int, commits: Int) {
        let context = WriteContext(timestamp: StoreClock.now(), instanceID: instanceID)
        switch commitTogether(batch, on: connection, context: context) {
        case .committed(let reports):
            for report in reports { report() }
            return (reports.count, 1)
        case .cannotBegin(let error):
            // The write lock is not ours (another process beyond the busy timeout) or the file
            // is unusable: nothing can be written, and trying again would wait as long again.
            for item in batch { item.fail(error.storeError) }
            return (0, 0)
        case .failed:
            return commitItemByItem(batch, on: connection, context: context)
        }
    }

    private enum TogetherOutcome {
        case committed([@Sendable () -> Void])
        case cannotBegin(SQLiteError)
        /// An item or the commit failed; the transaction was rolled back.
        case failed
    }

    /// The whole batch in one transaction without savepoints.
    private func commitTogether(_ batch: [WriteItem], on connection: SQLiteConnection, context: WriteContext)
        -> TogetherOutcome
    {
        do throws(SQLiteError) {
            try connection.cached("BEGIN IMMEDIATE").run()
        } catch {
            return .cannotBegin(error)
        }
        var reports: [@Sendable () -> Void] = []
        reports.reserveCapacity(batch.count)
        do throws(SQLiteError) {
            for item in batch { reports.append(try item.run(connection, context)) }
            try connection.cached("COMMIT").run()
            return .committed(reports)
        } catch {
            connection.rollback()
            return .failed
        }
    }

    /// The batch in one transaction, one savepoint per item: an item that fails is rolled back
    /// alone and reported failed, the rest commit.
    private func commitItemByItem(_ batch: [WriteItem], on connection: SQLiteConnection, context: WriteContext)
        -> (items: Int, commits: Int)
    {
        var commits = 0
        // Reports of committed items; those of the open transaction wait in `pending`.
        var reports: [@Sendable () -> Void] = []
        reports.reserveCapacity(batch.count)
        var pending: [(item: WriteItem, report: @Sendable () -> Void)] = []
        pending.reserveCapacity(batch.count)
        var failures: [(WriteItem, StoreError)] = []

        func failPending(_ error: SQLiteError) {
            for (item, _) in pending { failures.append((item, error.storeError)) }
            pending.removeAll()
        }

        var index = 0
        while index < batch.count {
            do throws(SQLiteError) {
                try connection.cached("BEGIN IMMEDIATE").run()
            } catch {
                // The write lock is not ours (another process beyond the busy timeout) or the
                // file is unusable: nothing of the rest can be written.
                let storeError = error.storeError
                for item in batch[index...] { failures.append((item, storeError)) }
                break
            }
            while index < batch.count {
                let item = batch[index]
                index += 1
                do throws(SQLiteError) {
                    let report = try connection.savepoint { () throws(SQLiteError) in
                        try item.run(connection, context)
                    }
                    pending.append((item, report))
                } catch {
                    failures.append((item, error.storeError))
                    if connection.isAutocommit {
                        // SQLite rolled the whole transaction back (disk full, I/O error):
                        // the items before this one are gone too. Report them, start anew.
                        failPending(error)
                        break
                    }
                }
            }
            guard !connection.isAutocommit else { continue }
            do throws(SQLiteError) {
                try connection.cached("COMMIT").run()
                commits += 1
                for (_, report) in pending { reports.append(report) }
                pending.removeAll()
            } catch {
                connection.rollback()
                failPending(error)
            }
        }
        for report in reports { report() }
        for (item, error) in failures { item.fail(error) }
        return (reports.count, commits)
    }
}
