import Foundation

/// A `Store` kept in memory, for tests of the layers above the store (the server, the
/// fan-out, resolvers). It behaves as `SQLiteStore` does where callers can tell:
///
/// - event ids increase strictly from 1 and are never reused, also after pruning;
/// - every completion runs later on the store's own serial queue, never inside the call,
///   so callers meet the same re-entrancy as with SQLite's writer and reader threads;
/// - operations run in the order they were called, each one atomic: an append's events
///   are all visible when its completion runs, and a failed one stores nothing;
/// - `watch` handlers run on the store's watcher queue, get every committed event once,
///   in id order, in batches (right after each commit rather than on a timer);
/// - after `close()` every call fails with `StoreError.Kind.closed`.
///
/// `StoreConformance` (in the tests) checks both stores against the same expectations.
public final class InMemoryStore: Store, @unchecked Sendable {
    // @unchecked Sendable: the only mutable state is `state`, read and written solely
    // inside `withState`, under `lock`. The queues, the timer and `options` are set once in
    // `init` and never change; Dispatch queues and sources may be used from any thread.

/// How an in-memory store names itself and prunes.
    public struct Options: Sendable {
        /// Used as the store's "file" in error messages.
        public var name: String = "memory"
        /// Pruned in the background every `retentionInterval` seconds, as SQLiteStore does.
        public var retention: RetentionPolicy = .keepEverything
        public var retentionInterval: Double = 60
        /// Milliseconds since the epoch; tests replace it to age events for retention.
        public var clock: @Sendable () -> Int64 = StoreClock.nowMilliseconds

        public init() {}
    }

    struct State {
        var closed = false
        var log = InMemoryEventLog()
        var records = InMemoryRecords()
        var watchers: [Int: Watcher] = [:]
        var nextWatcherID = 0
    }

    struct Watcher {
        /// The id of the last event handed to the handler.
        var cursor: Int64
        let handler: @Sendable ([StoredEvent]) -> Void
        /// A drain is queued or running for this watcher; commits need not queue another.
        var draining: Bool
    }

    /// Events handed to a watch handler at once, at most.
    static let watchBatchSize = 1000

    public let options: Options
    private let lock = NSLock()
    private var state = State()
    /// Runs every operation, then its completion: the store's "writer and reader" thread.
    private let queue: DispatchQueue
    /// Runs watch handlers: the store's "watcher" thread.
    private let watcherQueue: DispatchQueue
    private let queueKey = DispatchSpecificKey<Bool>()
    private let retentionTimer: DispatchSourceTimer?

    public init(options: Options = .init()) {
        self.options = options
        queue = DispatchQueue(label: "switchboard.store.memory")
        watcherQueue = DispatchQueue(label: "switchboard.store.memory.watcher")
        queue.setSpecific(key: queueKey, value: true)
        watcherQueue.setSpecific(key: queueKey, value: false)
        if options.retention != .keepEverything, options.retentionInterval > 0 {
            retentionTimer = DispatchSource.makeTimerSource(queue: queue)
        } else {
            retentionTimer = nil
        }
        if let retentionTimer {
            let interval = options.retentionInterval
            retentionTimer.schedule(deadline: .now() + interval, repeating: interval)
            retentionTimer.setEventHandler { [weak self] in
                guard let self else { return }
                _ = self.withState { state in
                    state.closed ? 0 : self.prune(&state, policy: self.options.retention)
                }
            }
            retentionTimer.resume()
        }
    }

    deinit {
        retentionTimer?.cancel()
    }

    var closedError: StoreError { StoreError(.closed, "\(options.name): the store is closed") }

