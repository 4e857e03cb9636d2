import Foundation
import GraphQL
import GraphQLTransportWS
import Logging

/// Switchboard's server: the libwebsockets transport, the graphql-transport-ws sessions, GraphQL
/// over HTTP, the fan-out and the store, wired together.
///
/// Threads (architecture.md): every `TransportHandler` method, every session, the fan-out, the
/// document cache and the metrics live on the transport's service thread. Resolvers run in
/// `Task`s and the store on its own threads; both come back only through `transport.post`.
public final class Server: TransportHandler, @unchecked Sendable {
    // @unchecked Sendable: `post` closures capture the server to reach its service-thread state;
    // they run on the service thread, which is the only place that state is touched. The
    // properties other threads read (`configuration`, `application`, `store`, `transport`,
    // `logger`, `log`) are immutable after `init`; `authenticator` and `signer` are set once in
    // `start`, before the service thread exists, and never again.

    public let configuration: ServerConfiguration
    public let application: any SwitchboardApplication
    public let store: any Store
    /// Where the server reports what an operator should see (`Logging/`; stderr by default).
    public let logger: Logger
    public private(set) var transport: WebSocketServer!
    /// Checks tokens with the configured secret, or the store's development secret.
    public private(set) var authenticator: Authenticator!
    /// Mints tokens with the same secret (development tokens, `GET /dev/token`).
    public private(set) var signer: TokenSigner!
    /// No `--secret`: tokens use the store's development secret and `/dev/token` exists.
    public var isDevelopmentMode: Bool { configuration.secret == nil }
    /// Where mutations' tasks continue after the commit (see `startExecution`).
    private(set) var serviceExecutor: ServiceThreadExecutor!

    // Service-thread state.
    public let metrics = Metrics()
    let documents: DocumentCache
    var preparedSubscriptions = PreparedSubscriptionCache()
    var fanout: FanoutEngine!
    var http: GraphQLHTTPHandler!
    var sequencer: EventSequencer!
    var watch: (any StoreWatch)?
    var deadLetterLog = DeadLetterLogWindow()
    /// Tokens verified before (HTTP requests and `connection_init`s presenting the same token).
    let verifiedTokens = VerifiedTokenCache()
    /// Whether the last GraphQL POST was a mutation: the next one probably is too
    /// (`handleGraphQL` then wakes the store writer early).
    var lastPostWasMutation = true
    /// Acknowledged connections per token `sub` (`--max-connections-per-user`).
    var connectionsPerUser: [String: Int] = [:]
    /// Prefix of this process's connection record ids, so that processes sharing a store
    /// never collide in `connections.id`.
    let recordPrefix: String
    let machineConfiguration: ConnectionStateMachine.Configuration
    private let stopRequested = DispatchSemaphore(value: 0)

    /// `logger` receives one record per event worth an operator's attention: connections
    /// opened and closed, rejected operations, dead letters, failures (`README`, "Logs").
    public init(configuration: ServerConfiguration, application: any SwitchboardApplication, store: any Store,
                logger: Logger = StandardErrorLogHandler.logger()) {
        self.configuration = configuration
        self.application = application
        self.store = store
        self.logger = logger
        self.recordPrefix = String(UUID().uuidString.lowercased().prefix(8))
        self.documents = DocumentCache(documentLimits: configuration.documentLimits)
        self.machineConfiguration = ConnectionStateMachine.Configuration(maxSubscriptions: configuration.maxSubscriptions)
        self.transport = WebSocketServer(configuration: configuration.transport, handler: self)
        self.serviceExecutor = ServiceThreadExecutor(transport: transport)
        self.http = GraphQLHTTPHandler(
            schema: application.schema, resolvers: application.resolvers, documentCache: documents,
            webSocketScheme: configuration.tlsCertificatePath != nil ? "wss" : "ws")
    }

    /// The port listened on (after `start`).
    public var port: Int { transport.port }

    /// Settles the token secret (in development mode, the store's, made once), reads where
    /// the event log ends, starts watching it, then listens. Returns once the server accepts
    /// connections; throws when it cannot listen or the store cannot be read.
    public func start() throws {
        let secret = try configuration.secret ?? Self.wait { DevelopmentMode.secret(in: self.store, completion: $0) }
        authenticator = Authenticator(secret: secret)
        signer = TokenSigner(secret: secret)
        let lastID = try Self.wait { self.store.latestEventID(completion: $0) }
        fanout = FanoutEngine(
            sink: TransportFrameSink(transport: transport), latestEventID: lastID,
            context: requestContext(identity: .anonymous))
        sequencer = EventSequencer(
            startingAfter: lastID,
            readGap: { [unowned self] after, limit in
                self.store.events(after: after, limit: limit) { result in
                    self.transport.post { self.sequencer.gapRead(result) }
                }
            },
            fanOut: { [unowned self] event in self.fanOut(event) },
            log: { [logger] line in logger.error("\(line)") })
        try transport.start()
        let transport = self.transport!
        // The service thread wakes while a mutation's commit is under way, not after it.
        store.setAppendWillCommit { transport.wakeAhead() }
        watch = store.watch(after: lastID) { [unowned self] events in
            transport.post { self.sequencer.offer(events) }
        }
    }

