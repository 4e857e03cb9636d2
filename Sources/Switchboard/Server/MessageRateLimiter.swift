#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--max-messages-per-second N` for one connection: a token bucket holding at most N
/// tokens, refilled at N per second, one token per inbound message. A full bucket lets a
/// burst of N messages through at once; after that a steady N per second passes.
///
/// A message that finds the bucket empty is over the rate (the server refuses it). Abuse —
/// more than `abuseLimit` messages over the rate within `abuseWindow` nanoseconds, counted
/// from the first of them — is reported as `.abusive` (the server closes the socket).
///
/// A plain value with integer arithmetic: no allocation, no clock of its own (the caller
/// passes monotonic nanoseconds, tests pass their own), so it costs a few instructions on
/// the service thread per message.
struct MessageRateLimiter {
    enum Verdict: Equatable {
        /// Within the rate.
        case allowed
        /// Over the rate: refuse this message.
        case limited
        /// Over the rate, and too often: close the connection.
        case abusive
    }

    /// Messages per second, and the burst.
    let rate: Int
    /// Messages over the rate tolerated within `abuseWindow`.
    let abuseLimit: Int
    let abuseWindow: UInt64

    /// One token is `unit` units; `rate` units arrive per nanosecond, so `rate` tokens per second.
    private static let unit: Int64 = 1_000_000_000
    private var units: Int64
    private var last: UInt64
    private var windowStart: UInt64 = 0
    private var overInWindow = 0

    /// A full bucket at `now`. `rate` must be 1 to 1,000,000 (what the configuration allows).
    init(rate: Int, abuseLimit: Int? = nil, abuseWindow: UInt64 = 10_000_000_000, now: UInt64) {
        precondition(rate > 0 && rate <= 1_000_000, "rate out of range: \(rate)")
        self.rate = rate
        self.abuseLimit = abuseLimit ?? rate
        self.abuseWindow = abuseWindow
        self.units = Int64(rate) * Self.unit
        self.last = now
    }

    /// Takes a token for one message arriving at `now` (monotonic nanoseconds).
    mutating func admit(now: UInt64) -> Verdict {
        if now > last {
            // A second refills an empty bucket: longer gaps cannot add more (nor overflow).
            let elapsed = Int64(min(now - last, UInt64(Self.unit)))
            units = min(units + elapsed * Int64(rate), Int64(rate) * Self.unit)
            last = now
        }
        if units >= Self.unit {
            units -= Self.unit
            return .allowed
        }
        if overInWindow == 0 || now &- windowStart >= abuseWindow {
            windowStart = now
            overInWindow = 0
        }
        overInWindow += 1
        return overInWindow > abuseLimit ? .abusive : .limited
    }

    /// Whole tokens left (for tests and diagnostics).
    var tokens: Int { Int(units / Self.unit) }
}

// Its clock on the service thread is `monotonicNanoseconds()` (Server+Logging.swift).
