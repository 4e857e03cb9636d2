import CLibFuzzer
import Dispatch

// Helpers the fuzz targets share. A broken invariant must stop the run with a message that
// says which one: `fatalError` traps, libFuzzer reports the trap as a crash and saves the input.

/// The fuzzer's input as an array.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the run when `condition` is false: a property of the code under test does not hold.
public func require(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    if !condition { fatalError("fuzz invariant broken: \(message())", file: file, line: line) }
}

/// Splits `bytes` at each `separator` (kept out of the parts; empty parts kept, so the number of
/// parts is the number of separators plus one).
public func split(_ bytes: [UInt8], on separator: UInt8) -> [[UInt8]] {
    bytes.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
}

/// A small, stable hash of `bytes` (FNV-1a), for decisions the input should steer without a
/// format of its own (which of several ways to answer an operation).
public func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for b in bytes {
        hash ^= UInt32(b)
        hash = hash &* 16_777_619
    }
    return hash
}

/// Hands control to libFuzzer with the process's arguments (`-max_total_time=…`, corpus
/// directories, …); returns its exit status.
public func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}

/// Runs `body` to the end and returns its result. libFuzzer calls the target on its own thread
/// and wants the verdict before the next input, so an `async` path under test is waited for.
public func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    Task {
        box.value = await body()
        box.done.signal()
    }
    box.done.wait()
    return box.value!
}

/// `@unchecked Sendable`: the task writes `value` once before it signals; the waiter reads it
/// once after the wait, so the semaphore orders the two.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
