/// What the server needs from durable storage: the event log, the live records of
/// connections and subscriptions, dead letters, settings, and a feed of events that
/// other processes append.
///
/// Writes are asynchronous and reported through callbacks, because the server's service
/// thread must never wait for the disk: a write is queued, committed by the store's own
/// writer together with whatever else is queued (group commit), and its completion is
/// called on the writer's thread once it is durable. The `async` conveniences in
/// `Store+Async.swift` wrap these for callers that can wait.
///
/// Reads run on the store's reader threads and report the same way; they never block the
/// writer (SQLite's WAL mode), and never run on the caller's thread.
///
/// `SQLiteStore` is the embedded implementation; `InMemoryStore` serves tests of higher
/// layers. A distributed engine will implement the same protocol when one machine is not
/// enough (architecture.md, "Growing past one machine").
public protocol Store: AnyObject, Sendable {
    // MARK: Event log

    /// Appends events in order; the completion receives them with their ids and times
    /// once committed, or the error that kept them out (none of them is then stored).
    func append(_ events: [NewEvent], completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void)

    /// Events of a topic with an id greater than `after`, oldest first, at most `limit`:
    /// one page of the backlog a resuming subscriber must see first.
    func events(topic: String, after: Int64, limit: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void)

    /// Up to `last` events of a topic older than `before` (all when nil), oldest first.
    func history(topic: String, before: Int64?, last: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void)

    /// Events of any topic with an id greater than `after`, oldest first, at most `limit`.
    func events(after: Int64, limit: Int, completion: @escaping @Sendable (Result<[StoredEvent], StoreError>) -> Void)

    /// The largest event id committed so far (0 when the log is empty).
    func latestEventID(completion: @escaping @Sendable (Result<Int64, StoreError>) -> Void)

    // MARK: Live records

    func insertConnection(_ record: ConnectionRecord, completion: (@Sendable (Result<Void, StoreError>) -> Void)?)
    /// Removes the connection and every subscription it holds.
    func deleteConnection(id: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?)
    func insertSubscription(_ record: SubscriptionRecord, completion: (@Sendable (Result<Void, StoreError>) -> Void)?)
    func deleteSubscription(connectionId: String, id: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?)

    func subscriptions(topic: String, completion: @escaping @Sendable (Result<[SubscriptionRecord], StoreError>) -> Void)
    func connections(userId: String, completion: @escaping @Sendable (Result<[ConnectionRecord], StoreError>) -> Void)

    // MARK: Dead letters and settings

    func appendDeadLetters(_ letters: [DeadLetter], completion: (@Sendable (Result<Void, StoreError>) -> Void)?)
    func deadLetters(limit: Int, completion: @escaping @Sendable (Result<[DeadLetter], StoreError>) -> Void)
    /// The newest `limit` dead letters, newest first, each with its event's topic: what an
    /// operator looks at first (`switchboard dead-letters`).
    func recentDeadLetters(limit: Int, completion: @escaping @Sendable (Result<[DeadLetterReport], StoreError>) -> Void)

    func setting(_ key: String, completion: @escaping @Sendable (Result<String?, StoreError>) -> Void)
    func setSetting(_ key: String, value: String, completion: (@Sendable (Result<Void, StoreError>) -> Void)?)
    /// Stores `value` under `key` unless the key has a value already, through the writer (so
    /// two processes racing to create a setting agree on one); the completion receives the
    /// value stored now: `value`, or the one that was there.
    func insertSettingIfAbsent(_ key: String, value: String, completion: @escaping @Sendable (Result<String, StoreError>) -> Void)

    // MARK: Events from elsewhere

    /// Calls `handler` with every event committed after `after` by anyone (this process
    /// or another), in id order, in batches, within the store's watch interval (≤ 200 ms
    /// for SQLite). Events this store appended itself are included: the caller filters.
    /// The handler runs on the store's watcher thread.
    func watch(after: Int64, handler: @escaping @Sendable ([StoredEvent]) -> Void) -> StoreWatch

    // MARK: Latency hints

    /// A write is about to be queued (a mutation request has arrived): a store whose writer
    /// sleeps may wake it now, so the wake-up overlaps the caller's work. Any thread.
    func expectWrite()

    /// `handler` runs just before the store commits appended events whose completion someone
    /// awaits (on the store's thread): the receiver of the completions can get ready, so the
    /// commit's result finds it awake. At most one handler; a later call replaces it.
    func setAppendWillCommit(_ handler: @escaping @Sendable () -> Void)

    /// Waits for queued writes to commit, stops the store's threads and closes it.
    /// Records of this process's connections and subscriptions are removed first.
    func close()
}

extension Store {
    public func expectWrite() {}
    public func setAppendWillCommit(_ handler: @escaping @Sendable () -> Void) {}
}

/// A running `watch`; `cancel()` stops it.
public protocol StoreWatch: Sendable {
    func cancel()
}

/// Why a store operation failed: what, and which file.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
/// The class of failure, for callers that react differently (retry when busy, …).
    public enum Kind: Sendable, Hashable {
        /// The file cannot be opened or is not a database.
        case cannotOpen
        /// The database is locked by another process beyond the busy timeout.
        case busy
        /// The disk or the database's size limit is full.
        case full
        /// A record violates a constraint (a duplicate id, …).
        case constraint
        /// The directory or file is read-only.
        case readOnly
        /// The store was closed.
        case closed
        /// Anything else SQLite reports.
        case other
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
