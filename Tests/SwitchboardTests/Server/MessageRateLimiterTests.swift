import GraphQL
import XCTest

@testable import Switchboard

/// `--max-messages-per-second`: the token bucket, driven by a clock the test holds
/// (nanoseconds), so every case is exact and takes no time.
final class MessageRateLimiterTests: XCTestCase {
    let second: UInt64 = 1_000_000_000
    let start: UInt64 = 5_000_000_000_000  // any instant: the limiter only looks at differences

    /// Admits `count` messages at `now`, returning the verdicts.
    func send(_ limiter: inout MessageRateLimiter, _ count: Int, at now: UInt64) -> [MessageRateLimiter.Verdict] {
        (0..<count).map { _ in limiter.admit(now: now) }
    }

    func testAFullBucketLetsABurstOfNThrough() {
        var limiter = MessageRateLimiter(rate: 10, now: start)
        XCTAssertEqual(send(&limiter, 10, at: start), Array(repeating: .allowed, count: 10))
        XCTAssertEqual(limiter.admit(now: start), .limited)
    }

    func testOneTokenComesBackEveryNthOfASecond() {
        var limiter = MessageRateLimiter(rate: 10, now: start)
        _ = send(&limiter, 10, at: start)
        // 99.9 ms: not yet a whole token.
        XCTAssertEqual(limiter.admit(now: start + second / 10 - 100_000), .limited)
        XCTAssertEqual(limiter.admit(now: start + second / 10), .allowed)
        XCTAssertEqual(limiter.admit(now: start + second / 10), .limited)
        // Half a second later: five more.
        let later = start + second / 10 + second / 2
        XCTAssertEqual(send(&limiter, 6, at: later), Array(repeating: .allowed, count: 5) + [.limited])
    }

    func testAStreamAtTheRateIsNeverLimited() {
        var limiter = MessageRateLimiter(rate: 100, now: start)
        _ = send(&limiter, 100, at: start)  // even starting from an empty bucket
        var now = start
        for _ in 0..<10_000 {
            now += second / 100
            XCTAssertEqual(limiter.admit(now: now), .allowed)
        }
    }

    func testALongSilenceRefillsNoMoreThanTheBurst() {
        var limiter = MessageRateLimiter(rate: 3, now: start)
        _ = send(&limiter, 3, at: start)
        let dayLater = start + 86_400 * second
        XCTAssertEqual(send(&limiter, 4, at: dayLater), [.allowed, .allowed, .allowed, .limited])
        XCTAssertEqual(limiter.tokens, 0)
    }

    /// More than `abuseLimit` (default: the rate) messages over the rate within 10 s of the
    /// first of them: `.abusive`.
    func testPersistentExcessIsAbusive() {
        var limiter = MessageRateLimiter(rate: 5, now: start)
        _ = send(&limiter, 5, at: start)
        XCTAssertEqual(send(&limiter, 5, at: start + second / 100), Array(repeating: .limited, count: 5))
        XCTAssertEqual(limiter.admit(now: start + 9 * second / 100), .abusive)
    }

    /// The excess counted so far is forgotten 10 s after the first of it.
    func testTheAbuseWindowStartsAfresh() {
        var limiter = MessageRateLimiter(rate: 5, now: start)
        _ = send(&limiter, 5, at: start)
        XCTAssertEqual(send(&limiter, 5, at: start), Array(repeating: .limited, count: 5))
        let later = start + 10 * second
        XCTAssertEqual(send(&limiter, 5, at: later), Array(repeating: .allowed, count: 5))
        XCTAssertEqual(send(&limiter, 5, at: later), Array(repeating: .limited, count: 5))
        XCTAssertEqual(limiter.admit(now: later), .abusive)
    }

    /// Excess spread thinly (one over the rate every few seconds) is never abuse.
    func testOccasionalExcessIsNotAbusive() {
        var limiter = MessageRateLimiter(rate: 2, now: start)
        var now = start
        for _ in 0..<50 {
            XCTAssertEqual(send(&limiter, 3, at: now), [.allowed, .allowed, .limited])
            now += 6 * second
        }
    }

    func testAnExplicitAbuseLimit() {
        var limiter = MessageRateLimiter(rate: 100, abuseLimit: 1, now: start)
        _ = send(&limiter, 100, at: start)
        XCTAssertEqual(send(&limiter, 2, at: start), [.limited, .abusive])
    }

    /// A clock that steps back (it must not, but) takes nothing and adds nothing.
    func testAClockStepBackIsHarmless() {
        var limiter = MessageRateLimiter(rate: 2, now: start)
        XCTAssertEqual(send(&limiter, 3, at: start - second), [.allowed, .allowed, .limited])
    }
}

/// The limits' configuration and metrics.
final class LimitsConfigurationTests: XCTestCase {
    func testDefaultsAndChecks() {
        let c = ServerConfiguration()
        XCTAssertEqual(c.maxMessagesPerSecond, 100)
        XCTAssertEqual(c.maxDepth, 20)
        XCTAssertEqual(c.maxFields, 1000)
        XCTAssertEqual(c.documentLimits, DocumentLimits(maxDepth: 20, maxFields: 1000))
        XCTAssertNoThrow(try c.validate())
        var off = c
        off.maxMessagesPerSecond = 0
        off.maxDepth = 0
        off.maxFields = 0
        XCTAssertNoThrow(try off.validate())
        XCTAssertEqual(off.documentLimits, .none)
        for change: (inout ServerConfiguration) -> Void in [
            { $0.maxMessagesPerSecond = -1 }, { $0.maxMessagesPerSecond = 1_000_001 },
            { $0.maxDepth = -1 }, { $0.maxFields = -1 },
        ] {
            var bad = c
            change(&bad)
            XCTAssertThrowsError(try bad.validate())
        }
    }

    func testEveryLimitIsRenderedFromZero() {
        let m = Metrics()
        m.recordLimitRejection(.rate)
        m.recordLimitRejection(.rate)
        m.rateLimitCloses = 1
        let text = m.render()
        for limit in ServerLimit.allCases where limit != .rate {
            XCTAssertTrue(text.contains("switchboard_limit_rejections_total{limit=\"\(limit.rawValue)\"} 0\n"), "\(limit)")
        }
        XCTAssertTrue(text.contains("switchboard_limit_rejections_total{limit=\"rate\"} 2\n"))
        XCTAssertTrue(text.contains("switchboard_rate_limit_closes_total 1\n"))
    }
}
