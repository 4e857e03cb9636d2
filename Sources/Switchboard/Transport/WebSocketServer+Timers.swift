import CLibWebSockets

/// lws_sul callback: the sul is the first member of an `sb_timer`.
func transportTimerCallback(_ sul: UnsafeMutablePointer<lws_sorted_usec_list_t>?) {
    guard let sul else { return }
    let timer = sb_timer_from_sul(sul)!
    let server = Unmanaged<WebSocketServer>.fromOpaque(timer.pointee.server).takeUnretainedValue()
    server.timerFired(timer)
}

extension WebSocketServer {
    /// Calls `didFire(connection, token)` after `seconds`, on the service thread, unless the
    /// connection closes first (timers die with their connection; `didFire` never follows `didClose`).
    public func schedule(_ connection: Connection, after seconds: Double, token: UInt64) {
        assertOnServiceThread()
        guard connection.kind == .webSocket, connection.state != .closed else { return }
        connection.timers.append(armTimer(owner: connection, token: token, after: seconds))
    }

    /// Cancels the connection's pending timers that carry `token`.
    public func cancelTimers(_ connection: Connection, token: UInt64) {
        assertOnServiceThread()
        connection.timers.removeAll { timer in
            guard timer.pointee.token == token else { return false }
            lws_sul_cancel(&timer.pointee.sul)
            timer.deallocate()
            return true
        }
    }

    func cancelAllTimers(_ connection: Connection) {
        for timer in connection.timers {
            lws_sul_cancel(&timer.pointee.sul)
            timer.deallocate()
        }
        connection.timers.removeAll()
    }

    func armTimer(owner: Connection?, token: UInt64, after seconds: Double) -> UnsafeMutablePointer<sb_timer> {
        let timer = UnsafeMutablePointer<sb_timer>.allocate(capacity: 1)
        timer.initialize(to: sb_timer())
        timer.pointee.server = Unmanaged.passUnretained(self).toOpaque()
        timer.pointee.owner = owner.map { UnsafeMutableRawPointer(Unmanaged.passUnretained($0).toOpaque()) }
        timer.pointee.token = token
        sb_timer_schedule(context, timer, transportTimerCallback, Int64(max(0, seconds) * 1_000_000))
        return timer
    }

    func timerFired(_ timer: UnsafeMutablePointer<sb_timer>) {
        if timer == keepaliveTimer {
            keepaliveSweep(timer)
            return
        }
        if timer == libevTick {
            libevTickFired(timer)
            return
        }
        if timer == destroyTimer {
            loopDestroyFired(timer)
            return
        }
        guard let owner = timer.pointee.owner else {
            // The shutdown deadline: stop waiting for close handshakes.
            if timer == shutdownTimer { shutdownTimer = nil }
            timer.deallocate()
            if !finishing { finish() }
            return
        }
        let connection = Unmanaged<Connection>.fromOpaque(owner).takeUnretainedValue()
        let token = timer.pointee.token
        connection.timers.removeAll { $0 == timer }
        timer.deallocate()
        if connection.state != .closed { handler.didFire(connection, token: token) }
    }
}
