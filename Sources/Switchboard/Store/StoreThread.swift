import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A named thread that runs one loop and can be waited for: the store's writer, readers and
/// watcher each own one (and the SQLite connection it uses).
final class StoreThread: @unchecked Sendable {
    // @unchecked Sendable: `thread` is set once in init; `finished` is a semaphore.
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread!

    init(name: String, body: @escaping @Sendable () -> Void) {
        let finished = self.finished
        thread = Thread {
            // Named from the thread itself, through pthreads: Foundation's setter only reaches
            // the system thread once the parent has recorded the pthread, which races with
            // this closure under load. The system name (top, gdb) holds at most 15 bytes.
            setCurrentThreadName(name)
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

/// Names the calling thread for the system (at most 15 bytes on Linux), through
/// `/proc/thread-self/comm`: Glibc's `pthread_setname_np` is not visible to Swift without
/// `_GNU_SOURCE`.
func setCurrentThreadName(_ name: String) {
    #if os(Linux)
    let fd = open("/proc/thread-self/comm", O_WRONLY)
    guard fd >= 0 else { return }
    defer { close(fd) }
    let bytes = Array(name.utf8.prefix(15))
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    #endif
}

/// The calling thread's system name.
func currentThreadName() -> String {
    #if os(Linux)
    let fd = open("/proc/thread-self/comm", O_RDONLY)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 32)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return "" }
    return String(decoding: buffer[0..<n].prefix { $0 != 0x0A }, as: UTF8.self)
    #else
    return Thread.current.name ?? ""
    #endif
}