    func withState<T>(_ body: (inout State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }

    /// Runs `body` on the store's queue under the lock, then calls `completion` there.
    /// Every protocol method goes through here, so nothing completes inside the call.
    func perform<T: Sendable>(
        _ completion: (@Sendable (Result<T, StoreError>) -> Void)?,
        _ body: @escaping @Sendable (inout State) throws(StoreError) -> T
    ) {
        queue.async { [self] in
            let result: Result<T, StoreError> = withState { state in
                guard !state.closed else { return .failure(closedError) }
                do throws(StoreError) {
                    return .success(try body(&state))
                } catch {
                    return .failure(error)
                }
            }
            completion?(result)
        }
    }

    // MARK: Close

    public func close() {
        // From a completion (already on the queue) close at once; from elsewhere, close in
        // queue order so every operation called before `close()` finishes first.
        if DispatchQueue.getSpecific(key: queueKey) == true {
            closeNow()
        } else {
            queue.sync { closeNow() }
        }
        // Let a watch handler that is running finish, so none runs after `close()` returns
        // (unless `close()` was called from a handler itself).
        if DispatchQueue.getSpecific(key: queueKey) == nil {
            watcherQueue.sync {}
        }
    }

    private func closeNow() {
        let wasOpen = withState { state in
            guard !state.closed else { return false }
            state.closed = true
            // Every connection and subscription here is this process's: remove them all,
            // as SQLiteStore removes its instance's rows.
            state.records.removeLiveRecords()
            state.watchers = [:]
            return true
        }
        if wasOpen { retentionTimer?.cancel() }
    }

    // MARK: Watch

    public func watch(after: Int64, handler: @escaping @Sendable ([StoredEvent]) -> Void) -> StoreWatch {
        let id: Int? = withState { state in
            guard !state.closed else { return nil }
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            state.watchers[id] = Watcher(cursor: after, handler: handler, draining: true)
            return id
        }
        guard let id else { return InMemoryWatch {} }
        // The first drain delivers what was committed after `after` before the watch began.
        watcherQueue.async { [self] in drain(watcher: id) }
        return InMemoryWatch { [weak self] in
            _ = self?.withState { $0.watchers.removeValue(forKey: id) }
        }
    }

    /// Called under the lock after a commit: queues a drain for each idle watcher.
    func wakeWatchers(_ state: inout State) {
        for (id, watcher) in state.watchers where !watcher.draining {
            state.watchers[id]!.draining = true
            watcherQueue.async { [self] in drain(watcher: id) }
        }
    }

    /// Hands the watcher every event after its cursor, batch by batch, until none is left.
    /// Only the watcher queue runs this (serially), so batches arrive in id order.
    private func drain(watcher id: Int) {
        while true {
            let next: (@Sendable ([StoredEvent]) -> Void, [StoredEvent])? = withState { state in
                guard !state.closed, let watcher = state.watchers[id] else { return nil }
                let batch = state.log.events(topic: nil, after: watcher.cursor, limit: Self.watchBatchSize)
                guard let last = batch.last else {
                    state.watchers[id]!.draining = false
                    return nil
                }
                state.watchers[id]!.cursor = last.id
                return (watcher.handler, batch)
            }
            guard let (handler, batch) = next else { return }
            handler(batch)
        }
    }

    // MARK: Retention

    /// Prunes now with `policy` (the store's own when nil), as SQLiteStore's background
    /// pass does; the completion gets the number of events removed. Ids stay unused.
    public func pruneNow(
        policy: RetentionPolicy? = nil, completion: @escaping @Sendable (Result<Int, StoreError>) -> Void
    ) {
        let policy = policy ?? options.retention
        perform(completion) { [self] (state: inout State) throws(StoreError) -> Int in
            prune(&state, policy: policy)
        }
    }

    public func pruneNow(policy: RetentionPolicy? = nil) async throws(StoreError) -> Int {
        let result: Result<Int, StoreError> = await withCheckedContinuation { continuation in
            pruneNow(policy: policy) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    private func prune(_ state: inout State, policy: RetentionPolicy) -> Int {
        let cutoff = policy.maxAgeSeconds.map { options.clock() - Int64(($0 * 1000).rounded()) }
        return state.log.prune(olderThan: cutoff, keepPerTopic: policy.maxEventsPerTopic)
    }
}

/// A running watch of an InMemoryStore.
struct InMemoryWatch: StoreWatch {
    let onCancel: @Sendable () -> Void

    func cancel() { onCancel() }
}
