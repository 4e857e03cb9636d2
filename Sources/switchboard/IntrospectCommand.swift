import ArgumentParser
import GraphQL

/// `switchboard introspect`: what a client's schema download (GraphiQL, codegen) would
/// receive, without starting a server.
struct IntrospectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "introspect",
        abstract: "Print the result of the standard introspection query against a schema.",
        discussion: """
            Builds the schema and executes the standard introspection query (the text of \
            graphql-core 3.3's get_introspection_query() with its defaults) against it, \
            then prints the JSON response, {"data":{"__schema":...}}, on standard output. \
            Clients rebuild the schema from it (graphql-core's build_client_schema).

            Schema errors are printed as FILE:LINE:COLUMN: error: MESSAGE. Exit status: \
            0 on success, 1 on any error.

            Example:

              switchboard introspect --schema Schema/chat.graphql > introspection.json
            """
    )

    @Option(name: .long, help: ArgumentHelp("The schema (SDL) to introspect.", valueName: "path"))
    var schema: String = "Schema/chat.graphql"

    func run() async throws {
        var diagnostics = Diagnostics()
        guard let builtSchema = loadSchema(atPath: schema, into: &diagnostics) else {
            diagnostics.flush()
            throw ExitCode(1)
        }
        let document: Document
        do {
            document = try parseDocument(Source(introspectionQuery, name: "introspection query"))
        } catch {
            // The query is a constant of the engine: failing to parse it is a bug there.
            diagnostics.report(error, file: "introspection query")
            diagnostics.flush()
            throw ExitCode(1)
        }
        let result = await execute(schema: builtSchema, document: document)
        var output = result.encoded()
        output.append(UInt8(ascii: "\n"))
        writeToStandardOutput(output)
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}
