import ArgumentParser
import Foundation
import GraphQL
import Switchboard

/// `order-status [serve]`: the order-status service on its own port and store, with a subset of
/// `switchboard serve`'s flags.
@main
struct OrderStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order-status",
        abstract: "An order-status service built on Switchboard (Examples/OrderStatus).",
        subcommands: [Serve.self],
        defaultSubcommand: Serve.self
    )
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve Examples/OrderStatus/schema.graphql over graphql-transport-ws and HTTP.",
        discussion: """
            WebSocket ws://HOST:PORT/graphql (subprotocol graphql-transport-ws) and POST/GET \
            /graphql, GET /healthz, GET /metrics. Prints `listening on ws://HOST:PORT/graphql` \
            on standard error once it accepts; SIGINT or SIGTERM shut it down.
            """
    )

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "port"))
    var port = 4100

    @Option(help: ArgumentHelp("The SQLite store (created if missing).", valueName: "path"))
    var db = "./orders.sqlite"

    @Option(help: ArgumentHelp("HS256 key for tokens (or env SWITCHBOARD_SECRET).", valueName: "secret"))
    var secret: String?

    @Flag(name: .customLong("require-auth"), help: "Reject a connection_init without a valid token (4403).")
    var requireAuth = false

    @Option(help: ArgumentHelp("The schema file (default: the one built into this binary).", valueName: "path"))
    var schema: String?

    func run() throws {
        let logger = StandardErrorLogHandler.logger(label: "order-status")
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.databasePath = db
        configuration.secret = secret ?? ProcessInfo.processInfo.environment["SWITCHBOARD_SECRET"]
        configuration.requireAuth = requireAuth
        do {
            try configuration.validate()
            let application = OrderStatusApplication(schema: try loadSchema(), reportFailure: { logger.error("internal failure", metadata: ["detail": "\($0)"]) })
            let store = try SQLiteStore(path: db)
            let server = Server(configuration: configuration, application: application, store: store, logger: logger)
            try server.serveUntilSignalled {
                // The ready line scripts wait for, printed plainly (not through the log format).
                FileHandle.standardError.write(Data("listening on \(configuration.webSocketURL(port: server.port))\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// `--schema`, else `schema.graphql` as copied into the build (a SwiftPM resource).
    private func loadSchema() throws -> Schema {
        let path = schema ?? Bundle.module.path(forResource: "schema", ofType: "graphql")
        guard let path else { throw ValidationError("schema.graphql is missing from the build; pass --schema PATH") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try buildSchema(Source(text, name: path))
    }
}
