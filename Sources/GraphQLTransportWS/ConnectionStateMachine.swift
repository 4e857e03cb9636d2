import GraphQL

/// What arrives for a connection: a reassembled WebSocket message or a timer the server
/// scheduled. The machine has no clock; the server feeds timers in as events.
public enum InboundFrame: Sendable, Hashable {
    /// A text message's bytes (UTF-8 JSON, reassembled from its fragments).
    case text([UInt8])
    /// A binary message: always 4400.
    case binary
    /// `--init-timeout` has passed since the socket opened. Closes 4408 unless a
    /// `connection_init` has arrived (slow authentication does not count).
    case initTimeoutFired
    /// The connection's token has expired: 4403 `Forbidden`.
    case tokenExpired
}

/// One operation the machine has handed to the server. `serial` tells apart two operations
/// that used the same client id one after the other, so that a late report about the first
/// cannot end the second.
public struct OperationHandle: Sendable, Hashable, CustomStringConvertible {
    /// The client's operation id.
    public let id: String
    /// Unique within the connection, increasing.
    public let serial: UInt64

    public init(id: String, serial: UInt64) {
        self.id = id
        self.serial = serial
    }

    public var description: String { "\(id)#\(serial)" }
}

/// The graphql-transport-ws rules for one connection, as a value: every input returns the
/// actions the server must carry out, in order. No sockets, no threads, no clocks.
///
/// The server's side of the conversation:
/// - `receive(_:)` for each inbound message and timer;
/// - `authenticated(_:)` once it has checked the `connection_init` of an `.authenticate`;
/// - `operationActivated(_:)`, `operationEnded(_:)`, `operationFailed(_:errors:)` as operations
///   it was told to start progress;
/// - `close(_:reason:)` when it decides to close (shutdown, slow consumer, message too big,
///   internal failure) and `transportClosed()` when the socket is gone without a handshake.
///
/// Every operation the machine starts is stopped exactly once: by the server reporting its end,
/// or by a `.stopOperation` action (client `complete`, or any close).
public struct ConnectionStateMachine: Sendable {
    public struct Configuration: Sendable, Hashable {
        /// Operations (subscriptions, queries, mutations; active or being prepared) one
        /// connection may run at once; one more gets an `error` with
        /// `extensions.code = "TOO_MANY_SUBSCRIPTIONS"`.
        public var maxSubscriptions: Int

        public init(maxSubscriptions: Int = 100) {
            self.maxSubscriptions = maxSubscriptions
        }
    }

    /// What the server must do, in the order given.
    public enum Action: Sendable, Hashable {
        /// Queue this message on the socket.
        case send(ServerMessage)
        /// Close the socket with this code and reason (already cut to fit a close frame).
        /// Nothing is sent after it, and the machine accepts no further input.
        case close(CloseCode, reason: String)
        /// Check the `connection_init` payload (and the upgrade request's credentials), then
        /// call `authenticated(_:)`.
        case authenticate(payload: JSONObject?)
        /// Validate and run this operation. Report its end with `operationEnded` or
        /// `operationFailed`; `next` frames go out directly (see `NextFramePrefix`).
        case startOperation(OperationHandle, SubscribePayload)
        /// Stop this operation and remove its records; send nothing for it.
        case stopOperation(OperationHandle)
    }

    /// The server's answer to `.authenticate`.
    public enum AuthenticationResult: Sendable, Hashable {
        /// Acknowledge, with `payload` in the `connection_ack` (nil or empty: no payload key).
        case accepted(ackPayload: JSONObject? = nil)
        /// Close 4403 `Forbidden`.
        case rejected
    }

    /// Where the connection is in its life.
    public enum Phase: Sendable, Hashable {
        /// No `connection_init` yet.
        case awaitingInit
        /// `connection_init` received; the server is authenticating it.
        case authenticating
        /// `connection_ack` queued; operations may start.
        case acknowledged
        /// A close was decided; nothing more happens.
        case closed
    }

    /// Where an operation is: handed to the server and not yet reported running, or running.
    public enum OperationPhase: Sendable, Hashable {
        case preparing
        case active
    }

