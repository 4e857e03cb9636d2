import GraphQL

/// Why an inbound frame is not a valid client message. Every case closes the socket with
/// 4400 and `reason`, also before the connection is acknowledged.
public enum MessageDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The frame was binary; graphql-transport-ws uses text frames only.
    case binaryFrame
    /// The text is not JSON. The parser's message is kept for the log, not sent.
    case invalidJSON(JSONParseError)
    /// The JSON is not an object.
    case notAnObject
    /// `type` is missing or not a string.
    case missingType
    /// `type` is a string no message has.
    case unknownType(String)
    /// `type` is one only the server sends (`connection_ack`, `next`, `error`).
    case serverMessageType(String)
    /// `id` is missing, not a string, or empty.
    case invalidID
    /// A payload (or one of its fields) has the wrong shape; the associated text is the
    /// whole reason, e.g. `'payload.query' must be a string`.
    case invalidPayload(String)

    /// The close code: always 4400.
    public var closeCode: CloseCode { .badRequest }

    /// The close reason: short, and saying what was wrong.
    public var reason: String {
        switch self {
        case .binaryFrame: return "Binary frames are not supported"
        case .invalidJSON: return "Invalid JSON"
        case .notAnObject: return "Message is not an object"
        case .missingType: return "Missing or invalid 'type'"
        case .unknownType(let t): return "Unknown message type '\(t)'"
        case .serverMessageType(let t): return "Unexpected message type '\(t)' from a client"
        case .invalidID: return "'id' must be a non-empty string"
        case .invalidPayload(let reason): return reason
        }
    }

    public var description: String {
        if case .invalidJSON(let e) = self { return "Invalid JSON: \(e.message)" }
        return reason
    }
}

/// Turns a text frame (reassembled, UTF-8) into a `ClientMessage`, checking every rule of
/// protocol.md's message table. Keys a message does not use are ignored, as graphql-ws does.
public enum MessageDecoder {
    public static func decode(_ text: [UInt8]) throws(MessageDecodingError) -> ClientMessage {
        let json: JSON
        do {
            json = try JSON.parse(text)
        } catch {
            throw .invalidJSON(error)
        }
        guard case .object(let message) = json else { throw .notAnObject }
        guard case .string(let type)? = message["type"] else { throw .missingType }
        switch type {
        case MessageType.connectionInit:
            return .connectionInit(payload: try optionalObject(message["payload"], "'payload'"))
        case MessageType.ping:
            return .ping(payload: try optionalObject(message["payload"], "'payload'").map(JSON.object))
        case MessageType.pong:
            return .pong(payload: try optionalObject(message["payload"], "'payload'").map(JSON.object))
        case MessageType.subscribe:
            let id = try operationID(message)
            return .subscribe(id: id, payload: try subscribePayload(message["payload"]))
        case MessageType.complete:
            return .complete(id: try operationID(message))
        case MessageType.connectionAck, MessageType.next, MessageType.error:
            throw .serverMessageType(type)
        default:
            throw .unknownType(type)
        }
    }

    /// `id`: a non-empty string.
    static func operationID(_ message: JSONObject) throws(MessageDecodingError) -> String {
        guard case .string(let id)? = message["id"], !id.isEmpty else { throw .invalidID }
        return id
    }

    /// `payload` of `subscribe`: an object with a string `query`; `operationName` a string
    /// or null/absent; `variables` and `extensions` objects or null/absent.
    static func subscribePayload(_ value: JSON?) throws(MessageDecodingError) -> SubscribePayload {
        guard case .object(let payload)? = value else {
            throw .invalidPayload("'payload' must be an object")
        }
        guard case .string(let query)? = payload["query"] else {
            throw .invalidPayload("'payload.query' must be a string")
        }
        let operationName: String?
        switch payload["operationName"] {
        case nil, .null?: operationName = nil
        case .string(let name)?: operationName = name
        default: throw .invalidPayload("'payload.operationName' must be a string or null")
        }
        return SubscribePayload(
            query: query,
            operationName: operationName,
            variables: try optionalObject(payload["variables"], "'payload.variables'"),
            extensions: try optionalObject(payload["extensions"], "'payload.extensions'"))
    }

    /// An object, or nil for null/absent; anything else is `<name> must be an object or null`.
    static func optionalObject(_ value: JSON?, _ name: String) throws(MessageDecodingError) -> JSONObject? {
        switch value {
        case nil, .null?: return nil
        case .object(let o)?: return o
        default: throw .invalidPayload("\(name) must be an object or null")
        }
    }
}
