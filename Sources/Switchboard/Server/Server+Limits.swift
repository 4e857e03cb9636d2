import GraphQL
import GraphQLTransportWS

// The limits the server layer enforces, and the metrics of all of them (the transport enforces
// connections, message and body bytes itself and reports them through `didEnforceLimit`).
// Service thread.
extension Server {
    public func didEnforceLimit(_ limit: TransportLimit) {
        switch limit {
        case .connections: metrics.recordLimitRejection(.connections)
        case .messageBytes: metrics.recordLimitRejection(.messageBytes)
        case .bodyBytes: metrics.recordLimitRejection(.bodyBytes)
        }
    }

    /// The rate limiter a new connection gets: nil when `--max-messages-per-second` is 0.
    func rateLimiter() -> MessageRateLimiter? {
        let rate = configuration.maxMessagesPerSecond
        return rate > 0 ? MessageRateLimiter(rate: rate, now: monotonicNanoseconds()) : nil
    }

    /// `--max-messages-per-second`: whether a message goes on to the state machine. Within
    /// the rate it does. Over the rate: a `subscribe` gets an `error` with `RATE_LIMITED` for
    /// its id, a `ping` or `pong` is dropped, and both are counted; `complete` and
    /// `connection_init` still go through (a `complete` only frees work, and dropping it would
    /// leave running a subscription the client believes stopped; a second `connection_init`
    /// closes the socket anyway), as does a message that would close the socket (malformed,
    /// or a `subscribe` before the ack or with a live id). Persistent abuse closes the socket
    /// with 1008 `Too many messages`.
    func admitMessage(_ session: Session, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !session.machine.isClosed, var limiter = session.rateLimiter else { return true }
        let verdict = limiter.admit(now: monotonicNanoseconds())
        session.rateLimiter = limiter
        switch verdict {
        case .allowed:
            return true
        case .abusive:
            metrics.recordLimitRejection(.rate)
            metrics.rateLimitCloses += 1
            logger.info("""
                \(session.connection.remoteAddress): connection \(session.connection.id) closed 1008: more than \
                \(limiter.abuseLimit) messages over --max-messages-per-second \(limiter.rate) within 10 s
                """)
            run(session.machine.close(.policyViolation, reason: "Too many messages"), for: session)
            return false
        case .limited:
            return admitOverRate(session, bytes, rate: limiter.rate)
        }
    }

    /// A message over the rate: decoded (only these are decoded twice) to decide what to do.
    private func admitOverRate(_ session: Session, _ bytes: UnsafeRawBufferPointer, rate: Int) -> Bool {
        guard let message = try? MessageDecoder.decode(Array(bytes)) else { return true }
        switch message {
        case .subscribe(let id, _):
            guard session.machine.isAcknowledged, !session.machine.hasLiveOperation(id: id) else { return true }
            metrics.recordLimitRejection(.rate)
            transport.send(session.connection, ServerMessage.error(id: id, errors: [Self.rateLimitedError(rate: rate)]).encoded())
            return false
        case .ping, .pong:
            metrics.recordLimitRejection(.rate)
            return false
        case .complete, .connectionInit:
            return true
        }
    }

    /// The error for a `subscribe` over `--max-messages-per-second`.
    static func rateLimitedError(rate: Int) -> GraphQLError {
        GraphQLError(
            "Too many messages: at most \(rate) per second on one connection; this operation was not started",
            extensions: [("code", .string("RATE_LIMITED"))])
    }

    /// Brings the counters kept elsewhere (the document cache's) into `metrics`.
    func collectLimitMetrics() {
        metrics.limitRejections[.depth] = documents.limitRejections["depth", default: 0]
        metrics.limitRejections[.fields] = documents.limitRejections["fields", default: 0]
    }
}
