import Foundation

/// The watcher thread: notices commits made by any connection (this process's writer or
/// another process) and hands the new events to the watches, in id order.
///
/// Every `interval` it asks `PRAGMA data_version`, which changes whenever another
/// connection has committed to the file: one cheap call, no rows read. Only when it has
/// changed does it read the events after each watch's last id. It also runs periodic work
/// (the retention passes), since it is the store's one thread that keeps time.
final class StoreWatcher: @unchecked Sendable {
    // @unchecked Sendable: `watches`, `timers`, `stopping` are only touched with `condition`
    // locked; the connection belongs to the watcher thread (handed over at start).
    final class Watch: StoreWatch, @unchecked Sendable {
        // @unchecked Sendable: `cursor` is only used on the watcher thread; `cancelled` is
        // read and written with the watcher's lock held; `fresh` is set before the watch is
        // added (under the lock) and afterwards only used by the watcher thread.
        let handler: @Sendable ([StoredEvent]) -> Void
        var cursor: Int64
        var cancelled = false
        /// Read at once when added, whatever data_version says: events may already be there.
        var fresh = true
        weak var watcher: StoreWatcher?

        init(after: Int64, handler: @escaping @Sendable ([StoredEvent]) -> Void) {
            self.cursor = after
            self.handler = handler
        }

        func cancel() {
            watcher?.remove(self)
        }
    }

    private struct Timer {
        let interval: Double
        var due: Date
        let action: @Sendable () -> Void
    }

    private let condition = NSCondition()
    private var watches: [Watch] = []
    private var timers: [Timer] = []
    private var stopping = false
    private let interval: Double
    private var thread: StoreThread?
    /// Events read per query when catching up.
    static let pageSize = 1000

    /// Set by the writer's WAL hook when the WAL has grown past its threshold.
    private let checkpoint: CheckpointRequest

    init(connection: SQLiteConnection, interval: Double, checkpoint: CheckpointRequest) {
        self.interval = max(0.001, interval)
        self.checkpoint = checkpoint
        let handover = Handover(connection)
        thread = StoreThread(name: "sb.watcher") { [self] in
            loop(handover.value)
        }
    }

    func add(after: Int64, handler: @escaping @Sendable ([StoredEvent]) -> Void) -> Watch {
        let watch = Watch(after: after, handler: handler)
        watch.watcher = self
        condition.lock()
        if stopping {
            watch.cancelled = true
        } else {
            watches.append(watch)
        }
        condition.unlock()
        condition.signal()
        return watch
    }

    func remove(_ watch: Watch) {
        condition.lock()
        watch.cancelled = true
        watches.removeAll { $0 === watch }
        condition.unlock()
    }

    /// Runs `action` on the watcher thread every `seconds`.
    func schedule(every seconds: Double, action: @escaping @Sendable () -> Void) {
        condition.lock()
        timers.append(Timer(interval: seconds, due: Date().addingTimeInterval(seconds), action: action))
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopping = true
        for watch in watches { watch.cancelled = true }
        watches.removeAll()
        condition.unlock()
        condition.signal()
        thread?.join()
    }

    private func isCancelled(_ watch: Watch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return watch.cancelled
    }

    private func loop(_ connection: SQLiteConnection) {
        var lastVersion: Int64 = -1
        while true {
            condition.lock()
            let wakeUp = Date().addingTimeInterval(interval)
            while !stopping && !watches.contains(where: { $0.fresh }) && Date() < wakeUp {
                _ = condition.wait(until: wakeUp)
            }
            if stopping {
                condition.unlock()
                break
            }
            let current = watches
            let now = Date()
            var due: [@Sendable () -> Void] = []
            for index in timers.indices where timers[index].due <= now {
                due.append(timers[index].action)
                timers[index].due = now.addingTimeInterval(timers[index].interval)
            }
            condition.unlock()

            for action in due { action() }
            if checkpoint.take() {
                // Best effort: a failure (I/O) leaves the frames for the next request.
                _ = try? connection.checkpointPassive()
            }
            guard !current.isEmpty else { continue }

            // data_version is per connection: it changes when *another* connection commits,
            // which includes this process's writer.
            let version = (try? connection.scalarInt("PRAGMA data_version")) ?? -2
            let changed = version != lastVersion
            lastVersion = version
            for watch in current where changed || watch.fresh {
                watch.fresh = false
                if !deliver(to: watch, from: connection) {
                    lastVersion = -1  // a read failed (busy, I/O): try again next round
                }
            }
        }
        connection.close()
    }

    /// Reads the events after the watch's cursor, page by page, and hands them over.
    /// False when a read failed.
    private func deliver(to watch: Watch, from connection: SQLiteConnection) -> Bool {
        while !isCancelled(watch) {
            guard let page = try? SQLiteStore.events(after: watch.cursor, limit: Self.pageSize, on: connection) else {
                return false
            }
            guard let last = page.last else { return true }
            watch.cursor = last.id
            watch.handler(page)
            if page.count < Self.pageSize { return true }
        }
        return true
    }
}

extension SQLiteStore {
    public func watch(after: Int64, handler: @escaping @Sendable ([StoredEvent]) -> Void) -> StoreWatch {
        watcher.add(after: after, handler: handler)
    }
}
