import Foundation

/// The embedded store: one SQLite file in WAL mode.
///
/// Threads: one writer owns the write connection and commits queued work in groups
/// (`SQLiteStore+Writer.swift`); `readers` threads answer reads on their own read-only
/// connections (`+Readers`); one watcher thread notices commits by anyone through
/// `PRAGMA data_version` and runs retention passes on schedule (`+Watch`, `+Retention`).
/// No caller's thread ever waits for SQLite, except in `init` and `close()`.
public final class SQLiteStore: Store, @unchecked Sendable {
    // @unchecked Sendable: every stored property is immutable except `closed`, which is only
    // touched with `state` locked; the writer, readers and watcher guard their own state.

/// Tuning for one store: timeouts, threads, retention and commit pacing.
    public struct Options: Sendable {
        public var busyTimeout: Double = 5           // seconds
        public var watchInterval: Double = 0.05      // seconds between PRAGMA data_version checks
        public var retention: RetentionPolicy = .keepEverything
        public var retentionInterval: Double = 60    // seconds between pruning passes
        public var readers: Int = 2                  // reader threads/connections
        public var registersInstance: Bool = true    // false for CLI processes (publish/notify)
        /// The longest a write waits for company, in seconds. The writer gathers writes for
        /// twice as long as its last commit took, up to this bound, so commits take at most
        /// about a third of its time whatever the rate of writes, while a lone write or a
        /// writer waiting for its answer is held for tens of microseconds, not milliseconds.
        public var groupCommitWindow: Double = 0.002
        /// Seconds: a commit this soon after the previous one is part of a stream of writes,
        /// and the latency hints (`expectWrite`, `setAppendWillCommit`) stay quiet for it: the
        /// threads they would wake early are awake already.
        public var streamingGap: Double = 0.002
        /// Seconds between updates of this instance's `heartbeat_at`.
        public var heartbeatInterval: Double = 5
        /// An instance whose heartbeat is older than this many seconds is taken for dead
        /// (its connection and subscription rows are removed when another instance starts).
        public var staleInstanceAfter: Double = 60
        /// WAL frames (pages) after which the watcher checkpoints, off the writer's commits
        /// (`SQLiteStore+Checkpoint.swift`); SQLite's own automatic checkpoint is off.
        public var walCheckpointPages: Int = 1000
        /// Test hook: `PRAGMA max_page_count` on the write connection, to simulate a full disk.
        var maxPageCount: Int? = nil
        public init() {}
    }

    public let path: String
    public let instanceID: String                    // this process's instance, recorded on its rows
    let options: Options

    let writer: StoreWriter
    let readers: ReaderPool
    let watcher: StoreWatcher
    let checkpointRequest: CheckpointRequest
    private let state = NSLock()
    private var closed = false

    public init(path: String, options: Options = .init()) throws(StoreError) {
        self.path = path
        self.options = options
        self.instanceID = UUID().uuidString.lowercased()
        let checkpointRequest = CheckpointRequest()
        self.checkpointRequest = checkpointRequest
        // Open everything before starting any thread: a failure leaves no thread behind, and
        // the connections opened so far close as they are released.
        let writeConnection: SQLiteConnection
        var readConnections: [SQLiteConnection] = []
        let watchConnection: SQLiteConnection
        do throws(SQLiteError) {
            writeConnection = try SQLiteConnection(path: path, mode: .readWrite, busyTimeout: options.busyTimeout)
            if let pages = options.maxPageCount {
                _ = try writeConnection.scalarInt("PRAGMA max_page_count = \(pages)")
            }
            try Self.migrate(writeConnection)
            checkpointRequest.install(on: writeConnection, pages: options.walCheckpointPages)
            for _ in 0..<max(1, options.readers) {
                readConnections.append(try SQLiteConnection(path: path, mode: .readOnly, busyTimeout: options.busyTimeout))
            }
            watchConnection = try SQLiteConnection(path: path, mode: .readOnly, busyTimeout: options.busyTimeout)
            // Last, so that a failure before leaves no instance row behind.
            if options.registersInstance {
                try Self.register(instanceID, on: writeConnection, options: options)
            }
        } catch {
            throw error.storeError
        }
        writer = StoreWriter(
            connection: writeConnection, instanceID: instanceID, window: options.groupCommitWindow,
            streamingGap: options.streamingGap,
            heartbeat: options.registersInstance ? (options.heartbeatInterval, Self.heartbeatItem(instanceID)) : nil)
        readers = ReaderPool(connections: readConnections)
        watcher = StoreWatcher(connection: watchConnection, interval: options.watchInterval, checkpoint: checkpointRequest)
        if options.retention != .keepEverything {
            let retention = options.retention
            let writer = self.writer
            let readers = self.readers
            watcher.schedule(every: options.retentionInterval) {
                Self.prune(retention, writer: writer, readers: readers, completion: nil)
            }
        }
    }

    deinit {
        close()
    }

    /// True once `close()` has begun.
    var isClosed: Bool {
        state.lock()
        defer { state.unlock() }
        return closed
    }

    /// Marks the store closed; true for the one caller that does it.
    func beginClosing() -> Bool {
        state.lock()
        defer { state.unlock() }
        if closed { return false }
        closed = true
        return true
    }

    var closedError: StoreError { StoreError(.closed, "\(path): the store is closed") }

    /// Transactions the writer has committed (tests check that group commit groups).
    var transactionCount: Int { writer.transactionCount }
}
