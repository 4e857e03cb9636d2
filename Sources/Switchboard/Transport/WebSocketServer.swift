import CLibWebSockets
import Foundation

/// Why the transport could not start.
public enum TransportError: Error, CustomStringConvertible {
    case cannotListen(host: String, port: Int)
    /// libwebsockets refused the TLS set-up (unreadable or malformed certificate or key, a key
    /// that does not match the certificate) or the port; its log line just before says which.
    case cannotListenWithTLS(host: String, port: Int, certificate: String, key: String)
    case alreadyStarted

    public var description: String {
        switch self {
        case let .cannotListen(host, port): "cannot listen on \(host):\(port)"
        case let .cannotListenWithTLS(host, port, certificate, key):
            "cannot listen on \(host):\(port) with TLS certificate '\(certificate)' and key '\(key)' "
                + "(the libwebsockets error above says why)"
        case .alreadyStarted: "the transport was already started"
        }
    }
}

/// The libwebsockets host: HTTP/1.1 and WebSocket on one port, run by one service thread.
///
/// Threading: `start`, `post`, `stop`, `waitUntilStopped` and `port` may be called from any
/// thread (`stop` also from a signal handler). Everything else — and every `TransportHandler`
/// call — happens on the service thread; reach it from elsewhere with `post { ... }`.
public final class WebSocketServer: @unchecked Sendable {
    // @unchecked: the mutable state below is confined to the service thread (checked by
    // `assertOnServiceThread` in debug builds); the cross-thread members are the mailbox (locked),
    // the flags (C atomics) and `context`/`serviceThread`, written once before `start` returns.

    public let configuration: TransportConfiguration
    let handler: TransportHandler
    let mailbox = Mailbox()

    var context: OpaquePointer?
    var serviceThread: pthread_t?
    private let flags = UnsafeMutablePointer<Int32>.allocate(capacity: 4)  // stop, live, finished, ahead
    private let started = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    private var startError: TransportError?
    var listenPort = 0

    // libwebsockets needs these to outlive the context.
    var protocols: UnsafeMutablePointer<lws_protocols>?
    var wildcardName: UnsafeMutablePointer<CChar>?
    static let wildcardNameCapacity = 64
    var retryPolicy: UnsafeMutablePointer<lws_retry_bo_t>?
    var cStrings: [UnsafeMutablePointer<CChar>] = []

    // Service-thread state.
    var connections: [ConnectionID: Connection] = [:]
    var webSocketCount = 0
    var nextConnectionID: UInt64 = 0
    var nextHTTPSerial: UInt64 = 0
    var stopping = false
    var finishing = false
    var shutdownTimer: UnsafeMutablePointer<sb_timer>?
    var destroyTimer: UnsafeMutablePointer<sb_timer>?  // event-library loops: see +EventLoop
    var libevTick: UnsafeMutablePointer<sb_timer>?  // see +EventLoop
    var savedSignals: [(Int32, sigaction)] = []
    // Keepalive (WebSocketServer+Keepalive): one sweep timer for every connection.
    var keepaliveTimer: UnsafeMutablePointer<sb_timer>?
    var keepaliveEpoch: UInt32 = 1
    var pingBuffer: UnsafeMutableRawPointer?
    var scratch = ScratchBuffer()
    var pacer = WritablePacer()
    /// A wake-up for the pacer's next turn is under way.
    var pacerWakePending = false
    lazy var headerTokens: [(index: lws_token_indexes, name: String)] = Self.knownHeaderTokens()

    public init(configuration: TransportConfiguration, handler: TransportHandler) {
        self.configuration = configuration
        self.handler = handler
        flags.initialize(repeating: 0, count: 4)
    }

    deinit {
        flags.deallocate()
        protocols?.deallocate()
        wildcardName?.deallocate()
        retryPolicy?.deallocate()
        for s in cStrings { free(s) }
    }

    /// The port actually listened on (after `start`).
    public var port: Int { listenPort }

