import GraphQL
import GraphQLTransportWS

/// One WebSocket connection's server-side state: its protocol state machine, who it is, and
/// the operations it runs. Confined to the service thread; reached through
/// `Connection.userData` (no dictionary look-up per message), or by `ConnectionID` from a
/// `post` closure (`Server.session(_:)`).
final class Session {
    /// The transport's connection. Unowned: the connection holds the session (`userData`) and
    /// outlives it; the session is detached in `didClose`.
    unowned let connection: Connection
    /// The id of this connection's row in the store (`connections.id`): unique across the
    /// processes sharing the store.
    let recordID: String
    let upgrade: UpgradeRequest
    var machine: ConnectionStateMachine
    /// Who the connection is, once `connection_init` has been accepted.
    var identity = Identity.anonymous
    /// The `sub` this connection counts against in `Server.connectionsPerUser` (once acked).
    var countedUser: String?
    /// Whether the `connections` row was queued (so it must be deleted at the end).
    var connectionRowQueued = false
    /// Subscriptions registered in the fan-out and the store, by operation id.
    var subscriptions: [String: OperationHandle] = [:]
    /// Set once the socket is gone: the connection row's deletion takes the subscription rows
    /// with it, so they are not deleted one by one.
    var gone = false
    /// When the socket opened (monotonic), for the `connection closed` record's duration.
    let openedAt = monotonicNanoseconds()
    /// `--max-messages-per-second` for this connection (nil: no limit).
    var rateLimiter: MessageRateLimiter?

    init(connection: Connection, recordID: String, upgrade: UpgradeRequest, configuration: ConnectionStateMachine.Configuration) {
        self.connection = connection
        self.recordID = recordID
        self.upgrade = upgrade
        self.machine = ConnectionStateMachine(configuration: configuration)
    }
}

/// Timer tokens for `WebSocketServer.schedule` (per connection).
enum SessionTimer {
    static let initTimeout: UInt64 = 1
    static let tokenExpiry: UInt64 = 2
}

/// The `connection_init` payload as stored in `connections.init_payload`: every token and
/// secret replaced by `"[redacted]"` (contract.md, "The store").
func redactedInitPayload(_ payload: JSONObject?) -> String {
    guard let payload else { return "{}" }
    return JSON.object(redact(payload)).encodedString()
}

private let secretKeyFragments = ["authorization", "token", "secret", "password", "cookie", "apikey", "api_key", "credential"]

private func redact(_ object: JSONObject) -> JSONObject {
    var out = JSONObject()
    for (key, value) in object {
        let lower = key.lowercased()
        if secretKeyFragments.contains(where: { lower.contains($0) }) {
            out.append(key, .string("[redacted]"))
        } else if case .object(let inner) = value {
            out.append(key, .object(redact(inner)))
        } else {
            out.append(key, value)
        }
    }
    return out
}
