import CSQLite
import Foundation

/// WAL checkpoints off the writer's commit path.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that pushes the WAL past 1000 pages,
/// on the committing connection: with `synchronous=NORMAL` that is the one place a commit
/// fsyncs (WAL and database file), and the write that happens to trigger it waits for both,
/// several milliseconds (it was the max and much of the p99 of publish-to-delivery latency).
/// Instead, the writer's WAL hook only notes that the WAL has passed `walCheckpointPages` and
/// the watcher thread runs `PRAGMA wal_checkpoint(PASSIVE)` on its own connection at its next
/// round: PASSIVE takes no lock the writer needs, and once it has copied every frame the
/// writer's next transaction starts the WAL from the beginning again, so the file stays bounded.
/// When writes never pause the watcher cannot finish a checkpoint, so past four times the
/// threshold the writer checkpoints itself, as before.
final class CheckpointRequest: @unchecked Sendable {
    // @unchecked Sendable: `requested` is only touched with `lock` held.
    private let lock = NSLock()
    private var requested = false
    /// Checkpoints run so far (tests).
    private(set) var checkpoints = 0

    /// Writer thread, after a commit (from the WAL hook).
    func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    /// True once per request. Watcher thread.
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let was = requested
        requested = false
        if was { checkpoints += 1 }
        return was
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return checkpoints
    }

    /// Replaces the connection's automatic checkpoint (the WAL hook is how SQLite implements
    /// `wal_autocheckpoint`; setting our own turns it off) with a request to the watcher when
    /// the WAL holds at least `pages` frames after a commit. `self` must outlive the connection.
    func install(on connection: SQLiteConnection, pages: Int) {
        guard let handle = connection.handle else { return }
        threshold = Int32(clamping: max(1, pages))
        sqlite3_wal_hook(handle, { context, db, _, pages in
            let request = Unmanaged<CheckpointRequest>.fromOpaque(context!).takeUnretainedValue()
            if pages >= request.threshold { request.request() }
            if pages >= request.threshold &* 4 {
                // Under sustained writes the writer is never idle, so the watcher's PASSIVE
                // checkpoint never catches up with the WAL's end and the WAL never restarts.
                // Past four times the threshold the writer checkpoints here, between commits,
                // as SQLite's automatic checkpoint would (it bounds the WAL; it costs this
                // commit the fsyncs, which only happens when the watcher cannot keep up).
                sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Set once in `install`, before the writer thread starts; read only by the writer thread.
    private var threshold: Int32 = 1000
}

extension SQLiteConnection {
    /// Copies what it can of the WAL into the database without waiting for any lock.
    /// Returns the WAL's frames and how many of them are now in the database.
    func checkpointPassive() throws(SQLiteError) -> (walFrames: Int64, checkpointed: Int64) {
        let statement = try prepare("PRAGMA wal_checkpoint(PASSIVE)")
        guard try statement.step() else { return (0, 0) }
        return (statement.int64(1), statement.int64(2))
    }
}
