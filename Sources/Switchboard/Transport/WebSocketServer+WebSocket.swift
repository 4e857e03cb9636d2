import CLibWebSockets

extension WebSocketServer {
    // MARK: - Public API (service thread)

    /// The live connection with this id (WebSocket or HTTP), if any.
    public func connection(_ id: ConnectionID) -> Connection? {
        assertOnServiceThread()
        return connections[id]
    }

    /// Open WebSockets (accepted upgrades not yet reported closed).
    public var webSocketConnectionCount: Int {
        assertOnServiceThread()
        return webSocketCount
    }

    /// Queues one text frame of `byteCount` bytes that `fill` writes in place (no intermediate
    /// copy: the fan-out splices shared payload bytes straight into the queue). `tag` comes back
    /// in `didDropFrames` if the frame is dropped. Over `maxQueueBytes` the connection is closed
    /// with 1013 at once and everything queued (this frame included) is reported dropped.
    /// `paced`: a fan-out's frame, whose writable request may wait a few turns of the loop
    /// (`WritablePacer`); everything else asks at once.
    public func send(_ connection: Connection, byteCount: Int, tag: UInt64 = 0, paced: Bool = false,
                     fill: (UnsafeMutableRawBufferPointer) -> Void) {
        assertOnServiceThread()
        guard connection.kind == .webSocket, connection.state != .closed, connection.wsi != nil else { return }
        // Closing for another reason: nothing more goes out.
        if connection.closeSentOrReceived { return }
        if connection.overflowed {
            reportDropped(connection, byteCount: byteCount, tag: tag, fill: fill)
            return
        }
        if connection.outbound.queuedBytes + byteCount > configuration.maxQueueBytes {
            overflow(connection, byteCount: byteCount, tag: tag, fill: fill)
            return
        }
        connection.outbound.append(byteCount: byteCount, tag: tag, fill: fill)
        if paced { requestWritablePaced(connection) } else { requestWritable(connection) }
    }

    /// A hint ahead of `send(connection, byteCount: byteCount, …)`: asks for the queue memory
    /// the frame will be built in. Reads the connection's first fields, so the fan-out asks for
    /// those lines earlier (`prefetchObjectHead`).
    public func prefetchSend(_ connection: Connection, byteCount: Int) {
        if let address = connection.outbound.nextFrameAddress(byteCount: byteCount) {
            prefetchForWrite(address, byteCount: OutboundQueue.headerSize + byteCount)
        }
    }

    /// Queues one text frame holding `bytes`.
    public func send(_ connection: Connection, _ bytes: UnsafeRawBufferPointer, tag: UInt64 = 0) {
        send(connection, byteCount: bytes.count, tag: tag) { target in
            if bytes.count > 0 { target.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        }
    }

    /// Queues one text frame holding `bytes`.
    public func send(_ connection: Connection, _ bytes: [UInt8], tag: UInt64 = 0) {
        bytes.withUnsafeBytes { send(connection, $0, tag: tag) }
    }

    /// Queues one text frame holding `text` as UTF-8.
    public func send(_ connection: Connection, text: String, tag: UInt64 = 0) {
        var text = text
        text.withUTF8 { send(connection, UnsafeRawBufferPointer($0), tag: tag) }
    }

    /// Closes with `code` and `reason` (cut to 123 bytes at a character boundary) once the frames
    /// already queued are written. Later calls, and calls on a closing connection, do nothing.
    public func close(_ connection: Connection, code: UInt16, reason: String) {
        assertOnServiceThread()
        guard connection.kind == .webSocket, connection.state != .closed, !connection.overflowed,
              connection.pendingClose == nil, connection.sentClose == nil, let wsi = connection.wsi
        else { return }
        connection.pendingClose = (code, Self.closeReason(reason))
        // A peer that never lets us write must not hold the socket forever.
        if connection.state == .open { lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, 10) }
        requestWritable(connection)
    }

    // MARK: - Callbacks

