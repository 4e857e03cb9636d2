import CLibWebSockets
import Foundation

/// The only door into the service thread: a locked queue of closures plus `lws_cancel_service`,
/// drained in `LWS_CALLBACK_EVENT_WAIT_CANCELLED`. A burst of posts wakes the loop once.
final class Mailbox: @unchecked Sendable {
    // @unchecked: `pending` and `wakeRequested` are only touched under `lock`; `spare` only by the
    // service thread inside `drain()`.
    private let lock = NSLock()
    private var pending: [@Sendable () -> Void] = []
    private var spare: [@Sendable () -> Void] = []
    private var wakeRequested = false

    /// Appends `work`; returns true when the caller must wake the service thread.
    func append(_ work: @escaping @Sendable () -> Void) -> Bool {
        lock.lock()
        pending.append(work)
        let wake = !wakeRequested
        wakeRequested = true
        lock.unlock()
        return wake
    }

    /// Runs everything posted so far, in order. Service thread only.
    func drain() {
        lock.lock()
        if pending.isEmpty {
            wakeRequested = false
            lock.unlock()
            return
        }
        swap(&pending, &spare)
        wakeRequested = false
        lock.unlock()
        for work in spare { work() }
        spare.removeAll(keepingCapacity: true)
    }
}
