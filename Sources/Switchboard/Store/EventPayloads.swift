import GraphQL

// The two kinds of event in the log, as their payload JSON: what `switchboard publish` and
// `switchboard notify` append today and what the server's mutations append and its
// subscriptions read later. One place builds and reads them so both sides agree on the
// field names and on the input rules of contract.md (`postMessage`, `notifyUser`).

/// Topic names: `chat:<chatId>` and `user:<userId>` (contract.md, "The store").
public enum EventTopic {
    public static func chat(_ chatId: String) -> String { "chat:" + chatId }
    public static func user(_ userId: String) -> String { "user:" + userId }
}

/// An input that breaks a rule: which field (the GraphQL argument's name) and why.
/// `description` reads `content must not be empty`; a caller with other names for the
/// fields (the CLI's `--content`) words its own message from `field` and `reason`.
public struct EventInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field) \(reason)" }
}

/// The limits contract.md sets on user text.
public enum EventInputLimits {
    /// `content` (and a notification's `message`) is 1 to this many Unicode code points.
    public static let maxTextCodePoints = 4_000
}

/// A chat message: topic `chat:<chatId>`, payload `{"chatId":…,"content":…,"senderName":…}`.
public struct ChatMessagePayload: Sendable, Hashable {
    public let chatId: String
    public let content: String
    public let senderName: String

    /// Checks the input as `postMessage` does: a non-empty chat id and sender name, content
    /// of 1 to 4,000 Unicode code points.
    public init(chatId: String, content: String, senderName: String) throws(EventInputError) {
        try requireNonEmpty(chatId, field: "chatId")
        try requireText(content, field: "content")
        try requireNonEmpty(senderName, field: "senderName")
        self.chatId = chatId
        self.content = content
        self.senderName = senderName
    }

    private init(unchecked chatId: String, content: String, senderName: String) {
        self.chatId = chatId
        self.content = content
        self.senderName = senderName
    }

    public var topic: String { EventTopic.chat(chatId) }

    public var json: JSON {
        var object = JSONObject()
        object.append("chatId", .string(chatId))
        object.append("content", .string(content))
        object.append("senderName", .string(senderName))
        return .object(object)
    }

    /// The event to append.
    public var newEvent: NewEvent { NewEvent(topic: topic, payload: json.encoded()) }

    /// Reads a stored payload back; nil when it is not a chat message's JSON. Stored rows are
    /// not checked against the input rules again: what was committed is delivered as it is.
    public static func decode(_ payload: [UInt8]) -> ChatMessagePayload? {
        guard let object = try? JSON.parse(payload),
            let chatId = object["chatId"]?.stringValue,
            let content = object["content"]?.stringValue,
            let senderName = object["senderName"]?.stringValue
        else { return nil }
        return ChatMessagePayload(unchecked: chatId, content: content, senderName: senderName)
    }
}

/// `ACTIONABLE` when the notification carries a callback, else `FEEDBACK`.
public enum NotificationKind: String, Sendable, Hashable {
    case actionable = "ACTIONABLE"
    case feedback = "FEEDBACK"
}

/// A user notification: topic `user:<userId>`, payload
/// `{"userId":…,"message":…,"callback":…|null,"kind":"ACTIONABLE"|"FEEDBACK"}`.
public struct NotificationPayload: Sendable, Hashable {
    public let userId: String
    public let message: String
    public let callback: String?

    /// A non-empty user id; a message of 1 to 4,000 Unicode code points (contract.md is
    /// silent on it: the rule of a chat message's content is the one a user expects);
    /// a callback, when given, non-empty (an empty one would make the kind ACTIONABLE with
    /// nothing to act on).
    public init(userId: String, message: String, callback: String?) throws(EventInputError) {
        try requireNonEmpty(userId, field: "userId")
        try requireText(message, field: "message")
        if let callback { try requireNonEmpty(callback, field: "callback") }
        self.userId = userId
        self.message = message
        self.callback = callback
    }

    private init(unchecked userId: String, message: String, callback: String?) {
        self.userId = userId
        self.message = message
        self.callback = callback
    }

    public var kind: NotificationKind { callback == nil ? .feedback : .actionable }

    public var topic: String { EventTopic.user(userId) }

    public var json: JSON {
        var object = JSONObject()
        object.append("userId", .string(userId))
        object.append("message", .string(message))
        object.append("callback", callback.map(JSON.string) ?? .null)
        object.append("kind", .string(kind.rawValue))
        return .object(object)
    }

    public var newEvent: NewEvent { NewEvent(topic: topic, payload: json.encoded()) }

    /// Reads a stored payload back; nil when it is not a notification's JSON. `kind` is
    /// derived from `callback`, so a stored `kind` cannot contradict it.
    public static func decode(_ payload: [UInt8]) -> NotificationPayload? {
        guard let object = try? JSON.parse(payload),
            let userId = object["userId"]?.stringValue,
            let message = object["message"]?.stringValue
        else { return nil }
        let callback: String?
        switch object["callback"] {
        case nil, .null?: callback = nil
        case .string(let value)?: callback = value
        default: return nil
        }
        return NotificationPayload(unchecked: userId, message: message, callback: callback)
    }
}

private func requireNonEmpty(_ value: String, field: String) throws(EventInputError) {
    if value.isEmpty { throw EventInputError(field: field, reason: "must not be empty") }
}

/// 1 to 4,000 Unicode code points: scalars, not grapheme clusters or UTF-16 units, as
/// contract.md counts them (and as Python's `len` does).
private func requireText(_ value: String, field: String) throws(EventInputError) {
    let count = value.unicodeScalars.count
    if count == 0 { throw EventInputError(field: field, reason: "must not be empty") }
    if count > EventInputLimits.maxTextCodePoints {
        throw EventInputError(
            field: field,
            reason: "is \(grouped(count)) Unicode code points long; at most \(grouped(EventInputLimits.maxTextCodePoints)) are allowed")
    }
}

/// `4001` → `4,001` (non-negative counts): easier to read beside a limit. Public so the
/// benchmark's tables group their figures the same way.
public func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}
