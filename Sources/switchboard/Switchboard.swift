import ArgumentParser

@main
struct SwitchboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A GraphQL subscription server: graphql-transport-ws over libwebsockets, with a SQLite event log.",
        subcommands: [ServeCommand.self, CheckCommand.self, IntrospectCommand.self, PublishCommand.self, NotifyCommand.self,
                      TokenCommand.self]
    )
}
