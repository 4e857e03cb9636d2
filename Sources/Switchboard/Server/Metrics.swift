/// The server's counters, exposed on `GET /metrics` in the Prometheus text format.
///
/// Service thread only (every counter is bumped there and `/metrics` is answered there), so
/// nothing is locked or atomic.
public final class Metrics {
    /// Open WebSockets (accepted upgrades not yet closed).
    public var connections = 0
    /// Live subscriptions in the fan-out index.
    public var subscriptions = 0
    /// Events that entered the fan-out (own commits and other processes' appends).
    public var eventsPublished = 0
    /// `next` frames queued for subscribers.
    public var deliveries = 0
    /// Frames dropped by a closing slow consumer, recorded in `dead_letters`.
    public var deadLetters = 0
    /// Tokens refused (4403 on a socket, 401 over HTTP), `--require-auth` refusals included.
    public var authenticationFailures = 0
    /// Connections closed 1008 because their user already had `--max-connections-per-user`.
    public var userConnectionLimitHits = 0
    /// WebSocket closes by code (the code we sent, else the peer's, else 1006).
    public private(set) var closesByCode: [UInt16: Int] = [:]
    /// Publish-to-delivery latency: from the event's commit to its frames being queued.
    public private(set) var latency = Histogram(bounds: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5])

    /// Requests, upgrades and messages refused by a limit (`--max-…`), by limit.
    public var limitRejections: [ServerLimit: Int] = [:]
    /// Sockets closed 1008 for sending over `--max-messages-per-second` again and again.
    public var rateLimitCloses = 0

    public init() {}

    public func recordClose(code: UInt16) { closesByCode[code, default: 0] += 1 }

    public func recordLimitRejection(_ limit: ServerLimit) { limitRejections[limit, default: 0] += 1 }

    public func recordLatency(seconds: Double) { latency.observe(seconds) }

    /// The exposition text (format 0.0.4).
    public func render() -> String {
        var out = ""
        func metric(_ name: String, _ type: String, _ help: String, _ value: Int) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
        metric("switchboard_connections", "gauge", "Open WebSocket connections.", connections)
        metric("switchboard_subscriptions", "gauge", "Live subscriptions.", subscriptions)
        metric("switchboard_events_published_total", "counter", "Committed events fanned out.", eventsPublished)
        metric("switchboard_deliveries_total", "counter", "next frames queued for subscribers.", deliveries)
        metric("switchboard_dead_letters_total", "counter", "Events not delivered to a slow consumer.", deadLetters)
        metric("switchboard_authentication_failures_total", "counter", "Tokens refused (4403 or 401).", authenticationFailures)
        metric("switchboard_user_connection_limit_total", "counter",
               "Connections closed 1008 over --max-connections-per-user.", userConnectionLimitHits)
        out += "# HELP switchboard_closes_total WebSocket closes by close code.\n# TYPE switchboard_closes_total counter\n"
        for code in closesByCode.keys.sorted() {
            out += "switchboard_closes_total{code=\"\(code)\"} \(closesByCode[code]!)\n"
        }
        out += "# HELP switchboard_limit_rejections_total Requests, upgrades and messages refused by a limit.\n"
        out += "# TYPE switchboard_limit_rejections_total counter\n"
        for limit in ServerLimit.allCases {
            out += "switchboard_limit_rejections_total{limit=\"\(limit.rawValue)\"} \(limitRejections[limit, default: 0])\n"
        }
        metric("switchboard_rate_limit_closes_total", "counter",
               "Sockets closed 1008 for exceeding the message rate persistently.", rateLimitCloses)
        let name = "switchboard_delivery_latency_seconds"
        out += "# HELP \(name) Time from an event's commit to its frames being queued.\n# TYPE \(name) histogram\n"
        var cumulative = 0
        for (bound, count) in zip(latency.bounds, latency.counts) {
            cumulative += count
            out += "\(name)_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "\(name)_bucket{le=\"+Inf\"} \(latency.total)\n"
        out += "\(name)_sum \(latency.sum)\n"
        out += "\(name)_count \(latency.total)\n"
        return out
    }
}

/// The limits `switchboard_limit_rejections_total` counts, by their `limit` label.
public enum ServerLimit: String, CaseIterable, Sendable {
    /// `--max-connections`: an upgrade refused with 503.
    case connections
    /// `--max-subscriptions`: a `subscribe` refused with TOO_MANY_SUBSCRIPTIONS.
    case subscriptions
    /// `--max-message-bytes`: a socket closed 1009.
    case messageBytes = "message_bytes"
    /// `--max-messages-per-second`: a message refused (RATE_LIMITED error, or dropped).
    case rate
    /// `--max-depth`: a document refused as too deep.
    case depth
    /// `--max-fields`: a document refused for selecting too many fields.
    case fields
    /// `--max-body-bytes`: an HTTP request refused with 413.
    case bodyBytes = "body_bytes"
}

/// A fixed-bucket histogram (the buckets' upper bounds, counts per bucket, sum and total).
public struct Histogram: Sendable {
    public let bounds: [Double]
    public private(set) var counts: [Int]
    public private(set) var sum: Double = 0
    public private(set) var total = 0

    public init(bounds: [Double]) {
        self.bounds = bounds
        self.counts = Array(repeating: 0, count: bounds.count)
    }

    public mutating func observe(_ value: Double) {
        sum += value
        total += 1
        if let i = bounds.firstIndex(where: { value <= $0 }) { counts[i] += 1 }
    }
}
