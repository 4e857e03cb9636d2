import GraphQL

/// The errors the order service reports, with the `extensions.code` values Switchboard's own
/// chat application uses, so clients handle both alike. Thrown without a location: the engine
/// adds the field's location and path.
enum OrderError {
    static func unauthenticated(_ message: String) -> GraphQLError { coded(message, "UNAUTHENTICATED") }
    static func forbidden(_ message: String) -> GraphQLError { coded(message, "FORBIDDEN") }
    static func badUserInput(_ message: String) -> GraphQLError { coded(message, "BAD_USER_INPUT") }
    /// A failure the caller can do nothing about; the detail goes to the log, not to them.
    static let internalError = coded("Internal server error.", "INTERNAL_SERVER_ERROR")

    private static func coded(_ message: String, _ code: String) -> GraphQLError {
        GraphQLError(message, extensions: [("code", .string(code))])
    }
}