    public let configuration: Configuration
    public private(set) var phase: Phase = .awaitingInit
    /// Live operations by client id, in the order they started.
    private var operations: [String: (serial: UInt64, phase: OperationPhase)] = [:]
    private var order: [String] = []
    private var nextSerial: UInt64 = 1
    /// `subscribe` messages refused with TOO_MANY_SUBSCRIPTIONS so far (for the metrics).
    public private(set) var refusedOverLimit = 0

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    // MARK: - Inspection

    /// Whether a `connection_ack` has been queued (and the connection is not closed).
    public var isAcknowledged: Bool { phase == .acknowledged }

    public var isClosed: Bool { phase == .closed }

    /// The operations still running (preparing or active), oldest first.
    public var liveOperations: [OperationHandle] {
        order.compactMap { id in operations[id].map { OperationHandle(id: id, serial: $0.serial) } }
    }

    /// Whether an operation with this client id is live (preparing or active).
    public func hasLiveOperation(id: String) -> Bool { operations[id] != nil }

    /// How many operations count against `maxSubscriptions`.
    public var liveOperationCount: Int { operations.count }

    /// The phase of `handle`, or nil once it has ended (or if it never ran).
    public func phase(of handle: OperationHandle) -> OperationPhase? {
        guard let op = operations[handle.id], op.serial == handle.serial else { return nil }
        return op.phase
    }

    /// Whether `handle` still runs: the server checks this before sending a result that was
    /// computed off the service thread.
    public func isLive(_ handle: OperationHandle) -> Bool { phase(of: handle) != nil }

    // MARK: - Input

    /// Handles one inbound message or timer.
    public mutating func receive(_ frame: InboundFrame) -> [Action] {
        guard phase != .closed else { return [] }
        switch frame {
        case .text(let bytes):
            let message: ClientMessage
            do {
                message = try MessageDecoder.decode(bytes)
            } catch {
                return close(error.closeCode, reason: error.reason)
            }
            return handle(message)
        case .binary:
            let error = MessageDecodingError.binaryFrame
            return close(error.closeCode, reason: error.reason)
        case .initTimeoutFired:
            guard phase == .awaitingInit else { return [] }
            return close(.connectionInitialisationTimeout)
        case .tokenExpired:
            return close(.forbidden)
        }
    }

    /// Handles a decoded message (`receive` decodes text frames and calls this).
    public mutating func handle(_ message: ClientMessage) -> [Action] {
        guard phase != .closed else { return [] }
        switch message {
        case .connectionInit(let payload): return handleConnectionInit(payload)
        case .ping(let payload): return handlePing(payload)
        case .pong: return handlePong()
        case .subscribe(let id, let payload): return handleSubscribe(id: id, payload: payload)
        case .complete(let id): return handleComplete(id: id)
        }
    }

    /// The server's verdict on the `connection_init`. Ignored unless the machine is waiting
    /// for it (e.g. the socket was closed meanwhile).
    public mutating func authenticated(_ result: AuthenticationResult) -> [Action] {
        guard phase == .authenticating else { return [] }
        switch result {
        case .accepted(let payload):
            // Acknowledged before the ack is queued: a `subscribe` right behind it is accepted.
            phase = .acknowledged
            let ackPayload = (payload?.isEmpty ?? true) ? nil : payload
            return [.send(.connectionAck(payload: ackPayload))]
        case .rejected:
            return close(.forbidden)
        }
    }

    /// The server has prepared `handle` (validated, authorized, registered) and it is running.
    public mutating func operationActivated(_ handle: OperationHandle) {
        guard phase != .closed, operations[handle.id]?.serial == handle.serial else { return }
        operations[handle.id]?.phase = .active
    }

    /// The operation ended on the server's side (a query's result was sent, a subscription's
    /// source ended): `complete` goes out and the id is free. Ignored when the operation has
    /// already ended (the client completed it, the socket closed).
    public mutating func operationEnded(_ handle: OperationHandle) -> [Action] {
        guard phase != .closed, remove(handle) else { return [] }
        return [.send(.complete(id: handle.id))]
    }

