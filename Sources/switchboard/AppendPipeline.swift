import Foundation
import Switchboard

/// Appends events one by one as fast as the store commits them and prints each committed
/// event as its line the moment its commit is reported.
///
/// Every event is its own `append` call, so the store's group commit does the batching
/// (what a server under load sees: many small writes at once), not this loop. A window
/// bounds how many appends wait in the store's queue, so `--count 1000000` does not queue
/// a million closures before the first commit. Completions run on the store's writer
/// thread; they only hand the output line over and return, so the writer never waits on
/// a slow standard output. This thread writes the lines.
///
/// A line is printed only after its append was reported committed: whoever reads the
/// output may rely on every printed id being durable (the crash test does).
final class AppendPipeline: @unchecked Sendable {
    // @unchecked Sendable: every mutable field below is read and written only while
    // `condition` is locked; completions on the writer thread and the producing thread meet
    // only there.
    private let condition = NSCondition()
    private var inFlight = 0
    private var output: [UInt8] = []
    private var failure: StoreError?
    private var committed = 0

    private let store: Store
    private let window: Int

    init(store: Store, window: Int = 4_096) {
        self.store = store
        self.window = window
    }

    /// Appends `count` events, `event(i)` for i in 1...count, in order. Returns how many were
    /// committed, and the first error if one stopped the run (nothing more is submitted after
    /// it; appends already queued still finish and are printed if they commit).
    func run(count: Int, event: (Int) -> NewEvent) -> (committed: Int, failure: StoreError?) {
        var i = 1
        while i <= count {
            condition.lock()
            while inFlight >= window && failure == nil && output.isEmpty {
                condition.wait()
            }
            let lines = takeOutput()
            let stop = failure != nil
            let room = stop ? 0 : min(window - inFlight, count - i + 1)
            inFlight += room
            condition.unlock()

            if !lines.isEmpty { writeAll(lines, to: 1) }
            if stop { break }
            for _ in 0..<room {
                submit(event(i))
                i += 1
            }
        }
        // Drain: wait for every submitted append, printing as they commit.
        while true {
            condition.lock()
            while inFlight > 0 && output.isEmpty {
                condition.wait()
            }
            let lines = takeOutput()
            let done = inFlight == 0
            condition.unlock()
            if !lines.isEmpty { writeAll(lines, to: 1) }
            if done { break }
        }
        condition.lock()
        defer { condition.unlock() }
        return (committed, failure)
    }

    private func submit(_ event: NewEvent) {
        store.append([event]) { [self] result in
            // The line is encoded before taking the lock: the writer thread holds it briefly.
            var lines: [UInt8] = []
            if case .success(let events) = result {
                for stored in events { eventLine(stored, into: &lines) }
            }
            condition.lock()
            defer { condition.unlock() }
            inFlight -= 1
            switch result {
            case .success(let events):
                committed += events.count
                output.append(contentsOf: lines)
            case .failure(let error):
                if failure == nil { failure = error }
            }
            condition.signal()
        }
    }

    /// The lines gathered so far; call with `condition` locked.
    private func takeOutput() -> [UInt8] {
        if output.isEmpty { return [] }
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }
}
