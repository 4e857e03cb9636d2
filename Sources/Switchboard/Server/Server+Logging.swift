#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphQL
import GraphQLTransportWS
import Logging

// The records an operator reads (README, "Logs"): one per connection opened and closed, one per
// rejected operation with its reason, one per batch of dead letters. Service thread. Nothing
// here runs per delivered event: a busy server logs per connection and per failure only.
extension Server {
    /// `connection opened id=12 remote=127.0.0.1 subprotocol=graphql-transport-ws record=…`.
    func logOpened(_ session: Session) {
        logger.info("connection opened", metadata: [
            "id": .stringConvertible(session.connection.id.rawValue),
            "remote": .string(session.connection.remoteAddress),
            "subprotocol": .string(session.upgrade.subprotocol ?? "none"),
            "record": .string(session.recordID),
        ])
    }

    /// `connection closed id=12 code=1000 reason=… duration=3.217s closed_by=client`.
    func logClosed(_ connection: Connection, code: UInt16, reason: String, session: Session?) {
        var metadata: Logger.Metadata = [
            "id": .stringConvertible(connection.id.rawValue),
            "code": .stringConvertible(Int(code)),
            "reason": .string(reason),
            "closed_by": .string(connection.closedBy),
        ]
        if let session {
            let nanoseconds = monotonicNanoseconds() &- session.openedAt
            metadata["duration"] = .string(formatDuration(nanoseconds: nanoseconds))
        }
        logger.info("connection closed", metadata: metadata)
    }

    /// An `error` message ends an operation before it ran: the document did not parse or
    /// validate, the operation is unknown, the connection may not subscribe to it, or it has
    /// too many operations running (protocol.md). Logged once, with the first error's code
    /// and message.
    func logRejected(_ session: Session, operation: String, errors: [GraphQLError]) {
        logger.info("operation rejected", metadata: {
            var metadata: Logger.Metadata = [
                "id": .stringConvertible(session.connection.id.rawValue),
                "operation": .string(operation),
                "reason": .string(rejectionReason(errors)),
            ]
            // Errors without a code (variables that do not coerce, an unknown operation) have none here either.
            if let code = errors.first?.code { metadata["code"] = .string(code) }
            return metadata
        }())
    }

    /// A batch of dead letters is about to be recorded: a subscriber missed events (its
    /// connection was closed with 1013). A warning, because someone must act on it. The first
    /// batch is logged at once; batches within the next second are summed into one record
    /// (see `DeadLetterLogWindow`), written by the next batch after it or the next close.
    func logDeadLetters(_ letters: [DeadLetter]) {
        deadLetterLog.add(letters)
        flushDeadLetterLog(force: false)
    }

    func flushDeadLetterLog(force: Bool) {
        guard let summary = deadLetterLog.take(now: monotonicNanoseconds(), force: force) else { return }
        logger.warning("dead letters recorded", metadata: [
            "count": .stringConvertible(summary.count),
            "connections": .array(summary.connections.map { .string($0) }),
            "first_event": .stringConvertible(summary.firstEvent),
            "last_event": .stringConvertible(summary.lastEvent),
            "reason": .string(summary.reason),
        ])
    }

    /// The service loop ends: the dead letters summed but not yet logged are logged now.
    public func didStop() {
        flushDeadLetterLog(force: true)
    }
}

/// Dead-letter warnings at most once a second. A connection closed with 1013 turns every later
/// event of its topics into dead letters until its socket is gone (up to the close timeout),
/// and a warning per event would bury everything else in the log. Service thread.
struct DeadLetterLogWindow {
    struct Summary: Equatable {
        var count = 0
        var connections: [String] = []
        var firstEvent: Int64 = .max
        var lastEvent: Int64 = .min
        var reason = ""
    }

    static let interval: UInt64 = 1_000_000_000
    private var pending = Summary()
    private var lastLogged: UInt64?

    mutating func add(_ letters: [DeadLetter]) {
        for letter in letters {
            pending.count += 1
            if !pending.connections.contains(letter.connectionId) { pending.connections.append(letter.connectionId) }
            pending.firstEvent = min(pending.firstEvent, letter.eventId)
            pending.lastEvent = max(pending.lastEvent, letter.eventId)
            if pending.reason.isEmpty { pending.reason = letter.reason }
        }
    }

    /// What to log now, if anything: the sum so far once a second has passed since the last
    /// record (or with `force`), else nil.
    mutating func take(now: UInt64, force: Bool) -> Summary? {
        guard pending.count > 0 else { return nil }
        if !force, let lastLogged, now &- lastLogged < Self.interval { return nil }
        lastLogged = now
        defer { pending = Summary() }
        return pending
    }
}

/// The first error's message and where it points, and how many more there are.
func rejectionReason(_ errors: [GraphQLError]) -> String {
    guard let first = errors.first else { return "Internal server error" }
    var reason = first.message
    if let location = first.locations.first { reason += " (\(location.line):\(location.column))" }
    if errors.count > 1 { reason += " (and \(errors.count - 1) more)" }
    return reason
}

extension Connection {
    /// Who ended the WebSocket, matching the code `didClose` reports: `server` (we sent a
    /// close frame; or we were closing, 1013 say, when the socket died), `client` (its close
    /// frame came first), `lost` (neither: the socket died or stopped answering pings; 1006).
    var closedBy: String {
        if sentClose != nil { return "server" }
        if peerClose != nil { return "client" }
        if pendingClose != nil || overflowed { return "server" }
        return "lost"
    }
}

/// Nanoseconds of the monotonic clock (durations that wall-clock changes cannot bend).
func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// `3.217s`: seconds with milliseconds.
func formatDuration(nanoseconds: UInt64) -> String {
    let milliseconds = nanoseconds / 1_000_000
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
}
