import ArgumentParser
import GraphQL

/// `switchboard check`: the schema and client documents checked the way the server checks
/// them, so a client's operations can be vetted in CI before they reach a server.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the schema and GraphQL documents against it.",
        discussion: """
            Builds the schema, then parses and validates each executable document against \
            it with the rules of the GraphQL specification (as graphql-core 3.3 applies \
            them). Every error is printed on standard output as

              FILE:LINE:COLUMN: error: MESSAGE

            or `FILE: error: MESSAGE` when the error has no place in the file. Columns \
            count Unicode code points. Documents are read as bytes: invalid UTF-8 is \
            reported as a syntax error at its position.

            Exit status: 0 when the schema and every document are valid, 1 otherwise.

            Example:

              switchboard check --schema Schema/chat.graphql Examples/documents/*.graphql
            """
    )

    @Option(name: .long, help: ArgumentHelp("The schema (SDL) to check the documents against.", valueName: "path"))
    var schema: String = "Schema/chat.graphql"

    // Qualified: the GraphQL module's AST has an `Argument` too.
    @ArgumentParser.Argument(help: ArgumentHelp("Executable GraphQL documents (operations and fragments) to check. (default: none: the schema alone)", valueName: "document"))
    var documents: [String] = []

    func run() throws {
        var diagnostics = Diagnostics()
        defer { diagnostics.flush() }
        guard let schema = loadSchema(atPath: schema, into: &diagnostics) else {
            throw ExitCode(1)
        }
        for path in documents {
            check(documentAt: path, against: schema, into: &diagnostics)
            diagnostics.flush()
        }
        if diagnostics.errorCount > 0 { throw ExitCode(1) }
    }

    private func check(documentAt path: String, against schema: Schema, into diagnostics: inout Diagnostics) {
        let bytes: [UInt8]
        do {
            bytes = try readFile(atPath: path)
        } catch {
            diagnostics.report("cannot read file: \(error.reason)", file: path)
            return
        }
        let document: Document
        do {
            document = try parseDocument(Source(bytes: bytes, name: path))
        } catch {
            diagnostics.report(error, file: path)
            return
        }
        // Type-system definitions in a client document are the ExecutableDefinitions
        // rule's to report, like every other validation error. (Qualified: a command's
        // own `validate()` would shadow the engine's.)
        for validationError in GraphQL.validate(schema: schema, document: document) {
            diagnostics.report(validationError, file: path)
        }
    }
}
