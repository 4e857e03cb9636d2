// The records the store keeps: what contract.md's tables hold, as values.

/// One event of the log: a chat message or a user notification.
public struct StoredEvent: Sendable, Hashable {
    /// Strictly increasing over the whole store, never reused (not even after pruning).
    public let id: Int64
    /// `chat:<chatId>` or `user:<userId>`.
    public let topic: String
    /// The application's fields as a JSON object (UTF-8), without `id` and `createdAt`.
    public let payload: [UInt8]
    /// ISO-8601 UTC with milliseconds: `2026-11-23T10:00:00.123Z`.
    public let createdAt: String

    public init(id: Int64, topic: String, payload: [UInt8], createdAt: String) {
        self.id = id
        self.topic = topic
        self.payload = payload
        self.createdAt = createdAt
    }
}

/// An event to append: the store assigns `id` and `createdAt` when it commits.
public struct NewEvent: Sendable, Hashable {
    public let topic: String
    public let payload: [UInt8]

    public init(topic: String, payload: [UInt8]) {
        self.topic = topic
        self.payload = payload
    }
}

/// A live, acknowledged WebSocket connection.
public struct ConnectionRecord: Sendable, Hashable {
    public let id: String
    /// The token's `sub`, nil when anonymous.
    public let userId: String?
    public let remoteAddress: String
    public let connectedAt: String
    /// The `connection_init` payload as JSON text, every token and secret replaced by
    /// `"[redacted]"` before it gets here.
    public let initPayload: String

    public init(id: String, userId: String?, remoteAddress: String, connectedAt: String, initPayload: String) {
        self.id = id
        self.userId = userId
        self.remoteAddress = remoteAddress
        self.connectedAt = connectedAt
        self.initPayload = initPayload
    }
}

/// A live subscription of a connection.
public struct SubscriptionRecord: Sendable, Hashable {
    public let connectionId: String
    /// The client's operation id.
    public let id: String
    public let topic: String
    public let query: String
    /// The variables as JSON text (`{}` when none).
    public let variables: String
    public let operationName: String?
    public let createdAt: String

    public init(
        connectionId: String, id: String, topic: String, query: String, variables: String,
        operationName: String?, createdAt: String
    ) {
        self.connectionId = connectionId
        self.id = id
        self.topic = topic
        self.query = query
        self.variables = variables
        self.operationName = operationName
        self.createdAt = createdAt
    }
}

/// An event a subscriber did not receive, and why.
public struct DeadLetter: Sendable, Hashable {
    public let eventId: Int64
    public let connectionId: String
    public let subscriptionId: String
    public let reason: String
    public let createdAt: String

    public init(eventId: Int64, connectionId: String, subscriptionId: String, reason: String, createdAt: String) {
        self.eventId = eventId
        self.connectionId = connectionId
        self.subscriptionId = subscriptionId
        self.reason = reason
        self.createdAt = createdAt
    }
}

/// How long events are kept. Either limit may be off (nil).
public struct RetentionPolicy: Sendable, Hashable {
    /// Events older than this many seconds are pruned.
    public var maxAgeSeconds: Double?
    /// Beyond this many events per topic, the oldest are pruned.
    public var maxEventsPerTopic: Int?

    public init(maxAgeSeconds: Double? = nil, maxEventsPerTopic: Int? = nil) {
        self.maxAgeSeconds = maxAgeSeconds
        self.maxEventsPerTopic = maxEventsPerTopic
    }

    public static let keepEverything = RetentionPolicy()
}
