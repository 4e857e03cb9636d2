#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's clock and its one timestamp format: ISO-8601 UTC with milliseconds,
/// `2026-11-23T10:00:00.123Z`. Every table's `created_at`/`connected_at`/`heartbeat_at`
/// uses it, so timestamps compare correctly as text (retention relies on that).
public enum StoreClock {
    /// Milliseconds since the Unix epoch, from the real-time clock.
    public static func nowMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// Now, formatted.
    public static func now() -> String {
        formatTimestamp(nowMilliseconds())
    }
}

/// Formats milliseconds since the Unix epoch as `2026-11-23T10:00:00.123Z`.
/// Hand-rolled (no formatter object) because the writer stamps every commit with it.
public func formatTimestamp(_ milliseconds: Int64) -> String {
    var seconds = time_t(milliseconds.floorDiv(1000))
    let millis = Int(milliseconds - Int64(seconds) * 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var bytes = [UInt8](repeating: 0, count: 24)
    func put(_ value: Int, _ width: Int, at offset: Int) {
        var value = value
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            bytes[index] = UInt8(48 + value % 10)
            value /= 10
        }
    }
    put(Int(parts.tm_year) + 1900, 4, at: 0)
    bytes[4] = UInt8(ascii: "-")
    put(Int(parts.tm_mon) + 1, 2, at: 5)
    bytes[7] = UInt8(ascii: "-")
    put(Int(parts.tm_mday), 2, at: 8)
    bytes[10] = UInt8(ascii: "T")
    put(Int(parts.tm_hour), 2, at: 11)
    bytes[13] = UInt8(ascii: ":")
    put(Int(parts.tm_min), 2, at: 14)
    bytes[16] = UInt8(ascii: ":")
    put(Int(parts.tm_sec), 2, at: 17)
    bytes[19] = UInt8(ascii: ".")
    put(millis, 3, at: 20)
    bytes[23] = UInt8(ascii: "Z")
    return String(decoding: bytes, as: UTF8.self)
}

extension Int64 {
    /// Division rounding toward minus infinity (times before 1970 stay well-formed).
    fileprivate func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
