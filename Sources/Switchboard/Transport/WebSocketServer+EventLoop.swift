import CLibWebSockets
import Foundation

/// The event loop the service thread runs (TransportConfiguration.eventLoop).
///
/// With `.poll`, `lws_service` returns after each poll() and the service thread loops until
/// `finish()` sets the finished flag. With `.libuv` / `.libev`, lws creates the loop itself (no
/// foreign loop) and `lws_service` runs it until the context is destroyed, so shutdown differs:
/// `finish()` arms a zero-delay timer whose callback starts `lws_context_destroy` from inside the
/// loop (a timer callback, not a wsi callback, so no wsi is freed under its own callback); the
/// loop ends once every handle has closed, and the service thread completes the destroy.
///
/// What stays the same under every loop: `lws_cancel_service` (the mailbox wake-up) is lws' event
/// pipe, which both libraries watch like a socket; `lws_sul` timers are run by lws from the
/// library's timer and idle handlers.
///
/// Signals: an lws-owned libuv loop installs handlers for SIGINT and SIGTERM, an lws-owned libev
/// loop for SIGINT, and would then take a signal meant for the process (`switchboard serve`
/// stops the whole server, not just the transport; a swallowed SIGTERM left it waiting forever).
/// The transport does not own the process's signals, so the dispositions from before the context
/// was created are put back right after, and again once the loop's teardown has reset them to
/// SIG_DFL. That write-back assumes nobody else changes them meanwhile: whoever owns the signals
/// must have installed its handlers before `start()` (a handler installed concurrently, as
/// libdispatch's signal sources do, can be overwritten; see StopSignals in `switchboard`).
/// Should a watcher fire anyway, `info.signal_cb` turns it into `stop()` rather than lws' default
/// of dropping every socket without a close frame.
extension WebSocketServer {
    var usesEventLibrary: Bool { configuration.eventLoop != .poll }

    /// Context options for the configured loop.
    func eventLoopOptions() -> UInt64 {
        switch configuration.eventLoop {
        case .poll: 0
        // No SIGSEGV/SIGFPE/SIGHUP watchers: a crash should crash, not spin in lws' handler.
        case .libuv: UInt64(LWS_SERVER_OPTION_LIBUV) | UInt64(LWS_SERVER_OPTION_UV_NO_SIGSEGV_SIGFPE_SPIN)
        case .libev: UInt64(LWS_SERVER_OPTION_LIBEV)
        }
    }

    /// The SIGINT/SIGTERM dispositions to keep across the event library's own signal handling.
    func savedSignalDispositions() -> [(Int32, sigaction)] {
        guard usesEventLibrary else { return [] }
        return [SIGINT, SIGTERM].map { number in
            var action = sigaction()
            sigaction(number, nil, &action)
            return (number, action)
        }
    }

    func restoreSignalDispositions(_ saved: [(Int32, sigaction)]) {
        for (number, action) in saved {
            var action = action
            sigaction(number, &action, nil)
        }
    }

    /// Marks the calling thread as this server's service thread, for the signal callback (which
    /// gets only the event library's watcher, whose layout differs between libraries).
    func registerServiceThread() {
        pthread_setspecific(serviceThreadServerKey, Unmanaged.passUnretained(self).toOpaque())
    }

    /// libev only: a timer that fires every `libevTickSeconds`, so that every other timer fires
    /// within that much of its time.
    ///
    /// Why: lws 4.1's libev glue keeps one ev_timer for all of lws' sorted timers and, after
    /// each I/O event, re-arms it with `ev_timer_set` + `ev_timer_start`. On a watcher that is
    /// already running both do nothing (libev keeps the old expiry in its heap), so a timer
    /// scheduled earlier than the pending one waited for it: a 300 ms init timeout on a quiet
    /// socket fired only with the 12 s keepalive sweep. Only when the ev_timer itself fires (it is
    /// stopped while its callback runs) is it re-armed correctly; the tick makes that happen often.
    func startLibevTick() {
        guard configuration.eventLoop == .libev else { return }
        libevTick = armTimer(owner: nil, token: 0, after: Self.libevTickSeconds)
    }

    static let libevTickSeconds = 0.02

    func libevTickFired(_ timer: UnsafeMutablePointer<sb_timer>) {
        sb_timer_schedule(context, timer, transportTimerCallback, Int64(Self.libevTickSeconds * 1_000_000))
    }

    /// No more ticks: the context is about to be destroyed.
    func stopLibevTick() {
        if let libevTick { lws_sul_cancel(&libevTick.pointee.sul) }
    }

    /// Frees the tick's timer once the context (and its timer list) is gone.
    func releaseLibevTick() {
        libevTick?.deallocate()
        libevTick = nil
    }

    /// Starts tearing the context down from inside the running event-library loop.
    func scheduleLoopDestroy() {
        destroyTimer = armTimer(owner: nil, token: 0, after: 0)
    }

    /// The destroy timer fired: begin `lws_context_destroy`; `lws_service` returns when it is done.
    func loopDestroyFired(_ timer: UnsafeMutablePointer<sb_timer>) {
        destroyTimer = nil
        timer.deallocate()
        stopLibevTick()
        markNotLive()
        if let context { lws_context_destroy(context) }
    }
}

/// The server whose service thread is the current thread (set by `registerServiceThread`).
let serviceThreadServerKey: pthread_key_t = {
    var key = pthread_key_t()
    precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
    return key
}()

/// `info.signal_cb`: an event library's own signal watcher caught SIGINT/SIGTERM. Runs on the
/// service thread inside the loop (not in signal context).
func transportEventLibrarySignal(_ handle: UnsafeMutableRawPointer?, _ signum: Int32) {
    guard let raw = pthread_getspecific(serviceThreadServerKey) else { return }
    Unmanaged<WebSocketServer>.fromOpaque(raw).takeUnretainedValue().stop()
}
