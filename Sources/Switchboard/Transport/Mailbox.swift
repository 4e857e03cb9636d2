import CLibWebSockets
import Foundation

/// The only door into the service thread: a locked queue of closures plus `lws_cancel_service`,
/// drained in `LWS_CALLBACK_EVENT_WAIT_CANCELLED`. A burst of posts wakes the loop once.
final class Mailbox: @unchecked Sendable {
    // @unchecked: `pending` and `wakeRequested` are only touched under `lock`; `spare` only by the
    // service thread inside `drain()`; `posted` only through C atomics.
    private let lock = NSLock()
    private var pending: [@Sendable () -> Void] = []
    private var spare: [@Sendable () -> Void] = []
    private var wakeRequested = false
    /// 1 while `pending` is not empty: read without the lock by a thread polling for work, so
    /// that the poll does not contend with the thread posting it.
    private let posted: UnsafeMutablePointer<Int32> = {
        let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        flag.initialize(to: 0)
        return flag
    }()

    deinit { posted.deallocate() }

    /// Appends `work`; returns true when the caller must wake the service thread.
    func append(_ work: @escaping @Sendable () -> Void) -> Bool {
        lock.lock()
        pending.append(work)
        sb_flag_set(posted, 1)
        let wake = !wakeRequested
        wakeRequested = true
        lock.unlock()
        return wake
    }

    /// Something is posted and not yet taken to run. Any thread, without the lock (the service
    /// thread polls it).
    var hasWork: Bool { sb_flag_get(posted) != 0 }

    /// Runs everything posted so far, in order, and what those closures post in turn (a task
    /// continuing on the service thread posts its fan-out and its answer), up to a few rounds so
    /// that other threads' posts cannot keep the loop from its sockets. Posts made meanwhile
    /// skip the wake-up call (`wakeRequested` stays set). Returns true when work is left: the
    /// caller must wake the loop again. Service thread only.
    @discardableResult
    func drain(rounds: Int = 4) -> Bool {
        for _ in 0..<rounds {
            lock.lock()
            if pending.isEmpty {
                wakeRequested = false
                lock.unlock()
                return false
            }
            swap(&pending, &spare)
            sb_flag_set(posted, 0)
            lock.unlock()
            for work in spare { work() }
            spare.removeAll(keepingCapacity: true)
        }
        lock.lock()
        let left = !pending.isEmpty
        if !left { wakeRequested = false }
        lock.unlock()
        return left
    }
}
