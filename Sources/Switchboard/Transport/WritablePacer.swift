import CLibWebSockets

/// Paces the fan-out's requests for writable callbacks: at most `armsPerTurn` per turn of the
/// loop, the rest in the turns after, in the order they were asked for.
///
/// Why: with libev, asking for a writable callback is an `epoll_ctl` that the loop makes at the
/// start of its next turn, before it waits. A fan-out to 10,000 sockets asked for all of them at
/// once, so the first frame left only after 10,000 `epoll_ctl`s (about 15 ms here), and every
/// subscriber waited that long. Paced, the first `armsPerTurn` sockets are written in the next
/// turn while the rest are still to be asked for; the work is the same, it only starts sooner.
/// A frame that joins a queue still waiting for its turn leaves with the ones before it, in one
/// coalesced write.
///
/// Frames are queued at once, as before (the queue's limit and its 1013 apply when the event is
/// fanned out): only the request for the writable callback waits. Requests other than the
/// fan-out's (acknowledgements, pongs, `complete`, the close frame) are never paced, and one for a
/// connection still waiting here asks at once for it.
struct WritablePacer {
    /// How many paced requests one turn makes: a turn then writes at most this many sockets
    /// before it looks at new input again, and the first of a large fan-out go out after this
    /// many `epoll_ctl`s, not after all of them. The fewer per turn, the more turns a fan-out
    /// spans and the more of the next messages meet frames still waiting, to leave with them in
    /// one write: measured interleaved, 128 against 256 made `fanout-1k` 1.39–1.67× the baseline
    /// against 0.87–0.98×, with `fanout-10k`, `chats` and `latency-10k`'s p99 alike (a turn's own
    /// cost, an `epoll_wait` and the event pipe, is small beside 128 writes).
    static let armsPerTurn = 128

    /// Connections waiting for their turn, oldest first, from `head` on.
    private var waiting: [Connection] = []
    private var head = 0
    /// Requests this turn may still make.
    private var left = Self.armsPerTurn

    var isEmpty: Bool { head == waiting.count }

    /// A fan-out frame was queued on `connection`. Returns true when the caller should ask for
    /// its writable callback now; false when it waits its turn (the caller must then wake the
    /// loop for another turn).
    mutating func admit(_ connection: Connection) -> Bool {
        if isEmpty && left > 0 {
            left -= 1
            return true
        }
        connection.writableRequest = .waiting
        waiting.append(connection)
        return false
    }

    /// A new turn: calls `request` for the connections whose turn it is. Those that asked out
    /// of turn meanwhile are passed over (a closed one is handed on: `requestWritable` ignores it).
    mutating func startTurn(_ request: (Connection) -> Void) {
        left = Self.armsPerTurn
        while left > 0 && head < waiting.count {
            let connection = waiting[head]
            head += 1
            guard connection.writableRequest == .waiting else { continue }
            left -= 1
            request(connection)
        }
        if head == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 4096 && head * 2 >= waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
    }
}

extension WebSocketServer {
    /// `requestWritable` for a fan-out frame: now, or in a later turn (`WritablePacer`).
    func requestWritablePaced(_ connection: Connection) {
        guard connection.writableRequest == .none, connection.state == .open, connection.wsi != nil else { return }
        if pacer.admit(connection) {
            requestWritable(connection)
        } else {
            wakeForPacer()
        }
    }

    func wakeForPacer() {
        guard !pacerWakePending, let context else { return }
        pacerWakePending = true
        lws_cancel_service(context)
    }

    /// A turn of the loop began with the event pipe: the pacer's next requests.
    func pacerTurn() {
        pacerWakePending = false
        pacer.startTurn { requestWritable($0) }
        if !pacer.isEmpty { wakeForPacer() }
    }
}
