#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Chat
import Dispatch
import Foundation
import Logging
import Switchboard

/// `switchboard serve`: the server, with every flag of contract.md's `serve` table.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve GraphQL subscriptions (graphql-transport-ws) and GraphQL over HTTP.",
        discussion: """
            Listens on HOST:PORT: WebSocket ws://HOST:PORT/graphql (subprotocol \
            graphql-transport-ws), POST/GET /graphql, GET /healthz, GET /metrics, GET /. \
            Prints `listening on ws://HOST:PORT/graphql` on standard error once it accepts. \
            SIGINT or SIGTERM: stop accepting, close every socket with 1001 `Going away`, \
            remove this process's records from the store, exit 0.

            Logs go to standard error, one record per line: each connection opened and \
            closed (with its close code, reason, duration and who closed it), each rejected \
            operation with its reason, each batch of dead letters (a warning), failures. \
            `listening on …` is printed as a plain line in both formats.

            Example:

              switchboard serve --port 4000 --db ./switchboard.sqlite \\
                --secret "$SWITCHBOARD_SECRET" --log-format json
            """
    )

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "port"))
    var port = 4000

    @Option(help: ArgumentHelp("The SQLite store (created if missing).", valueName: "path"))
    var db = "./switchboard.sqlite"

    @Option(help: ArgumentHelp("HS256 key for tokens (or env SWITCHBOARD_SECRET). (default: none: development mode)", valueName: "secret"))
    var secret: String?

    @Flag(name: .customLong("require-auth"), help: "Reject a connection_init without a valid token (4403). (default: off)")
    var requireAuth = false

    @Option(name: .customLong("init-timeout"), help: ArgumentHelp("Close 4408 when no connection_init arrives in time.", valueName: "ms"))
    var initTimeout = 3000

    @Option(help: ArgumentHelp("WebSocket ping interval; a silent socket is dropped after another.", valueName: "seconds"))
    var keepalive = 12

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("Open WebSockets; further upgrades get HTTP 503 with Retry-After.", valueName: "n"))
    var maxConnections = 20_000

    @Option(name: .customLong("max-subscriptions"), help: ArgumentHelp("Live operations per connection; one more gets a TOO_MANY_SUBSCRIPTIONS error.", valueName: "n"))
    var maxSubscriptions = 100

    @Option(name: .customLong("max-connections-per-user"),
            help: ArgumentHelp("Acknowledged connections per token sub; one more closes 1008.", valueName: "n"))
    var maxConnectionsPerUser = 100

    @Option(name: .customLong("max-message-bytes"), help: ArgumentHelp("Largest inbound message; larger closes 1009.", valueName: "n"))
    var maxMessageBytes = 65_536

    @Option(name: .customLong("max-queue-bytes"), help: ArgumentHelp("Most bytes queued per connection; more closes 1013.", valueName: "n"))
    var maxQueueBytes = 1_048_576

    @Option(name: .customLong("max-body-bytes"), help: ArgumentHelp("Largest HTTP body; larger gets 413.", valueName: "n"))
    var maxBodyBytes = 1_048_576

    @Option(name: .customLong("max-messages-per-second"), help: ArgumentHelp(
        "Inbound messages per second per connection, bursts of n allowed; over it a subscribe gets a RATE_LIMITED error and a ping is dropped; more than n over the rate within 10 s closes the socket 1008 (0: no limit).",
        valueName: "n"))
    var maxMessagesPerSecond = 100

    @Option(name: .customLong("max-depth"), help: ArgumentHelp(
        "Deepest field nesting of an operation, fragments counted where spread; deeper is a validation error (0: no limit).",
        valueName: "n"))
    var maxDepth = 20

    @Option(name: .customLong("max-fields"), help: ArgumentHelp(
        "Most fields one operation selects, aliases and each fragment use included; more is a validation error (0: no limit).",
        valueName: "n"))
    var maxFields = 1000

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate: serve wss:// and https://. (default: none: plain ws:// and http://)", valueName: "path"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for --tls-cert. (default: none)", valueName: "path"))
    var tlsKey: String?

    @Option(name: .customLong("event-loop"), help: ArgumentHelp("The transport's event loop: poll, uv or ev.", valueName: "loop"))
    var eventLoop = TransportConfiguration().eventLoop.rawValue

    @Option(
        name: .customLong("log-level"),
        help: ArgumentHelp(
            "The least severe records logged: trace, debug, info, notice, warning, error or critical.",
            valueName: "level"))
    var logLevel = ServerConfiguration().logLevel.rawValue

    @Option(
        name: .customLong("log-format"),
        help: ArgumentHelp(
            "text (`TIME LEVEL MESSAGE key=value …`) or json (one JSON object per line).", valueName: "format"))
    var logFormat = ServerConfiguration().logFormat.rawValue

    func serverConfiguration() throws(CommandFailure) -> ServerConfiguration {
        var c = ServerConfiguration()
        c.host = host
        c.port = port
        c.databasePath = db
        c.secret = secret ?? ProcessInfo.processInfo.environment["SWITCHBOARD_SECRET"]
        c.requireAuth = requireAuth
        c.initTimeoutMilliseconds = initTimeout
        c.keepaliveSeconds = keepalive
        c.maxConnections = maxConnections
        c.maxSubscriptions = maxSubscriptions
        c.maxConnectionsPerUser = maxConnectionsPerUser
        c.maxMessageBytes = maxMessageBytes
        c.maxQueueBytes = maxQueueBytes
        c.maxBodyBytes = maxBodyBytes
        c.maxMessagesPerSecond = maxMessagesPerSecond
        c.maxDepth = maxDepth
        c.maxFields = maxFields
        c.tlsCertificatePath = tlsCert
        c.tlsKeyPath = tlsKey
        guard let loop = EventLoop(rawValue: eventLoop) else {
            throw CommandFailure(message: "--event-loop must be poll, uv or ev (got \(eventLoop))")
        }
        c.eventLoop = loop
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw CommandFailure(
                message: "--log-level must be trace, debug, info, notice, warning, error or critical (got \(logLevel))")
        }
        c.logLevel = level
        guard let format = LogFormat(rawValue: logFormat) else {
            throw CommandFailure(message: "--log-format must be text or json (got \(logFormat))")
        }
        c.logFormat = format
        do {
            try c.validate()
        } catch {
            throw CommandFailure(message: error.message)
        }
        return c
    }

    func run() throws {
        do {
            try serve()
        } catch let failure as CommandFailure {
            reportError(failure.message)
            throw ExitCode.failure
        }
    }

    private func serve() throws {
        let configuration = try serverConfiguration()
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: configuration.databasePath)
        } catch {
            throw CommandFailure(message: describe(error, path: configuration.databasePath))
        }
        let logger = StandardErrorLogHandler.logger(format: configuration.logFormat, level: configuration.logLevel)
        DescriptorLimit.fit(maxConnections: configuration.maxConnections, logger: logger)
        let application = ChatApplication(reportFailure: { failure in
            logger.error("internal failure", metadata: ["detail": "\(failure)"])
        })
        let server = Server(configuration: configuration, application: application, store: store, logger: logger)

        // SIGINT/SIGTERM stop the server (StopSignals, installed by serveUntilSignalled).
        do {
            try server.serveUntilSignalled(shutdownTimeout: 4.5) {
                announceIdentityMode(server, configuration, logger: logger, format: configuration.logFormat)
                announceReady(url: configuration.webSocketURL(port: server.port), logger: logger, format: configuration.logFormat)
            }
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}

/// The ready line, `listening on ws://HOST:PORT/graphql`, is part of the contract: scripts and
/// tests wait for exactly that line. So it is printed plainly in both formats, never through
/// the formatter. With `--log-format json` a `listening` record with the URL goes first, so
/// a log pipeline sees it too; that plain line is the only one that is not JSON.
func announceReady(url: String, logger: Logger, format: LogFormat) {
    if format == .json {
        logger.notice("listening", metadata: ["url": .string(url)])
    }
    writeToStandardError(Array("listening on \(url)\n".utf8))
}
