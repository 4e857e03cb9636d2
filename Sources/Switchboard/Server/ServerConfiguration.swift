import Foundation
import GraphQL
import Logging

/// Everything `switchboard serve` can be told (contract.md's `serve` table), with its defaults.
/// Plain values: the command line fills it, tests build it directly.
public struct ServerConfiguration: Sendable {
    /// `--host`: address to listen on.
    public var host = "127.0.0.1"
    /// `--port`: port to listen on (0 picks a free one; `Server.port` tells which).
    public var port = 4000
    /// `--db`: the SQLite store, created if missing.
    public var databasePath = "./switchboard.sqlite"
    /// `--secret` (or `SWITCHBOARD_SECRET`): the HS256 key for tokens (its UTF-8 bytes). nil:
    /// development mode, with a random secret kept in the store (`DevelopmentMode`).
    public var secret: String?
    /// `--require-auth`: reject a `connection_init` without a valid token (4403).
    public var requireAuth = false
    /// `--init-timeout`: milliseconds until a socket without `connection_init` is closed 4408.
    public var initTimeoutMilliseconds = 3000
    /// `--keepalive`: seconds between WebSocket ping frames (0: off).
    public var keepaliveSeconds = 12
    /// `--max-connections`: open WebSockets allowed; further upgrades get HTTP 503.
    public var maxConnections = 20_000
    /// `--max-subscriptions`: live operations per connection.
    public var maxSubscriptions = 100
    /// `--max-connections-per-user`: acknowledged connections one token `sub` may hold; one
    /// more is closed 1008 at `connection_init`.
    public var maxConnectionsPerUser = 100
    /// `--max-message-bytes`: largest inbound WebSocket message; larger closes 1009.
    public var maxMessageBytes = 65_536
    /// `--max-queue-bytes`: most bytes waiting per connection; more closes 1013.
    public var maxQueueBytes = 1_048_576
    /// `--max-body-bytes`: largest HTTP request body; larger gets 413.
    public var maxBodyBytes = 1_048_576
    /// `--max-messages-per-second`: inbound messages per connection per second, with a burst
    /// of as many; over it a `subscribe` gets RATE_LIMITED, persistent abuse closes 1008. 0: off.
    public var maxMessagesPerSecond = 100
    /// `--max-depth`: deepest field nesting of an operation (validation error beyond). 0: off.
    public var maxDepth = 20
    /// `--max-fields`: most fields one operation selects, aliases and fragment uses included
    /// (validation error beyond). 0: off.
    public var maxFields = 1000
    /// `--tls-cert`, `--tls-key`: both given means `wss://` and `https://`.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// Seconds `stop()` lets sockets finish their close handshake (contract: exit within 5 s).
    public var shutdownGraceSeconds: Double = 2
    /// `--event-loop`: poll, uv or ev (see `EventLoop`).
    public var eventLoop: EventLoop = TransportConfiguration().eventLoop
    /// `--log-level`: the least severe level written to the log.
    public var logLevel: Logger.Level = .info
    /// `--log-format`: text lines for people, JSON lines for log pipelines.
    public var logFormat: LogFormat = .text

    public init() {}

    /// The transport's part of the configuration.
    public var transport: TransportConfiguration {
        var t = TransportConfiguration()
        t.host = host
        t.port = port
        t.webSocketPath = "/graphql"
        t.subprotocol = "graphql-transport-ws"
        t.maxConnections = maxConnections
        t.maxMessageBytes = maxMessageBytes
        t.maxQueueBytes = maxQueueBytes
        t.maxBodyBytes = maxBodyBytes
        t.keepaliveSeconds = keepaliveSeconds
        t.shutdownGraceSeconds = shutdownGraceSeconds
        t.tlsCertificatePath = tlsCertificatePath
        t.tlsKeyPath = tlsKeyPath
        t.eventLoop = eventLoop
        return t
    }

    /// The validation limits every document is checked with (`--max-depth`, `--max-fields`).
    public var documentLimits: DocumentLimits {
        DocumentLimits(maxDepth: maxDepth > 0 ? maxDepth : nil, maxFields: maxFields > 0 ? maxFields : nil)
    }

    /// Checks the values a command line can get wrong; the message names the flag.
    public func validate() throws(ServerConfigurationError) {
        func positive(_ value: Int, _ flag: String) throws(ServerConfigurationError) {
            if value <= 0 { throw ServerConfigurationError(message: "\(flag) must be greater than 0 (got \(value))") }
        }
        if port < 0 || port > 65_535 { throw ServerConfigurationError(message: "--port must be 0 to 65535 (got \(port))") }
        if initTimeoutMilliseconds < 0 {
            throw ServerConfigurationError(message: "--init-timeout must be 0 or more milliseconds (got \(initTimeoutMilliseconds))")
        }
        if keepaliveSeconds < 0 {
            throw ServerConfigurationError(message: "--keepalive must be 0 or more seconds (got \(keepaliveSeconds))")
        }
        try positive(maxConnections, "--max-connections")
        try positive(maxSubscriptions, "--max-subscriptions")
        try positive(maxConnectionsPerUser, "--max-connections-per-user")
        if secret == "" { throw ServerConfigurationError(message: "--secret (or SWITCHBOARD_SECRET) must not be empty") }
        try positive(maxMessageBytes, "--max-message-bytes")
        try positive(maxQueueBytes, "--max-queue-bytes")
        try positive(maxBodyBytes, "--max-body-bytes")
        if maxMessagesPerSecond < 0 || maxMessagesPerSecond > 1_000_000 {
            throw ServerConfigurationError(
                message: "--max-messages-per-second must be 0 (no limit) to 1000000 (got \(maxMessagesPerSecond))")
        }
        if maxDepth < 0 { throw ServerConfigurationError(message: "--max-depth must be 0 (no limit) or more (got \(maxDepth))") }
        if maxFields < 0 { throw ServerConfigurationError(message: "--max-fields must be 0 (no limit) or more (got \(maxFields))") }
        if (tlsCertificatePath == nil) != (tlsKeyPath == nil) {
            throw ServerConfigurationError(message: "--tls-cert and --tls-key go together")
        }
        for (flag, path) in [("--tls-cert", tlsCertificatePath), ("--tls-key", tlsKeyPath)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                let why = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
                throw ServerConfigurationError(message: "\(flag) \(path): the file \(why)")
            }
        }
    }

    /// `ws://HOST:PORT/graphql` (or `wss://`), as the ready line prints it.
    public func webSocketURL(port actualPort: Int) -> String {
        let scheme = tlsCertificatePath != nil && tlsKeyPath != nil ? "wss" : "ws"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost):\(actualPort)/graphql"
    }
}

/// A configuration value out of range, worded for the command line.
public struct ServerConfigurationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
