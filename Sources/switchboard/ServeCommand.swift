#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Chat
import Dispatch
import Foundation
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
            """
    )

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "port"))
    var port = 4000

    @Option(help: ArgumentHelp("The SQLite store (created if missing).", valueName: "path"))
    var db = "./switchboard.sqlite"

    @Option(help: ArgumentHelp("HS256 key for tokens (or env SWITCHBOARD_SECRET).", valueName: "secret"))
    var secret: String?

    @Flag(name: .customLong("require-auth"), help: "Reject a connection_init without a valid token (4403).")
    var requireAuth = false

    @Option(name: .customLong("init-timeout"), help: ArgumentHelp("Close 4408 when no connection_init arrives in time.", valueName: "ms"))
    var initTimeout = 3000

    @Option(help: ArgumentHelp("WebSocket ping interval; a silent socket is dropped after another.", valueName: "seconds"))
    var keepalive = 12

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("Further upgrades get HTTP 503.", valueName: "n"))
    var maxConnections = 20_000

    @Option(name: .customLong("max-subscriptions"), help: ArgumentHelp("Live operations per connection.", valueName: "n"))
    var maxSubscriptions = 100

    @Option(name: .customLong("max-message-bytes"), help: ArgumentHelp("Largest inbound message; larger closes 1009.", valueName: "n"))
    var maxMessageBytes = 65_536

    @Option(name: .customLong("max-queue-bytes"), help: ArgumentHelp("Most bytes queued per connection; more closes 1013.", valueName: "n"))
    var maxQueueBytes = 1_048_576

    @Option(name: .customLong("max-body-bytes"), help: ArgumentHelp("Largest HTTP body; larger gets 413.", valueName: "n"))
    var maxBodyBytes = 1_048_576

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate: serve wss:// and https://.", valueName: "path"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for --tls-cert.", valueName: "path"))
    var tlsKey: String?

    @Option(name: .customLong("event-loop"), help: ArgumentHelp("The transport's event loop: poll, uv or ev.", valueName: "loop"))
    var eventLoop = TransportConfiguration().eventLoop.rawValue

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
        c.maxMessageBytes = maxMessageBytes
        c.maxQueueBytes = maxQueueBytes
        c.maxBodyBytes = maxBodyBytes
        c.tlsCertificatePath = tlsCert
        c.tlsKeyPath = tlsKey
        guard let loop = EventLoop(rawValue: eventLoop) else {
            throw CommandFailure(message: "--event-loop must be poll, uv or ev (got \(eventLoop))")
        }
        c.eventLoop = loop
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
        let log = Server.standardErrorLog
        let application = ChatApplication(reportFailure: { failure in log("error: \(failure)") })
        let server = Server(configuration: configuration, application: application, store: store, log: log)

        // SIGINT/SIGTERM: see StopSignals (installed before the transport reads the dispositions).
        signal(SIGPIPE, SIG_IGN)
        StopSignals.install(stopping: server)

        do {
            try server.start()
        } catch {
            store.close()
            throw CommandFailure(message: "\(error)")
        }
        if configuration.secret == nil {
            log("warning: no --secret given (development mode); until tokens are checked every caller may publish")
        }
        log("listening on \(configuration.webSocketURL(port: server.port))")
        server.waitUntilStopped(timeout: 4.5)
    }
}