    /// The operation failed before or instead of producing results (parse or validation
    /// errors, unknown operation, authorization, too many operations): an `error` message
    /// goes out, no `complete` follows, the id is free and the socket stays open. Ignored when
    /// the operation has already ended.
    public mutating func operationFailed(_ handle: OperationHandle, errors: [GraphQLError]) -> [Action] {
        guard phase != .closed, remove(handle) else { return [] }
        return [.send(.error(id: handle.id, errors: errors))]
    }

    /// The server closes the connection (shutdown 1001, slow consumer 1013, message too big
    /// 1009, internal failure 4500, …): every live operation is stopped, then the close.
    /// `reason` defaults to the code's reason and is cut to fit a close frame.
    public mutating func close(_ code: CloseCode, reason: String? = nil) -> [Action] {
        guard phase != .closed else { return [] }
        var actions = stopAll()
        actions.append(.close(code, reason: CloseCode.truncatedReason(reason ?? code.defaultReason)))
        return actions
    }

    /// The socket is gone without a close handshake (the peer closed it, keepalive was lost):
    /// every live operation is stopped; nothing is sent.
    public mutating func transportClosed() -> [Action] {
        guard phase != .closed else { return [] }
        return stopAll()
    }

    // MARK: - One handler per message type

    /// `connection_init`: exactly one per socket; a second closes 4429, also while the first
    /// is being authenticated.
    private mutating func handleConnectionInit(_ payload: JSONObject?) -> [Action] {
        guard phase == .awaitingInit else { return close(.tooManyInitialisationRequests) }
        phase = .authenticating
        return [.authenticate(payload: payload)]
    }

    /// `ping`: answered at once with `pong`, at any time, echoing the payload.
    private func handlePing(_ payload: JSON?) -> [Action] {
        [.send(.pong(payload: payload))]
    }

    /// `pong`: never answered.
    private func handlePong() -> [Action] { [] }

    /// `subscribe`: 4401 before the ack; 4409 for an id still live; an `error` with
    /// `TOO_MANY_SUBSCRIPTIONS` over the limit; otherwise the operation starts preparing.
    private mutating func handleSubscribe(id: String, payload: SubscribePayload) -> [Action] {
        guard phase == .acknowledged else { return close(.unauthorized) }
        guard operations[id] == nil else {
            return close(.subscriberAlreadyExists, reason: CloseCode.subscriberAlreadyExistsReason(id: id))
        }
        guard operations.count < configuration.maxSubscriptions else {
            refusedOverLimit += 1
            return [.send(.error(id: id, errors: [Self.tooManySubscriptionsError(limit: configuration.maxSubscriptions)]))]
        }
        let handle = OperationHandle(id: id, serial: nextSerial)
        nextSerial += 1
        operations[id] = (serial: handle.serial, phase: .preparing)
        order.append(id)
        return [.startOperation(handle, payload)]
    }

    /// `complete`: stops a live operation and sends nothing back; an unknown or finished id is
    /// ignored (also before the ack).
    private mutating func handleComplete(id: String) -> [Action] {
        guard let op = operations[id] else { return [] }
        let handle = OperationHandle(id: id, serial: op.serial)
        remove(handle)
        return [.stopOperation(handle)]
    }

    // MARK: - Helpers

    /// The error for a `subscribe` over `--max-subscriptions`.
    public static func tooManySubscriptionsError(limit: Int) -> GraphQLError {
        GraphQLError(
            "Too many subscriptions: at most \(limit) operations may run at once on one connection",
            extensions: [("code", .string("TOO_MANY_SUBSCRIPTIONS"))])
    }

    /// Forgets `handle` if it is the live operation for its id; returns whether it was.
    @discardableResult
    private mutating func remove(_ handle: OperationHandle) -> Bool {
        guard operations[handle.id]?.serial == handle.serial else { return false }
        operations[handle.id] = nil
        if let i = order.firstIndex(of: handle.id) { order.remove(at: i) }
        return true
    }

    /// Enters the closed state, stopping every live operation, oldest first.
    private mutating func stopAll() -> [Action] {
        let live = liveOperations
        operations = [:]
        order = []
        phase = .closed
        return live.map { .stopOperation($0) }
    }
}
