import GraphQL
import Switchboard

// The values `Message` and `Notification` resolve from: one committed event's payload, id and
// createdAt, read field by field by the default resolver (no dictionary, no resolver per
// field). The fan-out builds one per event per group of identical subscribers, so building
// one is a single parse of a small payload and reading a field is a `switch`.

/// A `Message`: a committed chat event.
public struct MessageValue: GraphQLObjectValue, Sendable, Hashable {
    /// The event id as a decimal string (`ID`).
    public let id: String
    public let chatId: String
    public let content: String
    public let senderName: String
    public let createdAt: String

    public init(id: Int64, payload: ChatMessagePayload, createdAt: String) {
        self.id = String(id)
        self.chatId = payload.chatId
        self.content = payload.content
        self.senderName = payload.senderName
        self.createdAt = createdAt
    }

    /// The message an event holds; nil when its payload is not a chat message's JSON.
    public init?(event: StoredEvent) {
        guard let payload = ChatMessagePayload.decode(event.payload) else { return nil }
        self.init(id: event.id, payload: payload, createdAt: event.createdAt)
    }

    public func fieldValue(_ name: String) -> GraphQLValue {
        switch name {
        case "id": return .string(id)
        case "chatId": return .string(chatId)
        case "content": return .string(content)
        case "senderName": return .string(senderName)
        case "createdAt": return .string(createdAt)
        default: return .null
        }
    }

    public var graphQLTypeName: String? { "Message" }
}

/// A `Notification`: a committed user event. `kind` follows from `callback`.
public struct NotificationValue: GraphQLObjectValue, Sendable, Hashable {
    public let id: String
    public let message: String
    public let callback: String?
    public let kind: NotificationKind
    public let createdAt: String

    public init(id: Int64, payload: NotificationPayload, createdAt: String) {
        self.id = String(id)
        self.message = payload.message
        self.callback = payload.callback
        self.kind = payload.kind
        self.createdAt = createdAt
    }

    /// The notification an event holds; nil when its payload is not a notification's JSON.
    public init?(event: StoredEvent) {
        guard let payload = NotificationPayload.decode(event.payload) else { return nil }
        self.init(id: event.id, payload: payload, createdAt: event.createdAt)
    }

    public func fieldValue(_ name: String) -> GraphQLValue {
        switch name {
        case "id": return .string(id)
        case "message": return .string(message)
        case "callback": return .optional(callback)
        case "kind": return .string(kind.rawValue)
        case "createdAt": return .string(createdAt)
        default: return .null
        }
    }

    public var graphQLTypeName: String? { "Notification" }
}

/// `User`, from the caller's token: `id` is its `sub`, `name` its `name` (or null).
public struct UserValue: GraphQLObjectValue, Sendable, Hashable {
    public let id: String
    public let name: String?

    public func fieldValue(_ name: String) -> GraphQLValue {
        switch name {
        case "id": return .string(id)
        case "name": return .optional(self.name)
        default: return .null
        }
    }

    public var graphQLTypeName: String? { "User" }
}