    /// Begins shutdown: stop accepting, 1001 `Going away` to every socket, flush. Any thread,
    /// also a signal handler.
    public func stop() {
        transport.stop()
        stopRequested.signal()
    }

    /// Waits until `stop` is called, then up to `timeout` seconds for the sockets to close and
    /// the service thread to end; then stops watching and closes the store, which removes this
    /// process's connection and subscription records.
    public func waitUntilStopped(timeout: Double = 4) {
        stopRequested.wait()
        stopRequested.signal()
        if !transport.waitUntilStopped(timeout: timeout) {
            logger.warning("the service thread did not stop in time", metadata: ["timeout_seconds": "\(timeout)"])
        }
        watch?.cancel()
        watch = nil
        store.close()
    }

    /// Blocks the calling thread (never the service thread) for one store callback.
    static func wait<T: Sendable>(_ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        start { result in
            box.set(result)
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    // MARK: - Requests' context

    /// The `context` resolvers receive: who asks, the store, and the door to the fan-out.
    func requestContext(identity: Identity) -> RequestContext {
        let transport = self.transport!
        return RequestContext(identity: identity, store: store, publish: { [unowned self] events in
            transport.post { self.sequencer.offer(events) }
        })
    }

    // MARK: - The fan-out's ends

    /// One committed event, in id order, into the fan-out.
    func fanOut(_ event: StoredEvent) {
        let before = fanout.metrics.deliveries
        fanout.deliver(event: event, application: application)
        if fanout.metrics.deliveries > before, let committed = parseTimestampMilliseconds(event.createdAt) {
            let now = StoreClock.nowMilliseconds()
            metrics.recordLatency(seconds: Double(max(0, now - committed)) / 1000)
        }
        flushDeadLetters()
    }

    /// Hands the fan-out's dead letters (frames a 1013-closed connection dropped) to the writer.
    func flushDeadLetters() {
        guard fanout.pendingDeadLetterCount > 0 else { return }
        let letters = fanout.takeDeadLetters()
        let count = letters.count
        logDeadLetters(letters)
        store.appendDeadLetters(letters) { [logger] result in
            if case .failure(let error) = result {
                logger.error("recording dead letters failed", metadata: ["count": "\(count)", "error": "\(error)"])
            }
        }
    }

    // MARK: - Sessions

    /// The live session of a connection, from a `post` closure.
    func session(_ id: ConnectionID) -> Session? {
        transport.connection(id)?.userData as? Session
    }
}

/// The fan-out's frames go straight into the transport's per-connection queues; their
/// writable requests are paced (`WritablePacer`), so a fan-out to thousands of sockets starts
/// writing at once and frames that meet in a waiting queue leave in one write.
final class TransportFrameSink: FrameSink {
    unowned let transport: WebSocketServer

    init(transport: WebSocketServer) { self.transport = transport }

    func write(connection: ConnectionKey, byteCount: Int, tag: UInt64, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        guard let target = transport.connection(ConnectionID(rawValue: connection.rawValue)) else { return }
        transport.send(target, byteCount: byteCount, tag: tag, paced: true, fill: fill)
    }

    /// The transport's `Connection`: it outlives its socket harmlessly (`send` to a closed
    /// connection does nothing), so the index may hold it until the subscribers are removed.
    func endpoint(for connection: ConnectionKey) -> AnyObject? {
        transport.connection(ConnectionID(rawValue: connection.rawValue))
    }

    func write(endpoint: AnyObject, connection: ConnectionKey, byteCount: Int, tag: UInt64,
               fill: (UnsafeMutableRawBufferPointer) -> Void) {
        transport.send(unsafeDowncast(endpoint, to: Connection.self), byteCount: byteCount, tag: tag, paced: true, fill: fill)
    }

    /// A `next` frame of a typical message: the frame header and a couple of lines of payload.
    static let typicalFrameBytes = 160

    func prefetch(endpoint: AnyObject) {
        transport.prefetchSend(unsafeDowncast(endpoint, to: Connection.self), byteCount: Self.typicalFrameBytes)
    }
}

/// One store result handed from the store's thread to a waiting thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // @unchecked: written once before the semaphore is signalled, read after it is waited on.
    private var result: Result<T, StoreError>?
    func set(_ r: Result<T, StoreError>) { result = r }
    func get() throws -> T { try result!.get() }
}

/// Milliseconds since the epoch of `2026-11-23T10:00:00.123Z` (the store's format), or nil.
func parseTimestampMilliseconds(_ text: String) -> Int64? {
    let b = Array(text.utf8)
    guard b.count == 24, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 46, b[23] == 90 else { return nil }
    func num(_ from: Int, _ to: Int) -> Int64? {
        var v: Int64 = 0
        for i in from..<to {
            guard b[i] >= 48, b[i] <= 57 else { return nil }
            v = v * 10 + Int64(b[i] - 48)
        }
        return v
    }
    guard let y = num(0, 4), let m = num(5, 7), let d = num(8, 10), let h = num(11, 13), let mi = num(14, 16),
          let s = num(17, 19), let ms = num(20, 23) else { return nil }
    // Days from the civil date (Howard Hinnant's algorithm).
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms
}
