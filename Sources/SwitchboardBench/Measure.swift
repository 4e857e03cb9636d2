import Switchboard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time in nanoseconds.
@inline(__always)
func nowNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Timing of one operation repeated in batches: the per-operation time of each batch
/// is one sample, so the clock's own cost is spread over many operations.
struct Timing {
    let name: String
    /// Nanoseconds per operation, one per batch, sorted.
    let samples: [Double]

    var median: Double { samples[samples.count / 2] }
    var p10: Double { samples[samples.count / 10] }
    var p90: Double { samples[samples.count * 9 / 10] }
}

/// Keeps a value alive and opaque to the optimiser.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Runs `body` in batches for about `seconds` after a warm-up, returning per-operation times.
func measure(_ name: String, seconds: Double = 1.0, batch: Int = 1_000, _ body: () -> Void) -> Timing {
    // Warm-up: caches, lazy initialisers, branch predictors.
    for _ in 0..<batch { body() }
    var samples: [Double] = []
    let deadline = nowNanoseconds() + UInt64(seconds * 1e9)
    repeat {
        let start = nowNanoseconds()
        for _ in 0..<batch { body() }
        let elapsed = nowNanoseconds() - start
        samples.append(Double(elapsed) / Double(batch))
    } while nowNanoseconds() < deadline || samples.count < 10
    samples.sort()
    return Timing(name: name, samples: samples)
}

func formatNanos(_ ns: Double) -> String {
    if ns >= 1_000_000 { return String(format2(ns / 1_000_000)) + " ms" }
    if ns >= 1_000 { return String(format2(ns / 1_000)) + " µs" }
    return String(format2(ns)) + " ns"
}

func format2(_ x: Double) -> String {
    let scaled = (x * 100).rounded() / 100
    var s = String(scaled)
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals == 1 { s += "0" }
    } else {
        s += ".00"
    }
    return s
}

/// Operations per second for a per-operation time: `10 µs` → `100,000/s`.
func formatRate(_ nanosPerOperation: Double) -> String {
    grouped(Int((1e9 / nanosPerOperation).rounded())) + "/s"
}

