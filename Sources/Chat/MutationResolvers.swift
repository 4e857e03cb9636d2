import GraphQL
import Switchboard

/// `Mutation.postMessage` and `Mutation.notifyUser`: check who asks and what they send,
/// append through the store, hand the committed event to the fan-out, then return it. The
/// event reaches no subscriber before it is committed, and the caller's answer leaves only
/// after the fan-out has it.
enum MutationResolvers {
    /// `postMessage(chatId, content, senderName)`. A publisher names the sender; a user
    /// posts under the token's `name` (or `sub`) and may repeat it but not change it;
    /// anonymous callers may not post.
    static func postMessage(_ arguments: JSONObject, _ context: any Sendable, report: ChatApplication.FailureReport)
        async throws(GraphQLError) -> GraphQLValue
    {
        let field = "Mutation.postMessage"
        let request = try requestContext(context, field: field, report: report)
        let identity = request.identity
        let given = arguments["senderName"]?.stringValue

        let senderName: String
        switch identity.role {
        case .anonymous:
            throw ChatError.unauthenticated("postMessage needs a token: without one a connection may only read and subscribe to chats.")
        case .user:
            guard let sub = identity.userID else {
                throw ChatError.unauthenticated("postMessage needs a token with a sub.")
            }
            let own = nonEmpty(identity.name) ?? sub
            if let given, given != own {
                throw ChatError.forbidden("A user posts under their own name: senderName must be \(quoted(own)) or left out.")
            }
            senderName = own
        case .publisher:
            guard let given else {
                throw ChatError.badUserInput("senderName is required when a publisher posts a message.")
            }
            senderName = given
        }

        let chatId = try stringArgument(arguments, "chatId")
        let content = try stringArgument(arguments, "content")
        let payload: ChatMessagePayload
        do {
            payload = try ChatMessagePayload(chatId: chatId, content: content, senderName: senderName)
        } catch {
            throw ChatError.badUserInput(error)
        }
        let event = try await appendAndPublish(payload.newEvent, request, field: field, report: report)
        return .object(MessageValue(id: event.id, payload: payload, createdAt: event.createdAt))
    }

    /// `notifyUser(userId, message, callback)`: publishers only. `kind` is ACTIONABLE with a
    /// callback, FEEDBACK without.
    static func notifyUser(_ arguments: JSONObject, _ context: any Sendable, report: ChatApplication.FailureReport)
        async throws(GraphQLError) -> GraphQLValue
    {
        let field = "Mutation.notifyUser"
        let request = try requestContext(context, field: field, report: report)
        switch request.identity.role {
        case .anonymous:
            throw ChatError.unauthenticated("notifyUser needs a publisher's token.")
        case .user:
            throw ChatError.forbidden("notifyUser is for publishers only.")
        case .publisher:
            break
        }

        let userId = try stringArgument(arguments, "userId")
        let message = try stringArgument(arguments, "message")
        let payload: NotificationPayload
        do {
            payload = try NotificationPayload(userId: userId, message: message, callback: arguments["callback"]?.stringValue)
        } catch {
            throw ChatError.badUserInput(error)
        }
        let event = try await appendAndPublish(payload.newEvent, request, field: field, report: report)
        return .object(NotificationValue(id: event.id, payload: payload, createdAt: event.createdAt))
    }

    /// Appends one event and, once it is committed, hands it to the fan-out. A store failure
    /// is logged with its detail and answered with the generic internal error; nothing is
    /// published then.
    private static func appendAndPublish(
        _ event: NewEvent, _ request: RequestContext, field: String, report: ChatApplication.FailureReport
    ) async throws(GraphQLError) -> StoredEvent {
        let committed: StoredEvent
        do {
            committed = try await request.store.append(event)
        } catch {
            report(ChatFailure(field: field, error: error))
            throw ChatError.internalError
        }
        request.publish([committed])
        return committed
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
