import GraphQL

/// A message a client may send, decoded and checked (see `MessageDecoder`).
public enum ClientMessage: Sendable, Hashable {
    /// `connection_init`; `payload` is nil when it was absent or `null`.
    case connectionInit(payload: JSONObject?)
    /// `ping`; `payload` is nil when absent or `null`, otherwise an object.
    case ping(payload: JSON?)
    /// `pong`; `payload` is nil when absent or `null`, otherwise an object.
    case pong(payload: JSON?)
    /// `subscribe`: start operation `id`.
    case subscribe(id: String, payload: SubscribePayload)
    /// `complete`: the client stops operation `id`.
    case complete(id: String)

    /// The `type` the message had on the wire.
    public var type: String {
        switch self {
        case .connectionInit: return MessageType.connectionInit
        case .ping: return MessageType.ping
        case .pong: return MessageType.pong
        case .subscribe: return MessageType.subscribe
        case .complete: return MessageType.complete
        }
    }
}

/// The `payload` of a `subscribe` message: a GraphQL request.
public struct SubscribePayload: Sendable, Hashable {
    public var query: String
    /// nil when absent or `null`.
    public var operationName: String?
    /// nil when absent or `null`.
    public var variables: JSONObject?
    /// nil when absent or `null`.
    public var extensions: JSONObject?

    public init(
        query: String,
        operationName: String? = nil,
        variables: JSONObject? = nil,
        extensions: JSONObject? = nil
    ) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.extensions = extensions
    }
}

/// The `type` strings of graphql-transport-ws.
public enum MessageType {
    public static let connectionInit = "connection_init"
    public static let connectionAck = "connection_ack"
    public static let ping = "ping"
    public static let pong = "pong"
    public static let subscribe = "subscribe"
    public static let next = "next"
    public static let error = "error"
    public static let complete = "complete"
}
