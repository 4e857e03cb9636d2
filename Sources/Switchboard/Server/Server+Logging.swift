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
            "id": "\(session.connection.id.rawValue)",
            "remote": .string(session.connection.remoteAddress),
            "subprotocol": .string(session.upgrade.subprotocol ?? "none"),
            "record": .string(session.recordID),
        ])
    }

    /// `connection closed id=12 code=1000 reason=… duration=3.217s closed_by=client`.
    func logClosed(_ connection: Connection, code: UInt16, reason: String, session: Session?) {
        var metadata: Logger.Metadata = [
            "id": "\(connection.id.rawValue)",
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
        logger.info("operation rejected", metadata: [
            "id": "\(session.connection.id.rawValue)",
            "operation": .string(operation),
            "code": .string(errors.first?.code ?? "INTERNAL_SERVER_ERROR"),
            "reason": .string(rejectionReason(errors)),
        ])
    }

    /// A batch of dead letters is about to be recorded: a subscriber missed events (its
    /// connection was closed with 1013). A warning, because someone must act on it.
    func logDeadLetters(_ letters: [DeadLetter]) {
        guard let first = letters.first else { return }
        var connections: [String] = []
        for letter in letters where !connections.contains(letter.connectionId) {
            connections.append(letter.connectionId)
        }
        logger.warning("dead letters recorded", metadata: [
            "count": .stringConvertible(letters.count),
            "connections": .array(connections.map { .string($0) }),
            "first_event": "\(first.eventId)",
            "reason": .string(first.reason),
        ])
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
