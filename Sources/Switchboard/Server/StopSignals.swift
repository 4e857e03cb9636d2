#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM stop the server of `serveUntilSignalled`, through a plain handler
/// installed before the server starts.
///
/// Not `DispatchSource.makeSignalSource`: on Linux libdispatch puts its own handler in place
/// later, on its manager thread, at some moment after `resume()`. Under an event library the
/// transport reads the SIGINT/SIGTERM dispositions before creating its context and writes them
/// back after (libuv and libev take those signals over). When libdispatch's install fell inside
/// that window, the write-back restored the SIG_IGN read before it, and the process ignored
/// SIGTERM for good (2 of 150 starts under `--event-loop ev`; the test teardown then timed out).
/// A handler installed here, synchronously, is what the transport reads and puts back.
enum StopSignals {
    /// The server the handler stops. Written once, before the handler is installed.
    nonisolated(unsafe) private static var server: Server?

    static func install(stopping server: Server) {
        Self.server = server
        var action = sigaction()
        // Server.stop is safe in a signal handler: atomic stores, a pipe write, a semaphore post.
        action.__sigaction_handler.sa_handler = { _ in StopSignals.server?.stop() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }
}
