import GraphQL
import GraphQLTransportWS

// Who a caller is (contract.md, "Identity"), on the service thread: a socket's token is
// checked when its `connection_init` arrives (every source alike), an HTTP request's with
// the request. Authorization per operation is the application's (its resolvers and
// `source(forSubscriptionField:…)` receive the `Identity`).
extension Server {
    /// `connection_init`: the token (payload first, then the upgrade's header and `?token=`),
    /// `--require-auth`, `--max-connections-per-user`; then the ack, and a timer that closes
    /// the socket 4403 when the token expires.
    func authenticate(_ session: Session, payload: JSONObject?) {
        transport.cancelTimers(session.connection, token: SessionTimer.initTimeout)
        let now = Authenticator.now()
        let identity: Identity
        switch authenticator.identity(connectionInit: payload, upgrade: session.upgrade, now: now, cache: verifiedTokens) {
        case .success(let found): identity = found
        case .failure(let failure): return refuse(session, "token refused: \(failure)")
        }
        if identity.role == .anonymous && configuration.requireAuth {
            return refuse(session, "no token, and --require-auth refuses anonymous connections")
        }
        if let sub = identity.userID {
            let held = connectionsPerUser[sub, default: 0]
            guard held < configuration.maxConnectionsPerUser else {
                metrics.recordLimitRejection(.connectionsPerUser)
                logger.info("""
                    \(describe(session)): user \(shown(sub)) already holds \(held) connections \
                    (--max-connections-per-user \(configuration.maxConnectionsPerUser)); closing 1008
                    """)
                run(session.machine.close(.policyViolation, reason: Self.tooManyConnectionsReason), for: session)
                return
            }
            connectionsPerUser[sub] = held + 1
            session.countedUser = sub
        }
        if let expiresAt = identity.expiresAt {
            // Beyond a few decades the timer's microseconds would overflow; such a token
            // outlives the process anyway.
            let seconds = expiresAt - now
            if seconds < 1e9 { transport.schedule(session.connection, after: seconds, token: SessionTimer.tokenExpiry) }
        }
        acknowledge(session, as: identity, payload: payload)
    }

    /// The close reason of 1008 (contract: `Too many connections for this user`).
    static let tooManyConnectionsReason = "Too many connections for this user"

    /// 4403 `Forbidden` without an ack; the reason goes to the log only (a close reason is
    /// short and public; the log is the operator's).
    func refuse(_ session: Session, _ reason: String) {
        metrics.authenticationFailures += 1
        logger.info("\(describe(session)): \(reason); closing 4403")
        run(session.machine.authenticated(.rejected), for: session)
    }

    /// The token of an open socket has expired (its `SessionTimer.tokenExpiry` fired).
    func tokenExpired(_ session: Session) {
        let at = session.identity.expiresAt.map { " at \(TokenError.time($0))" } ?? ""
        logger.info("\(describe(session)): token of user \(shown(session.identity.userID ?? "?")) expired\(at); closing 4403")
        run(session.machine.receive(.tokenExpired), for: session)
    }

    /// The connection's user no longer holds it (it closed).
    func releaseUserSlot(_ session: Session) {
        guard let sub = session.countedUser else { return }
        session.countedUser = nil
        let left = connectionsPerUser[sub, default: 1] - 1
        connectionsPerUser[sub] = left > 0 ? left : nil
    }

    /// `connection 12 (127.0.0.1)`, for log lines.
    func describe(_ session: Session) -> String {
        "connection \(session.connection.id) (\(session.connection.remoteAddress))"
    }

    // MARK: - HTTP

    /// The identity of an HTTP request; nil when its token is refused, and then the request
    /// has been answered 401.
    func identity(of request: HTTPRequest, exchange: HTTPExchange) -> Identity? {
        switch authenticator.identity(
            authorization: request.header("authorization"), now: Authenticator.now(), cache: verifiedTokens) {
        case .success(let identity):
            return identity
        case .failure(let failure):
            metrics.authenticationFailures += 1
            logger.info("HTTP \(request.method) \(request.path) from \(request.remoteAddress): token refused: \(failure); answering 401")
            transport.respond(to: exchange, with: Self.unauthenticated(failure.description, accept: request.header("accept")))
            return nil
        }
    }

    /// 401 with a GraphQL-shaped body (`extensions.code` `UNAUTHENTICATED`) and the
    /// `WWW-Authenticate` challenge of RFC 6750.
    static func unauthenticated(_ message: String, accept: String?) -> HTTPResponse {
        let error = GraphQLError(message, extensions: [("code", .string("UNAUTHENTICATED"))])
        return .graphQLErrors(
            [error], status: 401, mediaType: ContentNegotiation.negotiate(accept: accept) ?? .json,
            headers: [("WWW-Authenticate", #"Bearer realm="switchboard", error="invalid_token""#)])
    }
}
