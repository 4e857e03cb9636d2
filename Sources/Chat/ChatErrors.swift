import GraphQL
import Switchboard

/// The errors the chat application reports, each a `GraphQLError` with the
/// `extensions.code` contract.md names. Resolvers throw them without a location or path:
/// the engine adds the field's location and response path (alias included), which only it
/// knows.
public enum ChatError {
    public static let unauthenticatedCode = "UNAUTHENTICATED"
    public static let forbiddenCode = "FORBIDDEN"
    public static let badUserInputCode = "BAD_USER_INPUT"
    public static let internalCode = "INTERNAL_SERVER_ERROR"

    /// What every internal failure says: nothing about files, SQLite or code.
    public static let internalMessage = "Internal server error."

    /// No token: anonymous connections may read and subscribe to chats, nothing else.
    static func unauthenticated(_ message: String) -> GraphQLError {
        GraphQLError(message, extensions: [("code", .string(unauthenticatedCode))])
    }

    /// A token whose role or name may not do this.
    static func forbidden(_ message: String) -> GraphQLError {
        GraphQLError(message, extensions: [("code", .string(forbiddenCode))])
    }

    static func badUserInput(_ message: String) -> GraphQLError {
        GraphQLError(message, extensions: [("code", .string(badUserInputCode))])
    }

    /// An input rule of `EventPayloads` (`content must not be empty`, …).
    static func badUserInput(_ error: EventInputError) -> GraphQLError {
        badUserInput(error.description)
    }

    /// A failure the caller can do nothing about, with the generic message.
    public static var internalError: GraphQLError {
        GraphQLError(internalMessage, extensions: [("code", .string(internalCode))])
    }
}