    func webSocketEstablished(_ wsi: OpaquePointer) {
        guard let connection = connection(of: wsi), connection.kind == .webSocket else { return }
        connection.state = .open
        heard(connection)
        if connection.closePending { lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, 10) }
        if !connection.outbound.isEmpty || connection.closePending { requestWritable(connection) }
    }

    func requestWritable(_ connection: Connection) {
        guard connection.writableRequest != .asked, connection.state == .open, let wsi = connection.wsi else { return }
        connection.writableRequest = .asked
        lws_callback_on_writable(wsi)
    }

    /// One `lws_write` per writable callback; the close frame goes once the queue is empty.
    /// When several frames wait (a burst of events for one socket, a socket slower than the
    /// publishers), that one write carries as many of them as fit `coalescedWriteBytes`.
    func webSocketWritable(_ wsi: OpaquePointer) -> Int32 {
        guard let connection = connection(of: wsi) else { return 0 }
        connection.writableRequest = .none
        guard connection.state == .open else { return 0 }
        if connection.pingPending {
            // The ping goes ahead of queued data: it asks whether the peer is still there.
            if writePing(wsi, connection) < 0 { return -1 }
        } else if connection.outbound.count > 1 {
            if writeCoalesced(wsi, connection) < 0 { return -1 }
        } else if let frame = connection.outbound.first() {
            let written = lws_write(wsi, frame.payload.assumingMemoryBound(to: UInt8.self), frame.length, LWS_WRITE_TEXT)
            connection.outbound.removeFirst(length: frame.length)
            if written < 0 { return -1 }
        } else if let close = connection.pendingClose {
            connection.pendingClose = nil
            connection.sentClose = close
            connection.state = .closing
            setCloseReason(wsi, close.code, close.reason)
            return -1
        } else {
            return 0
        }
        if !connection.outbound.isEmpty || connection.closePending { requestWritable(connection) }
        return 0
    }

    /// The most bytes one coalesced write carries: enough that a backlog of small `next`
    /// messages drains in few syscalls, small enough that the copy stays in cache.
    static let coalescedWriteBytes = 32 * 1024

    /// Writes the queue's first frames as one raw write: each gets its own WebSocket header
    /// (text, final, unmasked as a server's frames are) in the scratch buffer, which is what
    /// lws would have put in front of each one. lws sends `LWS_WRITE_HTTP` bytes on a WebSocket
    /// connection as they are, without framing, and keeps what the socket did not take, as for
    /// any write.
    /// The first frame always goes, even alone over the limit.
    private func writeCoalesced(_ wsi: OpaquePointer, _ connection: Connection) -> Int32 {
        var total = 0
        var frames = 0
        connection.outbound.forEachFrame(while: { _, payload in
            let size = WebSocketFrameHeader.size(payloadLength: payload.count) + payload.count
            guard frames == 0 || total + size <= Self.coalescedWriteBytes else { return false }
            total += size
            frames += 1
            return true
        })
        let pre = Int(sb_lws_pre())
        let start = scratch.reserve(pre + total) + pre
        var cursor = start
        var copied = 0
        connection.outbound.forEachFrame(while: { _, payload in
            guard copied < frames else { return false }
            cursor += WebSocketFrameHeader.write(payloadLength: payload.count, at: cursor)
            if let source = payload.baseAddress { cursor.copyMemory(from: source, byteCount: payload.count) }
            cursor += payload.count
            copied += 1
            return true
        })
        let written = lws_write(wsi, start.assumingMemoryBound(to: UInt8.self), total, LWS_WRITE_HTTP)
        // The queue's own headers are intact (the write went from the scratch buffer), so each
        // frame's length is read back from the queue as it is dropped.
        for _ in 0..<frames {
            guard let frame = connection.outbound.first() else { break }
            connection.outbound.removeFirst(length: frame.length)
        }
        return written < 0 ? -1 : 0
    }

    func webSocketReceive(_ wsi: OpaquePointer, _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        guard let connection = connection(of: wsi), connection.kind == .webSocket else { return 0 }
        heard(connection)
        let first = lws_is_first_fragment(wsi) != 0
        let final = lws_is_final_fragment(wsi) != 0
        if first {
            connection.inboundInProgress = true
            connection.inboundIsBinary = lws_frame_is_binary(wsi) != 0
            if connection.inbound.capacity > 16 * 1024 { connection.inbound = [] } else { connection.inbound.removeAll(keepingCapacity: true) }
            if connection.inboundIsBinary, connection.state == .open, connection.sentClose == nil,
               connection.pendingClose == nil {
                handler.didReceiveBinary(connection)
            }
        }
        if final { connection.inboundInProgress = false }
        // A connection being closed hears nothing more (the rest of a refused message included).
        guard connection.state == .open, connection.sentClose == nil, connection.pendingClose == nil,
              !connection.overflowed else { return 0 }
        if connection.inboundIsBinary { return 0 }

        let max = configuration.maxMessageBytes
        if first && final {
            // The whole message in one piece: hand lws's buffer over without a copy.
            if length > max { return messageTooBig(wsi, connection) }
            handler.didReceiveText(connection, UnsafeRawBufferPointer(start: input, count: length))
            return 0
        }
        // A frame's header declares its length: one declared over the limit is refused on its
        // first bytes, not after the server has waited for (and buffered) the limit's worth.
        let declared = connection.inbound.count + length + Int(lws_remaining_packet_payload(wsi))
        if declared > max { return messageTooBig(wsi, connection) }
        if length > 0, let input {
            connection.inbound.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
        }
        if final {
            connection.inbound.withUnsafeBytes { handler.didReceiveText(connection, $0) }
            if connection.inbound.capacity > 16 * 1024 { connection.inbound = [] } else { connection.inbound.removeAll(keepingCapacity: true) }
        }
        return 0
    }

    /// Refuses the message being received: closes with 1009 from the next writable callback.
    ///
    /// Not by returning -1 here: lws then drops the rest of the bytes it read along with this
    /// piece, yet still counts them as owed to the refused frame, so it takes the peer's next
    /// bytes (its close reply, typically) for them and waits out its close timeout. Returning 0
    /// lets lws parse the rest of the frame, which the guard above then ignores.
    func messageTooBig(_ wsi: OpaquePointer, _ connection: Connection) -> Int32 {
        handler.didEnforceLimit(.messageBytes)
        connection.inbound = []
        close(connection, code: 1009, reason: "Message too big")
        return 0
    }

    func webSocketPeerClosing(_ wsi: OpaquePointer, _ input: UnsafeMutableRawPointer?, _ length: Int) {
        guard let connection = connection(of: wsi) else { return }
        let bytes = UnsafeRawBufferPointer(start: input, count: input == nil ? 0 : length)
        if bytes.count >= 2 {
            let code = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            connection.peerClose = (code, String(decoding: bytes.dropFirst(2), as: UTF8.self))
        } else {
            connection.peerClose = (1005, "")
        }
        if connection.state == .open { connection.state = .closing }
    }

    /// Reports `didClose` once for an accepted WebSocket and releases what it held.
    func reportClosed(_ connection: Connection) {
        guard connection.kind == .webSocket, !connection.reportedClosed else { return }
        connection.reportedClosed = true
        connection.state = .closed
        cancelAllTimers(connection)
        connection.outbound.removeAll()
        connection.inbound = []
        webSocketCount -= 1
        let (code, reason): (UInt16, String) = connection.sentClose ?? connection.peerClose ?? (1006, "")
        handler.didClose(connection, code: code, reason: reason)
        if stopping && webSocketCount == 0 && !finishing { finish() }
    }

    // MARK: - Overflow

    private func overflow(_ connection: Connection, byteCount: Int, tag: UInt64,
                          fill: (UnsafeMutableRawBufferPointer) -> Void) {
        connection.overflowed = true
        reportDropped(connection, byteCount: byteCount, tag: tag, fill: fill)
        connection.outbound.removeAll()
        guard let wsi = connection.wsi else { return }
        // The close frame goes out from the next writable callback (after whatever lws already
        // holds of a partly written frame). A peer that never reads again is cut off by the
        // timeout instead (lws' own async kill sends no close frame, so it is not used first).
        connection.pendingClose = (1013, "Try again later")
        connection.sentClose = nil
        lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, 10)
        requestWritable(connection)
    }

    /// Shows the handler every queued frame plus `extra` (built in scratch memory).
    private func reportDropped(_ connection: Connection, byteCount: Int, tag: UInt64,
                               fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(byteCount, 1), alignment: 8)
        defer { buffer.deallocate() }
        fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<byteCount]))
        var frames: [(tag: UInt64, bytes: UnsafeRawBufferPointer)] = []
        frames.reserveCapacity(connection.outbound.count + 1)
        connection.outbound.forEachFrame { frames.append(($0, $1)) }
        frames.append((tag, UnsafeRawBufferPointer(rebasing: buffer[0..<byteCount])))
        handler.didDropFrames(connection, DroppedFrames(frames: frames))
    }

    func setCloseReason(_ wsi: OpaquePointer, _ code: UInt16, _ reason: String) {
        var bytes = Array(reason.utf8)
        bytes.withUnsafeMutableBufferPointer {
            lws_close_reason(wsi, lws_close_status(rawValue: UInt32(code)), $0.baseAddress, $0.count)
        }
    }

    /// At most 123 UTF-8 bytes, cut at a character boundary.
    static func closeReason(_ reason: String) -> String {
        if reason.utf8.count <= 123 { return reason }
        var result = ""
        var used = 0
        for scalar in reason.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > 123 { break }
            used += size
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
