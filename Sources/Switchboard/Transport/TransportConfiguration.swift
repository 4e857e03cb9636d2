/// How the libwebsockets host listens and what it allows. Plain values: the server layer fills it
/// from the `switchboard serve` flags (contract.md).
public struct TransportConfiguration: Sendable {
    /// Address to listen on (`--host`). `0.0.0.0` or `::` listens on every interface.
    public var host: String = "127.0.0.1"
    /// Port to listen on (`--port`).
    public var port: Int = 4000
    /// The only path that takes a WebSocket upgrade; any other upgrade gets 404.
    public var webSocketPath: String = "/graphql"
    /// The subprotocol answered when the client offers it (anywhere in its list).
    public var subprotocol: String = "graphql-transport-ws"
    /// Open WebSockets allowed at once (`--max-connections`); further upgrades get HTTP 503.
    public var maxConnections: Int = 20_000
    /// Largest inbound WebSocket message (`--max-message-bytes`); a larger one closes with 1009.
    public var maxMessageBytes: Int = 65_536
    /// Most bytes waiting to be written per connection (`--max-queue-bytes`); more closes with 1013.
    public var maxQueueBytes: Int = 1_048_576
    /// Largest HTTP request body (`--max-body-bytes`); a larger one gets 413.
    public var maxBodyBytes: Int = 1_048_576
    /// Seconds between keepalive sweeps (`--keepalive`): a WebSocket silent for a whole interval
    /// gets a ping frame, and one that sends nothing (pong or data) within the next interval is
    /// dropped without a close handshake (reported closed with 1006). 0 turns keepalive off.
    public var keepaliveSeconds: Int = 12
    /// Seconds `stop()` waits for closing sockets to finish their close handshake.
    public var shutdownGraceSeconds: Double = 3
    /// PEM certificate and key (`--tls-cert`, `--tls-key`): both set means `wss://` and `https://`.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// libwebsockets' own log levels (an `LLL_*` mask); errors and warnings by default.
    public var libwebsocketsLogLevel: Int32 = 3
    /// Which event loop the service thread runs (`--event-loop`). lws' own poll() loop hands the
    /// kernel every descriptor on every iteration; with thousands of sockets that scan is most of
    /// the server's CPU, which libuv and libev (epoll underneath) avoid.
    public var eventLoop: EventLoop = .libev

    public init() {}

    public var usesTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }
}

/// The event loops libwebsockets can run for the transport. lws creates and runs the libuv or
/// libev loop itself (no foreign loop); Debian ships them as `libwebsockets-evlib-*` plugins.
public enum EventLoop: String, Sendable, CaseIterable {
    /// lws' built-in poll() loop.
    case poll
    /// libuv (`LWS_SERVER_OPTION_LIBUV`).
    case libuv = "uv"
    /// libev (`LWS_SERVER_OPTION_LIBEV`).
    case libev = "ev"
}
