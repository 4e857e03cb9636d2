import CLibWebSockets

/// A connection's identity that may cross threads (the store writer reports back with it; other
/// threads name a connection in a `post` closure and look it up with `WebSocketServer.connection(_:)`).
public struct ConnectionID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
}

/// One client socket (a WebSocket, or an HTTP/1.1 connection carrying requests).
///
/// Confined to the service thread: it is created, read and changed only in transport callbacks and
/// in closures run through `WebSocketServer.post`. Debug builds check that in every entry point of
/// `WebSocketServer` that takes one.
public final class Connection {
/// A WebSocket, or a plain HTTP/1.1 connection.
    public enum Kind { case http, webSocket }
    enum State { case upgrading, open, closing, closed }

    // What every queued frame and every writable callback reads comes first, so that it sits in
    // the object's first one or two cache lines (Swift lays stored properties out in order):
    // a fan-out reaches each of its thousands of connections once, and each line is a wait on
    // memory. The fan-out asks for these two lines ahead (`prefetchObjectHead`).
    var wsi: OpaquePointer?
    var outbound = OutboundQueue()
    var state: State = .upgrading
    public internal(set) var kind: Kind = .http
    var writableRequest: WritableRequest = .none
    /// A ping frame waits for the next writable callback.
    var pingPending = false
    var overflowed = false
    /// `sentClose` or `peerClose` is set: nothing more is queued.
    private(set) var closeSentOrReceived = false
    /// `pendingClose` is set.
    private(set) var closePending = false

    public let id: ConnectionID
    /// The peer's address as libwebsockets reports it (no reverse DNS).
    public let remoteAddress: String
    /// Whatever the server layer wants to keep with this connection (its session), so that no
    /// dictionary is consulted per message.
    public var userData: AnyObject?
    /// The subprotocol the handshake answered with, or nil when none was offered that we speak.
    public internal(set) var subprotocol: String?

    // Inbound message reassembly.
    var inbound: [UInt8] = []
    var inboundInProgress = false
    var inboundIsBinary = false

    // Closing: what we asked for, whether the frame went out, what the peer sent.
    var pendingClose: (code: UInt16, reason: String)? { didSet { closePending = pendingClose != nil } }
    var sentClose: (code: UInt16, reason: String)? {
        didSet { closeSentOrReceived = sentClose != nil || peerClose != nil }
    }
    var peerClose: (code: UInt16, reason: String)? {
        didSet { closeSentOrReceived = sentClose != nil || peerClose != nil }
    }
    var reportedClosed = false

    var timers: [UnsafeMutablePointer<sb_timer>] = []

    // Keepalive (WebSocketServer+Keepalive): plain stores, no timer per connection.
    /// The sweep epoch in which a frame (data or pong) last arrived.
    var heardEpoch: UInt32 = 0
    /// The sweep epoch whose ping is unanswered so far (0: none outstanding).
    var pingEpoch: UInt32 = 0

    // HTTP exchange state (kind == .http).
    var httpSerial: UInt64 = 0
    var httpRequest: HTTPRequest?
    var httpBodyOverflow = false
    var httpResponse: HTTPResponse?
    var httpAwaitingResponse = false
    var httpCloseAfterResponse = false

    init(id: ConnectionID, wsi: OpaquePointer?, remoteAddress: String) {
        self.id = id
        self.wsi = wsi
        self.remoteAddress = remoteAddress
    }

    /// True from the accepted upgrade until a close is asked for, sent or received.
    public var isOpen: Bool {
        kind == .webSocket && (state == .open || state == .upgrading) && !closePending
            && !closeSentOrReceived && !overflowed
    }

    /// Payload bytes queued and not yet handed to the socket.
    public var queuedBytes: Int { outbound.queuedBytes }

    deinit { outbound.deallocate() }
}

/// Where a connection's request for a writable callback stands.
enum WritableRequest {
    /// None asked for (or the callback came).
    case none
    /// Waiting in the `WritablePacer` for its turn to ask.
    case waiting
    /// Asked for (`lws_callback_on_writable`); the callback has not come yet.
    case asked
}

/// The upgrade request as the handler sees it in `didOpen`: everything it may decide on.
public struct UpgradeRequest: Sendable {
    public var path: String
    /// The query string as name=value pairs, each already percent-decoded by libwebsockets.
    public var queryItems: [(name: String, value: String)]
    /// Request headers by lowercase name (the headers libwebsockets knows by name).
    public var headers: [String: String]
    /// The names offered in `Sec-WebSocket-Protocol`, in order, spaces trimmed.
    public var offeredSubprotocols: [String]
    /// The subprotocol the handshake will answer with (nil: none we speak was offered).
    public var subprotocol: String?
    public var remoteAddress: String

    public var authorization: String? { headers["authorization"] }
    public func queryValue(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }
}

/// What `didOpen` answers.
public enum UpgradeDecision: Sendable, Equatable {
    case accept
    /// Refuse the upgrade with this HTTP status (401, 403, 503...).
    case reject(status: Int)
}

/// Frames a connection will never deliver (queue overflow, or sent after it overflowed). Valid only
/// during the `didDropFrames` call; each frame is its tag (chosen by the sender) and its bytes.
public struct DroppedFrames {
    public let frames: [(tag: UInt64, bytes: UnsafeRawBufferPointer)]
}
