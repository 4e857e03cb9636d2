import GraphQL

/// A message the server sends. `encode(into:)` writes it with the GraphQL module's JSON
/// writer; keys come in the order graphql-ws writes them (`id`, `type`, `payload`).
public enum ServerMessage: Sendable, Hashable {
    /// `connection_ack`; the `payload` key is left out when nil or empty.
    case connectionAck(payload: JSONObject?)
    /// `ping`; the `payload` key is left out when nil.
    case ping(payload: JSON?)
    /// `pong`, echoing the ping's payload; the key is left out when nil.
    case pong(payload: JSON?)
    /// `next`: `payload` is the already-encoded result (`{"data":…,"errors"?:[…]}`), spliced
    /// in as it is.
    case next(id: String, payload: [UInt8])
    /// `error`: ends the operation; no `complete` follows. An empty list is sent as one
    /// generic internal error, since the payload must be a non-empty array.
    case error(id: String, errors: [GraphQLError])
    /// `complete`: the operation ended on the server's side.
    case complete(id: String)

    /// A `next` message for an execution result (`errors` left out when empty).
    public static func next(id: String, result: ExecutionResult) -> ServerMessage {
        .next(id: id, payload: result.encoded())
    }

    /// The error sent in place of an empty error list.
    public static let internalError = GraphQLError(
        "Internal server error", extensions: [("code", .string("INTERNAL_SERVER_ERROR"))])

    /// Appends the message's JSON text to `out`.
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .connectionAck(let payload):
            out.append(contentsOf: #"{"type":"connection_ack""#.utf8)
            if let payload, !payload.isEmpty {
                out.append(contentsOf: #","payload":"#.utf8)
                JSON.object(payload).encode(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .ping(let payload):
            Self.writeTypeOnly("ping", payload: payload, into: &out)
        case .pong(let payload):
            Self.writeTypeOnly("pong", payload: payload, into: &out)
        case .next(let id, let payload):
            Self.writeNext(id: id, payload: payload, into: &out)
        case .error(let id, let errors):
            Self.writeIDPrefix(id, type: "error", into: &out)
            out.append(contentsOf: #","payload":"#.utf8)
            encodeErrors(errors.isEmpty ? [Self.internalError] : errors, into: &out)
            out.append(UInt8(ascii: "}"))
        case .complete(let id):
            Self.writeIDPrefix(id, type: "complete", into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The message's JSON text as UTF-8 bytes.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        encode(into: &out)
        return out
    }

    /// The message's JSON text.
    public func encodedString() -> String {
        String(decoding: encoded(), as: UTF8.self)
    }

    /// Appends `{"id":<id>,"type":"next","payload":<payload>}` to `out`: the payload bytes
    /// are copied once, never parsed or re-encoded. For many frames to one subscriber, a
    /// `NextFramePrefix` saves escaping the id each time.
    public static func writeNext(id: String, payload: [UInt8], into out: inout [UInt8]) {
        writeIDPrefix(id, type: "next", into: &out)
        out.append(contentsOf: #","payload":"#.utf8)
        out.append(contentsOf: payload)
        out.append(UInt8(ascii: "}"))
    }

    /// `{"id":<escaped id>,"type":"<type>"`
    static func writeIDPrefix(_ id: String, type: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        JSONWriter.writeString(id, into: &out)
        out.append(contentsOf: #","type":""#.utf8)
        out.append(contentsOf: UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
    }

    static func writeTypeOnly(_ type: StaticString, payload: JSON?, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"type":""#.utf8)
        out.append(contentsOf: UnsafeBufferPointer(start: type.utf8Start, count: type.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        if let payload {
            out.append(contentsOf: #","payload":"#.utf8)
            payload.encode(into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

/// The bytes of a `next` frame that come before the payload for one operation id:
/// `{"id":"<escaped id>","type":"next","payload":`. The fan-out keeps one per subscriber and
/// builds each frame as prefix + shared payload bytes + `}`, two copies and no escaping.
public struct NextFramePrefix: Sendable, Hashable {
    public let id: String
    public let bytes: [UInt8]

    public init(id: String) {
        self.id = id
        var bytes: [UInt8] = []
        bytes.reserveCapacity(id.utf8.count + 40)
        ServerMessage.writeIDPrefix(id, type: "next", into: &bytes)
        bytes.append(contentsOf: #","payload":"#.utf8)
        self.bytes = bytes
    }

    /// The size of the frame for a payload of `payloadCount` bytes, to reserve capacity.
    public func frameSize(payloadCount: Int) -> Int { bytes.count + payloadCount + 1 }

    /// Appends the whole frame for `payload` (already-encoded JSON) to `out`.
    public func write(payload: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.append(contentsOf: bytes)
        out.append(contentsOf: payload)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends the whole frame for `payload` (already-encoded JSON) to `out`.
    public func write(payload: [UInt8], into out: inout [UInt8]) {
        out.append(contentsOf: bytes)
        out.append(contentsOf: payload)
        out.append(UInt8(ascii: "}"))
    }
}
