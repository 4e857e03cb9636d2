import ArgumentParser

@main
struct SwitchboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A GraphQL subscription server: graphql-transport-ws over libwebsockets, with a SQLite event log.",
        discussion: """
            Clients subscribe over WebSocket (graphql-transport-ws) and backends publish with \
            GraphQL mutations over HTTP; every event is committed to the store before it is \
            delivered, and a client that reconnects with `after:` misses nothing.

            Example: start a server, then publish into it from another process.

              switchboard serve --db ./switchboard.sqlite
              switchboard publish --db ./switchboard.sqlite --chat general --content hi --sender ada
            """,
        subcommands: [ServeCommand.self, CheckCommand.self, IntrospectCommand.self, PublishCommand.self, NotifyCommand.self, DeadLettersCommand.self,
                      TokenCommand.self]
    )
}
