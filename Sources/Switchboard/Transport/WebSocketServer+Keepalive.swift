import CLibWebSockets

/// Keepalive without a timer per connection.
///
/// libwebsockets' own retry/idle policy re-arms each connection's validity timer (a sorted-list
/// insert, O(connections)) on every frame; with 10,000 sockets that cost a fifth of the service
/// thread. Here one server-wide sweep runs every `keepaliveSeconds`, counting epochs; a frame or
/// pong arriving only stores the current epoch in its connection. At each sweep a WebSocket
///   - that was pinged at the previous sweep and has been heard from in no frame since is dropped
///     without a close handshake (lws' async kill; reported `didClose(1006)`), else
///   - that has been silent for the whole last interval gets a ping frame, else
///   - is left alone (it spoke: no ping needed).
/// So a silent peer is pinged one to two intervals after its last frame and dropped one interval
/// after that, as protocol.md says ("a socket that does not pong within another interval").
extension WebSocketServer {
    /// Ping payload: lws 4.1 passes a pong to `LWS_CALLBACK_RECEIVE_PONG` only when it carries a
    /// payload (an empty one is swallowed), and a peer echoes the ping's payload in its pong.
    static let pingPayloadLength = 4

    /// Arms the first sweep. Service thread, after the context exists.
    func startKeepalive() {
        guard configuration.keepaliveSeconds > 0 else { return }
        let buffer = UnsafeMutableRawPointer.allocate(
            byteCount: OutboundQueue.headerSize + Self.pingPayloadLength, alignment: 16)
        pingBuffer = buffer
        keepaliveTimer = armTimer(owner: nil, token: 0, after: Double(configuration.keepaliveSeconds))
    }

    /// Frees what `startKeepalive` made, once the context (and its timer list) is gone.
    func releaseKeepalive() {
        keepaliveTimer?.deallocate()
        keepaliveTimer = nil
        pingBuffer?.deallocate()
        pingBuffer = nil
    }

    /// A frame (data, pong) arrived: the peer is alive. One store, no timer touched.
    @inline(__always) func heard(_ connection: Connection) {
        connection.heardEpoch = keepaliveEpoch
    }

    /// The periodic sweep (the keepalive timer fired): drop the unanswered, ping the silent.
    func keepaliveSweep(_ timer: UnsafeMutablePointer<sb_timer>) {
        keepaliveEpoch &+= 1
        let epoch = keepaliveEpoch
        for connection in connections.values where connection.kind == .webSocket {
            // An empty outbound buffer goes back (idle connections hold none; a busy one
            // allocates again once per interval).
            connection.outbound.releaseIfEmpty()
            // Upgrading sockets are under lws' handshake timeout; closing ones under the close
            // timeout (`close`, overflow) or lws' close handshake.
            guard connection.state == .open, connection.pendingClose == nil, connection.sentClose == nil,
                  connection.peerClose == nil, !connection.overflowed, let wsi = connection.wsi else { continue }
            if connection.pingEpoch != 0 && connection.heardEpoch < connection.pingEpoch {
                dropUnresponsive(connection, wsi)
            } else if connection.heardEpoch &+ 1 < epoch {
                connection.pingEpoch = epoch
                connection.pingPending = true
                requestWritable(connection)
            } else {
                connection.pingEpoch = 0
            }
        }
        sb_timer_schedule(context, timer, transportTimerCallback,
                          Int64(configuration.keepaliveSeconds) * 1_000_000)
    }

    /// No answer within an interval: close without a close handshake (a dead peer would never
    /// answer one). lws closes it on its next pass with no status, so no close frame goes out,
    /// and `reportClosed` reports 1006 (neither side's close was recorded).
    private func dropUnresponsive(_ connection: Connection, _ wsi: OpaquePointer) {
        connection.state = .closing
        connection.pingPending = false
        // Async: we are inside the sweep over `connections`; a synchronous close would report
        // (and remove the record) in the middle of it.
        lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, sb_kill_async_seconds())
    }

    /// Writes the pending ping frame (a real RFC 6455 ping, opcode 0x9). Called from the writable
    /// callback as its one write; returns lws_write's result.
    func writePing(_ wsi: OpaquePointer, _ connection: Connection) -> Int32 {
        connection.pingPending = false
        guard let pingBuffer else { return 0 }
        let payload = pingBuffer + OutboundQueue.headerSize
        payload.storeBytes(of: connection.pingEpoch.bigEndian, as: UInt32.self)
        return lws_write(wsi, payload.assumingMemoryBound(to: UInt8.self), Self.pingPayloadLength, LWS_WRITE_PING)
    }
}
