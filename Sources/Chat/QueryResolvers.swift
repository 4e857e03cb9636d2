import GraphQL
import Switchboard

/// `Query.messages` and `Query.me`.
enum QueryResolvers {
    /// The default and the bounds of `messages(last:)` (contract.md: 1 to 500).
    static let defaultLast = 50
    static let lastRange = 1...500

    /// `messages(chatId, last = 50, before)`: up to `last` messages of the chat older than
    /// `before` (all when it is absent), oldest first. Anyone may read, anonymous included.
    static func messages(_ arguments: JSONObject, _ context: any Sendable, report: ChatApplication.FailureReport)
        async throws(GraphQLError) -> GraphQLValue
    {
        let field = "Query.messages"
        let request = try requestContext(context, field: field, report: report)
        let chatId = try stringArgument(arguments, "chatId")
        let last: Int
        switch arguments["last"] {
        case nil: last = defaultLast
        case .int(let n)?: last = n
        // An explicit null is not a count: the default applies only when `last` is left out.
        case let other?: throw lastOutOfRange(other.encodedString())
        }
        guard lastRange.contains(last) else { throw lastOutOfRange(String(last)) }
        let before = try eventIDArgument(arguments, "before")

        let events: [StoredEvent]
        do {
            events = try await request.store.history(topic: EventTopic.chat(chatId), before: before, last: last)
        } catch {
            report(ChatFailure(field: field, error: error))
            throw ChatError.internalError
        }
        var values: [GraphQLValue] = []
        values.reserveCapacity(events.count)
        for event in events {
            if let message = MessageValue(event: event) {
                values.append(.object(message))
            } else {
                // A row in a chat topic that is not a chat message was not written by this
                // application; one such row must not hide the rest of the history.
                report(ChatFailure(field: field, error: ChatProblem(description: "event \(event.id) in \(event.topic) is not a chat message")))
            }
        }
        return .list(values)
    }

    private static func lastOutOfRange(_ shown: String) -> GraphQLError {
        ChatError.badUserInput("last must be between \(lastRange.lowerBound) and \(lastRange.upperBound); got \(shown).")
    }

    /// `me`: null when anonymous, else the token's `sub` and `name`.
    static func me(_ context: any Sendable, report: ChatApplication.FailureReport) throws(GraphQLError) -> GraphQLValue {
        let identity = try requestContext(context, field: "Query.me", report: report).identity
        guard identity.role != .anonymous, let sub = identity.userID else { return .null }
        return .object(UserValue(id: sub, name: identity.name))
    }
}
