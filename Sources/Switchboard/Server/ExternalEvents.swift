/// Puts committed events into the fan-out in id order, each exactly once, with no gap.
///
/// Events arrive by two doors, both on the service thread: this process's own commits
/// (`RequestContext.publish`, posted straight after the commit, so delivery does not wait
/// for the store's watch interval) and the store's watch (every commit by anyone, found
/// within the watch interval; how other processes' `switchboard publish` gets in). Whatever
/// arrives with an id already fanned out is ignored. When an event's id skips ids not yet
/// seen (another process's append, or a concurrent own commit whose publish has not been
/// posted yet), the gap is read from the store first: SQLite commits in id order, so once an
/// event is committed every smaller id that will ever exist is committed too, and an id the
/// read does not return never existed.
///
/// Service thread only.
final class EventSequencer {
    /// The largest id fanned out so far (the resume point of a subscriber without `after:`).
    private(set) var delivered: Int64
    private var pending: [Int64: StoredEvent] = [:]
    /// Ids up to this one that no read returned: they do not exist.
    private var knownThrough: Int64 = 0

    /// Starts a read of events after an id (`Store.events(after:limit:)`); the owner hands the
    /// answer to `gapRead(_:)` on the service thread.
    let readGap: (_ after: Int64, _ limit: Int) -> Void
    /// The read in flight: after which id, how many, and the id it must reach below.
    private var gap: (after: Int64, limit: Int, target: Int64)?
    /// Fans one event out.
    let fanOut: (StoredEvent) -> Void
    /// Reports a failure (the server logs it at `error`).
    let log: (String) -> Void
    static let pageSize = 500

    init(startingAfter lastID: Int64,
         readGap: @escaping (Int64, Int) -> Void,
         fanOut: @escaping (StoredEvent) -> Void, log: @escaping (String) -> Void) {
        self.delivered = lastID
        self.readGap = readGap
        self.fanOut = fanOut
        self.log = log
    }

    /// Events from either door, in any order, duplicates allowed.
    func offer(_ events: [StoredEvent]) {
        for event in events where event.id > delivered { pending[event.id] = event }
        drain()
    }

    private func drain() {
        while !pending.isEmpty {
            if let next = pending.removeValue(forKey: delivered + 1) {
                delivered = next.id
                fanOut(next)
                continue
            }
            let smallest = pending.keys.min()!
            if smallest - 1 <= knownThrough {
                // The ids in between were read and do not exist (never committed).
                delivered = smallest - 1
                continue
            }
            requestGap(before: smallest)
            return
        }
    }

    private func requestGap(before target: Int64) {
        guard gap == nil else { return }
        let after = delivered
        let limit = Int(min(Int64(Self.pageSize), target - 1 - after))
        gap = (after, limit, target)
        readGap(after, limit)
    }

    /// The answer to the read `readGap` started.
    func gapRead(_ result: Result<[StoredEvent], StoreError>) {
        guard let (after, limit, target) = gap else { return }
        gap = nil
        switch result {
        case .success(let events):
            let found = events.filter { $0.id < target }
            if found.count < limit {
                // A short page: every id below the target is in it or does not exist.
                knownThrough = max(knownThrough, target - 1)
            }
            offer(found)
        case .failure(let error):
            // Do not stall the fan-out on a failing read: skip, and say so.
            log("reading events after \(after) to close a gap before \(target) failed: \(error); skipping them")
            knownThrough = max(knownThrough, target - 1)
            drain()
        }
    }
}
