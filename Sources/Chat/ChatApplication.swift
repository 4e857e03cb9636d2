import GraphQL
import Switchboard

/// The chat application: `Schema/chat.graphql` with the meaning contract.md gives it.
///
/// Queries and mutations run as resolvers that receive a `RequestContext` (who asks, the
/// store, the door to the fan-out); subscriptions are mapped to topics by `source(…)` and
/// each committed event becomes a `Message` or `Notification` value by `eventValue(…)`.
public struct ChatApplication: SwitchboardApplication {
    /// Receives every internal failure with its detail (a store error with its file, a
    /// context of the wrong type, an event that does not decode), for the server's log.
    /// Clients only ever see `ChatError.internalMessage`.
    public typealias FailureReport = @Sendable (ChatFailure) -> Void

    public let schema: Schema
    public let resolvers: Resolvers
    let report: FailureReport

    /// The chat page (`ChatPage/chat.html`, embedded at build time by the EmbedChatPage plugin).
    public var indexPage: String? { ChatPageHTML.text }

    public init(reportFailure: @escaping FailureReport = { _ in }) {
        self.schema = ChatSchema.schema
        self.report = reportFailure
        var resolvers = Resolvers()
        resolvers.async("Query.messages") { _, arguments, context, _ in
            try await QueryResolvers.messages(arguments, context, report: reportFailure)
        }
        resolvers.sync("Query.me") { _, _, context, _ in
            try QueryResolvers.me(context, report: reportFailure)
        }
        resolvers.async("Mutation.postMessage") { _, arguments, context, _ in
            try await MutationResolvers.postMessage(arguments, context, report: reportFailure)
        }
        resolvers.async("Mutation.notifyUser") { _, arguments, context, _ in
            try await MutationResolvers.notifyUser(arguments, context, report: reportFailure)
        }
        // A resolver that throws anything but a GraphQLError has failed inside: the client
        // gets the generic error, the log gets the detail.
        resolvers.mapError = { error in
            reportFailure(ChatFailure(field: nil, error: error))
            return ChatError.internalError
        }
        self.resolvers = resolvers
    }
}

/// An internal failure, for the log: where it happened and the original error.
public struct ChatFailure: Error, Sendable, CustomStringConvertible {
    /// The schema coordinate (`Mutation.postMessage`), or nil when the engine reported it.
    public let field: String?
    public let error: any Error

    public init(field: String?, error: any Error) {
        self.field = field
        self.error = error
    }

    public var description: String {
        guard let field else { return String(describing: error) }
        return "\(field): \(error)"
    }
}

/// Why a failure happened, when no other error says it.
struct ChatProblem: Error, CustomStringConvertible {
    let description: String
}

/// The `RequestContext` every resolver is given by the server; anything else is a bug in
/// the server's wiring, reported as an internal error.
func requestContext(_ context: any Sendable, field: String, report: ChatApplication.FailureReport) throws(GraphQLError)
    -> RequestContext
{
    if let request = context as? RequestContext { return request }
    report(ChatFailure(field: field, error: ChatProblem(description: "context is \(type(of: context)), not RequestContext")))
    throw ChatError.internalError
}

/// An `ID` argument that names an event (`before`, `after`): nil when absent or null, else
/// the decimal integer it must hold (`BAD_USER_INPUT` when it does not).
func eventIDArgument(_ arguments: JSONObject, _ name: String) throws(GraphQLError) -> Int64? {
    switch arguments[name] {
    case nil, .null?:
        return nil
    case .string(let text)?:
        if let id = parseEventID(text) { return id }
        throw ChatError.badUserInput("\(name) must be an event id, a decimal integer; got \(quoted(text)).")
    case let other?:
        // `ID` coercion hands over strings only; anything else is not an id either.
        throw ChatError.badUserInput("\(name) must be an event id, a decimal integer; got \(other.encodedString()).")
    }
}

/// Digits only (no sign, no space), within Int64: what the store's ids print as.
func parseEventID(_ text: String) -> Int64? {
    guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
    return Int64(text)
}

/// A required `String`/`ID` argument; the engine's coercion guarantees it, so a missing one
/// is treated as a bad input rather than trusted.
func stringArgument(_ arguments: JSONObject, _ name: String) throws(GraphQLError) -> String {
    guard let value = arguments[name]?.stringValue else { throw ChatError.badUserInput("\(name) is required.") }
    return value
}

/// A client's text quoted in a message, cut short so an error never echoes a huge input.
func quoted(_ text: String) -> String {
    let limit = 64
    var shown = String(text.unicodeScalars.prefix(limit))
    if text.unicodeScalars.count > limit { shown += "…" }
    return JSON.string(shown).encodedString()
}
