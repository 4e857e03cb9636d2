#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `machine.wake`: what waking a sleeping thread costs on this machine, the toll of every
/// thread hand-off on the way of a lone event (service thread → store writer → service
/// thread). A thread blocked reading a pipe is woken by one byte; the wake-up is timed from
/// the write to the reader's return. Subject: the waker first sleeps 10 ms, as between
/// posts at 100 a second, so the reader's (virtual) CPU has gone idle. Baseline: the waker
/// sleeps 50 µs, the CPU is still awake. On a VM the first is tens to hundreds of
/// microseconds, which is why the latency scenario's p99 moves with the host.
enum MachineScenarios {
    static func run(wakes: Int = 200) throws -> [ScenarioResult] {
        let idle = try measureWakes(count: wakes, idleMicroseconds: 10_000, name: "wake after 10 ms idle")
        let busy = try measureWakes(count: wakes, idleMicroseconds: 50, name: "wake after 50 µs")
        for timing in [idle, busy] {
            let s = timing.samples
            printError("machine.wake \(timing.name): p50 \(formatNanos(s[s.count / 2])) p90 \(formatNanos(s[s.count * 9 / 10])) p99 \(formatNanos(s[s.count * 99 / 100]))")
        }
        return [ScenarioResult(name: "machine.wake", subject: idle, baseline: busy, targetNanos: nil)]
    }

    /// Shared between the waker and the woken thread: the write's time, published before the
    /// byte that wakes the reader (the pipe orders the two).
    private final class Probe: @unchecked Sendable {
        // @unchecked Sendable: `sentAt` is written before the pipe write and read after the
        // pipe read of the same byte; `samples` only by the reader thread until it is joined.
        var sentAt: UInt64 = 0
        var samples: [Double] = []
        let fds: (read: Int32, write: Int32)
        let count: Int
        init(fds: (Int32, Int32), count: Int) {
            self.fds = fds
            self.count = count
        }
    }

    private static func measureWakes(count: Int, idleMicroseconds: UInt32, name: String) throws -> Timing {
        var pair: [Int32] = [0, 0]
        guard pipe(&pair) == 0 else { throw BenchError("pipe() failed") }
        defer { close(pair[0]); close(pair[1]) }
        let probe = Probe(fds: (pair[0], pair[1]), count: count)
        var thread = pthread_t()
        let box = Unmanaged.passRetained(probe).toOpaque()
        let rc = pthread_create(&thread, nil, { raw in
            let probe = Unmanaged<Probe>.fromOpaque(raw!).takeRetainedValue()
            var byte: UInt8 = 0
            for _ in 0..<probe.count {
                guard read(probe.fds.read, &byte, 1) == 1 else { break }
                probe.samples.append(Double(nowNanoseconds() - probe.sentAt))
            }
            return nil
        }, box)
        guard rc == 0 else { throw BenchError("pthread_create failed: \(rc)") }
        var byte: UInt8 = 1
        for _ in 0..<count {
            usleep(idleMicroseconds)
            probe.sentAt = nowNanoseconds()
            guard write(probe.fds.write, &byte, 1) == 1 else { break }
        }
        pthread_join(thread, nil)
        guard !probe.samples.isEmpty else { throw BenchError("machine.wake: no wake-up measured") }
        return Timing(name: name, samples: probe.samples.sorted())
    }
}
