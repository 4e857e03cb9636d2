/// The WebSocket close codes Switchboard sends, with the reasons protocol.md gives them.
///
/// The graphql-ws client gives up on 4400, 4401, 4406, 4409, 4429 and 4500 and retries the
/// others, so each failure gets the code whose retry behaviour fits it. 1000 is never used for
/// a failure.
public enum CloseCode: UInt16, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The connection did what it was for.
    case normalClosure = 1000
    /// Server shutdown.
    case goingAway = 1001
    /// The connection breaks a policy: one more connection of a user already at
    /// `--max-connections-per-user` (reason `Too many connections for this user`), or a client
    /// that keeps sending over `--max-messages-per-second` (reason `Too many messages`).
    /// graphql-ws clients do not retry 1008 as they retry 4403 or 1013, so a client over its
    /// limit stops instead of hammering the server.
    case policyViolation = 1008
    /// An inbound message larger than `--max-message-bytes` (the transport detects it).
    case messageTooBig = 1009
    /// RFC 6455's unexpected condition; the protocol's own failures use 4500.
    case internalError = 1011
    /// A consumer too slow to drain its outbound queue; clients retry and resume with `after:`.
    case tryAgainLater = 1013
    /// A malformed message, a binary frame, a server-only message sent by a client.
    case badRequest = 4400
    /// `subscribe` before the connection was acknowledged.
    case unauthorized = 4401
    /// A rejected or expired token.
    case forbidden = 4403
    /// No acceptable subprotocol was offered (the legacy `graphql-ws` included).
    case subprotocolNotAcceptable = 4406
    /// No `connection_init` within `--init-timeout`.
    case connectionInitialisationTimeout = 4408
    /// A `subscribe` whose id is still active or being prepared.
    case subscriberAlreadyExists = 4409
    /// A second `connection_init`.
    case tooManyInitialisationRequests = 4429
    /// An unexpected failure inside the server; details go to the log, never to the client.
    case internalServerError = 4500

    /// The reason sent with this code when nothing more specific is said.
    public var defaultReason: String {
        switch self {
        case .normalClosure: return "Normal closure"
        case .goingAway: return "Going away"
        case .policyViolation: return "Policy violation"
        case .messageTooBig: return "Message too big"
        case .internalError: return "Internal error"
        case .tryAgainLater: return "Try again later"
        case .badRequest: return "Invalid message received"
        case .unauthorized: return "Unauthorized"
        case .forbidden: return "Forbidden"
        case .subprotocolNotAcceptable: return "Subprotocol not acceptable"
        case .connectionInitialisationTimeout: return "Connection initialisation timeout"
        case .subscriberAlreadyExists: return "Subscriber already exists"
        case .tooManyInitialisationRequests: return "Too many initialisation requests"
        case .internalServerError: return "Internal server error"
        }
    }

    public var description: String { "\(rawValue) \(defaultReason)" }

    /// The most UTF-8 bytes a close reason may have: a control frame carries at most 125
    /// payload bytes, two of which are the code.
    public static let maxReasonBytes = 123

    /// `reason` cut to at most `maxReasonBytes` UTF-8 bytes at a character (grapheme
    /// cluster) boundary, so the result is valid UTF-8 and no character is split.
    public static func truncatedReason(_ reason: String) -> String {
        truncate(reason, toUTF8Bytes: maxReasonBytes)
    }

    /// The 4409 reason `Subscriber for <id> already exists`. A long id is cut (at a
    /// character boundary) so that the sentence still fits a close frame.
    public static func subscriberAlreadyExistsReason(id: String) -> String {
        let prefix = "Subscriber for "
        let suffix = " already exists"
        let room = maxReasonBytes - prefix.utf8.count - suffix.utf8.count
        return prefix + truncate(id, toUTF8Bytes: room) + suffix
    }

    static func truncate(_ s: String, toUTF8Bytes limit: Int) -> String {
        if s.utf8.count <= limit { return s }
        var used = 0
        var end = s.startIndex
        for index in s.indices {
            let next = s.index(after: index)
            let size = s.utf8.distance(from: index, to: next)
            if used + size > limit { break }
            used += size
            end = next
        }
        return String(s[..<end])
    }
}