    /// Creates the context on a new service thread and returns once it listens (or failed to).
    public func start() throws {
        guard serviceThread == nil else { throw TransportError.alreadyStarted }
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            let server = Unmanaged<WebSocketServer>.fromOpaque(raw!).takeRetainedValue()
            server.runServiceThread()
            return nil
        }, box.toOpaque())
        precondition(rc == 0, "pthread_create failed: \(rc)")
        serviceThread = thread
        started.wait()
        if let startError {
            pthread_join(thread, nil)
            throw startError
        }
    }

    /// Runs `work` on the service thread, after everything posted before it. Any thread.
    public func post(_ work: @escaping @Sendable () -> Void) {
        if mailbox.append(work), sb_flag_get(flags + 1) != 0, let context {
            lws_cancel_service(context)
        }
    }

    /// Runs `work` at once when called on this server's service thread (a task continuing
    /// there), else posts it. Any thread.
    public func runOnServiceThread(_ work: @escaping @Sendable () -> Void) {
        if pthread_getspecific(serviceThreadServerKey) == Unmanaged.passUnretained(self).toOpaque() {
            work()
        } else {
            post(work)
        }
    }

    /// Wakes the service thread without giving it work, because work is about to come (a
    /// commit it awaits is under way): an idle virtual CPU takes tens to hundreds of
    /// microseconds to wake, and this lets that happen while the other thread still works.
    /// The woken thread waits a moment for the work (`awaitAnnouncedWork`). Any thread.
    public func wakeAhead() {
        sb_flag_set(flags + 3, 1)
        if sb_flag_get(flags + 1) != 0, let context { lws_cancel_service(context) }
    }

    /// The longest the service thread waits for work a wake-ahead announced: a commit's usual
    /// time with room to spare. Beyond it the work comes with the ordinary wake-up.
    static let announcedWorkWaitNanoseconds: UInt64 = 200_000

    /// After a wake-ahead whose work has not arrived: waits for it (up to
    /// `announcedWorkWaitNanoseconds`) instead of going back to sleep. Sleeping would halt the
    /// virtual CPU again, and the commit's answer would pay a second wake-up of tens of
    /// microseconds, which is what the wake-ahead was for. The loop yields rather than pauses:
    /// should the committing thread share this CPU, it runs (and finishes sooner) instead of
    /// waiting out the spin; with the CPU to itself the yield returns at once. (A run of pause
    /// instructions is also what a hypervisor takes for a vCPU stuck on a lock.)
    func awaitAnnouncedWork() {
        guard sb_flag_exchange(flags + 3, 0) != 0, !mailbox.hasWork else { return }
        let until = monotonicNanoseconds() + Self.announcedWorkWaitNanoseconds
        while !mailbox.hasWork && monotonicNanoseconds() < until { sched_yield() }
    }

    /// Begins shutdown: stop accepting, close every WebSocket with 1001 `Going away`, flush, end
    /// the loop. Safe from any thread and from a signal handler (an atomic store and a pipe write).
    public func stop() {
        sb_flag_set(flags, 1)
        if sb_flag_get(flags + 1) != 0, let context { lws_cancel_service(context) }
    }

    /// Blocks until the service thread has exited. Not from the service thread.
    public func waitUntilStopped() {
        guard let thread = serviceThread else { return }
        pthread_join(thread, nil)
        serviceThread = nil
    }

    /// Blocks up to `seconds` for the service thread to exit; true if it did.
    public func waitUntilStopped(timeout seconds: Double) -> Bool {
        if ended.wait(timeout: .now() + seconds) == .timedOut { return false }
        ended.signal()
        waitUntilStopped()
        return true
    }

    // MARK: - The service thread

    private func runServiceThread() {
        registerServiceThread()
        guard let context = createContext() else {
            if configuration.usesTLS, let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
                startError = .cannotListenWithTLS(
                    host: configuration.host, port: configuration.port, certificate: certificate, key: key)
            } else {
                startError = .cannotListen(host: configuration.host, port: configuration.port)
            }
            started.signal()
            return
        }
        self.context = context
        sb_flag_set(flags + 1, 1)
        started.signal()
        startKeepalive()
        startLibevTick()
        if sb_flag_get(flags) != 0 { beginShutdown() }

        // Under libuv/libev one call runs the loop until `loopDestroyFired` has torn it down.
        while sb_flag_get(flags + 2) == 0 {
            if lws_service(context, 0) < 0 { break }
        }
        markNotLive()
        lws_context_destroy(context)
        restoreSignalDispositions(savedSignals)  // the event library's teardown set SIG_DFL
        self.context = nil
        releaseKeepalive()
        releaseLibevTick()
        // Anything lws did not report while tearing down is reported now.
        for connection in Array(connections.values) { connectionGone(connection) }
        mailbox.drain()
        handler.didStop()
        ended.signal()
    }

    @inline(__always) func assertOnServiceThread() {
        #if DEBUG
        if let serviceThread {
            assert(pthread_equal(pthread_self(), serviceThread) != 0,
                   "transport state used off the service thread")
        }
        #endif
    }

    /// Stop flag seen (from the mailbox wake-up): refuse new work and close every WebSocket.
    func beginShutdown() {
        guard !stopping else { return }
        stopping = true
        for connection in connections.values where connection.kind == .webSocket {
            close(connection, code: 1001, reason: "Going away")
        }
        if webSocketCount == 0 {
            finish()
        } else {
            shutdownTimer = armTimer(owner: nil, token: 0, after: configuration.shutdownGraceSeconds)
        }
    }

    func finish() {
        finishing = true
        sb_flag_set(flags + 2, 1)
        if usesEventLibrary {
            if destroyTimer == nil { scheduleLoopDestroy() }
        } else if let context {
            lws_cancel_service(context)
        }
    }

    /// From now on nobody may wake the context (it is being destroyed).
    func markNotLive() { sb_flag_set(flags + 1, 0) }

    func checkStopFlag() {
        if sb_flag_get(flags) != 0 { beginShutdown() }
    }
}

/// A growable service-thread buffer with `LWS_PRE` headroom, for HTTP responses.
struct ScratchBuffer {
    private(set) var pointer: UnsafeMutableRawPointer?
    private(set) var capacity = 0

    mutating func reserve(_ bytes: Int) -> UnsafeMutableRawPointer {
        if bytes > capacity {
            pointer?.deallocate()
            capacity = max(bytes, 16 * 1024)
            pointer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        }
        return pointer!
    }
}
