import GraphQL

/// What the server needs from an application built on Switchboard: its schema, its
/// resolvers, and how a subscription maps to a topic of the event log and an event back to
/// the value its selection is executed against. The chat application (`Chat`) is one; a
/// team's own schema is another.
public protocol SwitchboardApplication: Sendable {
    var schema: Schema { get }
    var resolvers: Resolvers { get }

    /// The source of a subscription: the topic it listens to and where to resume, from its
    /// root field and coerced arguments. Throws a `GraphQLError` (with `extensions.code`)
    /// when the identity may not subscribe; the server sends it as an `error` message.
    func source(
        forSubscriptionField field: String, arguments: JSONObject, identity: Identity
    ) throws(GraphQLError) -> SubscriptionSource

    /// The value a subscription's root field resolves to for one committed event.
    func eventValue(_ event: StoredEvent, forSubscriptionField field: String) -> GraphQLValue

    /// The HTML page served at `GET /` (the chat application's is its chat page), or nil for
    /// a short page that names the endpoints.
    var indexPage: String? { get }
}

extension SwitchboardApplication {
    public var indexPage: String? { nil }
}

/// Where a subscription's events come from.
public struct SubscriptionSource: Sendable, Hashable {
    /// `chat:<chatId>`, `user:<userId>`, …
    public let topic: String
    /// Replay stored events with a larger id first (`after:`), then live ones.
    public let after: Int64?

    public init(topic: String, after: Int64?) {
        self.topic = topic
        self.after = after
    }
}

/// The `context` every resolver receives: who asks, the store, and the door through which
/// committed events reach the fan-out.
public struct RequestContext: Sendable {
    public let identity: Identity
    public let store: any Store
    /// Hands committed events to the fan-out (the server posts them to its service thread).
    /// A mutation calls it after its append is committed, before it returns.
    public let publish: @Sendable ([StoredEvent]) -> Void

    public init(identity: Identity, store: any Store, publish: @escaping @Sendable ([StoredEvent]) -> Void) {
        self.identity = identity
        self.store = store
        self.publish = publish
    }
}
