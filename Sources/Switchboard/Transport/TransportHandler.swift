/// What the server layer implements. Every method is called on the service thread; a method may
/// call back into the `WebSocketServer` (send, close, schedule, respond) directly.
public protocol TransportHandler: AnyObject {
    /// A WebSocket upgrade to the configured path. `.accept` opens `connection` (frames sent now
    /// are queued until the handshake completes); after that `didClose` follows exactly once.
    func didOpen(_ connection: Connection, upgrade: UpgradeRequest) -> UpgradeDecision
    /// One complete text message (fragments reassembled), at most `maxMessageBytes` long. The
    /// bytes are valid only during the call.
    func didReceiveText(_ connection: Connection, _ bytes: UnsafeRawBufferPointer)
    /// A binary message began (its bytes are discarded).
    func didReceiveBinary(_ connection: Connection)
    /// The connection is gone: `code` is the close code we sent, else the peer's (1005 when its
    /// close frame had none), else 1006 (the socket died, keepalive gave up, the handshake failed).
    func didClose(_ connection: Connection, code: UInt16, reason: String)
    /// An HTTP request (not an upgrade). Answer with `WebSocketServer.respond(to:with:)`, now or later.
    func didReceiveHTTP(_ request: HTTPRequest, exchange: HTTPExchange)
    /// A timer armed with `WebSocketServer.schedule(_:after:token:)` fired.
    func didFire(_ connection: Connection, token: UInt64)
    /// Frames that will not be delivered because the connection's queue overflowed (it is being
    /// closed with 1013). Called before `didClose`.
    func didDropFrames(_ connection: Connection, _ frames: DroppedFrames)
    /// The service loop has ended; called on the service thread just before it exits.
    func didStop()
    /// The transport refused something over one of its limits (an upgrade with 503, a
    /// message with close 1009, a request body with 413); for the metrics.
    func didEnforceLimit(_ limit: TransportLimit)
}

/// The limits the transport enforces itself, before the handler sees anything.
public enum TransportLimit: Sendable {
    /// `maxConnections`: the upgrade got 503.
    case connections
    /// `maxMessageBytes`: the socket is closed with 1009.
    case messageBytes
    /// `maxBodyBytes`: the request got 413.
    case bodyBytes
}

extension TransportHandler {
    public func didReceiveBinary(_ connection: Connection) {}
    public func didFire(_ connection: Connection, token: UInt64) {}
    public func didDropFrames(_ connection: Connection, _ frames: DroppedFrames) {}
    public func didStop() {}
    public func didEnforceLimit(_ limit: TransportLimit) {}
}
