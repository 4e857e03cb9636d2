import Foundation

/// A named thread that runs one loop and can be waited for: the store's writer, readers and
/// watcher each own one (and the SQLite connection it uses).
final class StoreThread: @unchecked Sendable {
    // @unchecked Sendable: `thread` is set once in init; `finished` is a semaphore.
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread!

    init(name: String, body: @escaping @Sendable () -> Void) {
        let finished = self.finished
        thread = Thread {
            // Named from the thread itself: on Linux that is what reaches the system thread
            // (top, gdb; at most 15 bytes); naming it from outside raced with this.
            Thread.current.name = name
            body()
            finished.signal()
        }
        thread.start()
    }

    /// True when called from this thread (waiting for itself would never return).
    var isCurrent: Bool { Thread.current == thread }

    /// Waits until the loop has returned. Returns at once when called from the thread itself.
    func join() {
        guard !isCurrent else { return }
        finished.wait()
        finished.signal()  // a second join returns too
    }
}

/// Carries a value that is not `Sendable` (a SQLite connection) to the one thread that will
/// own it from then on.
///
/// @unchecked Sendable: whoever creates the handover gives the value up and never touches it
/// again; only the receiving thread uses it.
final class Handover<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
