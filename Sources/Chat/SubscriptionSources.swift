import GraphQL
import Switchboard

// Subscriptions: a root field and its arguments become a topic of the log and a point to
// resume from; a committed event of that topic becomes the value the selection runs on.

extension ChatApplication {
    /// `newMessage(chatId, after)` → `chat:<chatId>`, open to anyone.
    /// `notifications(after)` → `user:<sub>`, which needs a token (`UNAUTHENTICATED`).
    /// `after`, when given, is an event id (`BAD_USER_INPUT` when it is not a decimal
    /// integer). The errors carry no location or path: the server knows the root field's
    /// location and alias and adds them.
    public func source(
        forSubscriptionField field: String, arguments: JSONObject, identity: Identity
    ) throws(GraphQLError) -> SubscriptionSource {
        switch field {
        case "newMessage":
            let chatId = try stringArgument(arguments, "chatId")
            return SubscriptionSource(topic: EventTopic.chat(chatId), after: try eventIDArgument(arguments, "after"))
        case "notifications":
            guard identity.role != .anonymous, let sub = identity.userID else {
                throw ChatError.unauthenticated("notifications needs a token: its sub is the user whose notifications arrive.")
            }
            return SubscriptionSource(topic: EventTopic.user(sub), after: try eventIDArgument(arguments, "after"))
        default:
            // The schema has no other subscription field: the server asked about one it
            // did not validate against this schema.
            report(ChatFailure(field: "Subscription.\(field)", error: ChatProblem(description: "no such subscription field")))
            throw ChatError.internalError
        }
    }

    /// The `Message` (for `newMessage`) or `Notification` (for `notifications`) an event
    /// holds. An event that does not decode becomes null, which the engine reports as a
    /// field error in that event's payload; the detail goes to the log.
    public func eventValue(_ event: StoredEvent, forSubscriptionField field: String) -> GraphQLValue {
        switch field {
        case "newMessage":
            if let message = MessageValue(event: event) { return .object(message) }
        case "notifications":
            if let notification = NotificationValue(event: event) { return .object(notification) }
        default:
            break
        }
        report(
            ChatFailure(
                field: "Subscription.\(field)",
                error: ChatProblem(description: "event \(event.id) in \(event.topic) has no value for this field")))
        return .null
    }
}
